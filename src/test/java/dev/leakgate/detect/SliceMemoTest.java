package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.testing.TestSeed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A detector that skips the regex on slices it already ran without a match ({@link SliceMemo})
 * against one that runs every slice, on the versions of a file as a history holds them: random
 * contents made of every built-in rule's examples and code-like lines, each version a small random
 * edit of the last (a line added, removed or moved, a byte changed, an example spliced in or cut),
 * so most slices repeat and some change by one byte at their edge.
 */
class SliceMemoTest {
    private static final List<Rule> RULES = BuiltinRules.load();
    private static final KeywordAutomaton KEYWORDS = new KeywordAutomaton(
            RULES.stream().flatMap(r -> r.keywords().stream()).distinct().toList());
    private static final String[] CODE = {"int main(void) {", "  return checkout(fp);", "}", "# curl the web_ page",
        "password = read_config(\"password\")", "api_key: ${API_KEY}", "    if (fingerprint == NULL)", "pub   rsa4096",
        "keys:", "  - pgp: ", "url = https://user@example.org/x?sv=2020&sig=", "", "token:", "secret_key ="};

    @Test
    void skippedSlicesGiveWhatRunningThemGives() {
        Random random = TestSeed.random("SliceMemoTest");
        List<String> examples = new ArrayList<>();
        for (Rule r : RULES) {
            examples.addAll(r.examples());
            examples.addAll(r.negativeExamples());
        }
        Detector detector = new Detector(RULES);
        int matches = 0;
        int versions = 0;
        for (int file = 0; file < 12; file++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                lines.add(random.nextInt(3) == 0 ? examples.get(random.nextInt(examples.size())) : CODE[random.nextInt(CODE.length)]);
            }
            for (int v = 0; v < 40; v++) {
                edit(random, lines, examples);
                byte[] content = (String.join(random.nextBoolean() ? "\n" : "\r\n", lines)).getBytes(StandardCharsets.UTF_8);
                List<Match> expected = detector.scan(content, content.length, null, false);
                assertThat(detector.scan(content, content.length, null, true)).as("file %d version %d, %s", file, v,
                        TestSeed.replayHint("SliceMemoTest")).isEqualTo(expected);
                matches += expected.size();
                versions++;
            }
        }
        System.out.println("[leakgate] SliceMemoTest: " + versions + " versions, " + matches + " matches, "
                + detector.memoReuses() + " regex runs saved");
        assertThat(matches).as("the versions hold matches").isGreaterThan(versions);
        assertThat(detector.memoReuses()).as("the memo was used").isGreaterThan(1000);
    }

    private static void edit(Random random, List<String> lines, List<String> examples) {
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        switch (random.nextInt(8)) {
            case 0 -> lines.add(at, examples.get(random.nextInt(examples.size())));
            case 1 -> lines.remove(at);
            case 2 -> { // a byte changed, often at a slice's edge: the byte before a keyword, the value's end
                if (!line.isEmpty()) {
                    int k = random.nextInt(line.length());
                    lines.set(at, line.substring(0, k) + " =:_-aZ9\"'/".charAt(random.nextInt(11)) + line.substring(k + 1));
                }
            }
            case 3 -> { // a block moved
                int n = Math.min(1 + random.nextInt(10), lines.size() - at);
                List<String> block = new ArrayList<>(lines.subList(at, at + n));
                lines.subList(at, at + n).clear();
                lines.addAll(random.nextInt(lines.size() + 1), block);
            }
            case 4 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1))); // cut short
            case 5, 6 -> { // the byte before a keyword flipped between a word byte and a delimiter: what \b and context read
                byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
                List<Integer> starts = new ArrayList<>();
                KEYWORDS.scan(b, b.length, (kw, end) -> starts.add(end - KEYWORDS.keywords().get(kw).length()));
                if (!starts.isEmpty()) {
                    int k = starts.get(random.nextInt(starts.size())) - 1;
                    if (k >= 0) {
                        b[k] = Character.isLetterOrDigit(b[k]) ? (byte) ' ' : (byte) 'x';
                        lines.set(at, new String(b, StandardCharsets.ISO_8859_1));
                    }
                }
            }
            default -> { // an example spliced in mid-line
                String ex = examples.get(random.nextInt(examples.size()));
                int k = random.nextInt(line.length() + 1);
                lines.set(at, line.substring(0, k) + ex + line.substring(k));
            }
        }
        if (lines.isEmpty()) {
            lines.add(CODE[random.nextInt(CODE.length)]);
        }
    }
}
