package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.testing.TestSeed;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hits of a content derived from an earlier content's hits and the ranges it copies
 * ({@link KeywordHits#derive}) against the slow obvious path, a pass of the automaton over the
 * whole content, on random contents and random edits drawn from the run's seed. The contents are
 * dense in the built-in keywords (and in keywords that begin with a newline, read before the first
 * byte), and the edits copy ranges out of order, repeat them, cut keywords in two and insert
 * keyword fragments at the seams.
 */
class KeywordHitsTest {
    private static final Detector DETECTOR = Detector.of(BuiltinRules.load());
    private static final String[] FILLER = {" ", "\n", "=", ": ", "_", "-", "\t", "x", "\"", "\r\n", "é",
        "QUJDREVGR0hJSktMTU5P", "cGFzc3dvcmQ9aHVudGVy", "aGVsbG8gd29ybGQ", "0123456789abcdef", "+/"};

    @Test
    void derivedHitsEqualAScanOfTheWholeContent() {
        Random random = TestSeed.random("KeywordHitsTest.derived");
        List<String> keywords = keywords();
        int compared = 0;
        long hits = 0;
        int noRun = 0;
        int carried = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] earlier = content(random, keywords, 1 + random.nextInt(random.nextBoolean() ? 60 : 600));
            KeywordHits earlierHits = DETECTOR.keywordHits(earlier, earlier.length);
            DETECTOR.scan(earlier, earlier.length, earlierHits, false); // learns whether it holds a base64 row
            ByteArrayOutputStream next = new ByteArrayOutputStream();
            List<Integer> copies = new ArrayList<>();
            int ops = random.nextInt(8);
            boolean lastWasCopy = false;
            for (int op = 0; op < ops; op++) {
                if (earlier.length > 0 && (random.nextInt(3) > 0 || lastWasCopy && random.nextBoolean())) {
                    int from = random.nextInt(earlier.length);
                    if (random.nextInt(4) == 0) {
                        from = 0; // the earlier content's start: the newline read before it comes along
                    }
                    int len = 1 + random.nextInt(earlier.length - from);
                    copies.add(next.size());
                    copies.add(from);
                    copies.add(len);
                    next.write(earlier, from, len);
                    lastWasCopy = true;
                } else {
                    byte[] inserted = content(random, keywords, 1 + random.nextInt(4));
                    if (random.nextBoolean()) { // a keyword's tail: completes one that a copy ends with
                        String k = keywords.get(random.nextInt(keywords.size()));
                        inserted = k.substring(random.nextInt(k.length())).getBytes(StandardCharsets.ISO_8859_1);
                    }
                    next.writeBytes(inserted);
                    lastWasCopy = false;
                }
            }
            byte[] content = next.toByteArray();
            int[] triples = copies.stream().mapToInt(Integer::intValue).toArray();
            KeywordHits derived = DETECTOR.keywordHits(content, content.length, earlierHits, triples);
            KeywordHits whole = DETECTOR.keywordHits(content, content.length);
            assertThat(derived).as("round %d, %s", round, TestSeed.replayHint("KeywordHitsTest")).isEqualTo(whole);
            // the rows of base64 worth a look, carried over, are the rows a walk of the content finds
            int[] walked = Base64Runs.forEachDecoded(content, content.length, (s, e, d) -> { });
            if (derived.base64Rows() != null && walked != null) {
                assertThat(derived.base64Rows()).as("round %d, %s", round, TestSeed.replayHint("KeywordHitsTest"))
                        .isEqualTo(walked);
                noRun += walked.length == 0 ? 1 : 0;
                carried += walked.length > 0 ? 1 : 0;
            }
            // and the scan that starts from them finds what a scan of its own finds
            if (round % 10 == 0) {
                assertThat(DETECTOR.scan(content, content.length, derived, false)).isEqualTo(DETECTOR.scan(content, content.length));
            }
            compared++;
            hits += whole.size();
        }
        System.out.println("[leakgate] KeywordHitsTest: " + compared + " edits compared, " + hits + " hits, " + noRun
                + " with no base64 row, " + carried + " with base64 rows carried over");
        assertThat(noRun).as("contents with no base64 row").isGreaterThan(100);
        assertThat(carried).as("contents with base64 rows").isGreaterThan(100);
        assertThat(hits).as("the inputs hold keywords").isGreaterThan(compared);
    }

    @Test
    void aLargeWindowsPassFindsTheKeywordsWithinIt() {
        // a window of a delta's large insert is read in two halves at once, as a whole content is
        Random random = TestSeed.random("KeywordHitsTest.window");
        List<String> keywords = keywords();
        KeywordAutomaton automaton = new KeywordAutomaton(keywords.stream().distinct().toList());
        for (int round = 0; round < 200; round++) {
            byte[] content = content(random, keywords, 2000 + random.nextInt(4000));
            int from = random.nextBoolean() ? 0 : random.nextInt(content.length / 3);
            int to = Math.min(content.length, from + 4096 + random.nextInt(content.length));
            List<String> expected = new ArrayList<>();
            automaton.scan(content, content.length, (kw, end) -> {
                int start = end - automaton.keywords().get(kw).length();
                if ((start >= from || start == -1 && from == 0) && end <= to) {
                    expected.add(kw + "@" + end);
                }
            });
            List<String> window = new ArrayList<>();
            automaton.scanWindow(content, from, to, (kw, end) -> window.add(kw + "@" + end));
            assertThat(window).as("round %d, %s", round, TestSeed.replayHint("KeywordHitsTest")).isEqualTo(expected);
        }
    }

    @Test
    void aContentCopiedWholeHasTheEarlierHitsAndNoPass() {
        byte[] earlier = "\nsk-abc password=hunter2 token\n".getBytes(StandardCharsets.UTF_8);
        KeywordHits hits = DETECTOR.keywordHits(earlier, earlier.length);
        assertThat(hits.size()).isPositive();
        byte[] same = earlier.clone();
        // one range copied from the start: the hits move as they are, the newline before included
        assertThat(DETECTOR.keywordHits(same, same.length, hits, new int[] {0, 0, same.length})).isEqualTo(hits);
        // the same bytes from a copy of all but the first byte and one new byte: equal still
        assertThat(DETECTOR.keywordHits(same, same.length, hits, new int[] {1, 1, same.length - 1})).isEqualTo(hits);
    }

    private static List<String> keywords() {
        List<String> out = new ArrayList<>();
        for (Rule r : BuiltinRules.load()) {
            out.addAll(r.keywords());
        }
        return out;
    }

    private static byte[] content(Random random, List<String> keywords, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(3) == 0) {
                sb.append(keywords.get(random.nextInt(keywords.size())));
            } else if (random.nextBoolean()) {
                String k = keywords.get(random.nextInt(keywords.size()));
                sb.append(k, 0, random.nextInt(k.length() + 1)); // a keyword's head
            } else {
                sb.append(FILLER[random.nextInt(FILLER.length)]);
            }
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
