package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssignmentFrameTest {
    @ParameterizedTest
    @ValueSource(strings = {"token = x", "api_token: x", "secret\": x", "secret_key='x'", "token := x",
            "token ?= x", "token => x", "<token>x", "<clientToken>x", "MY.token-v2\t= x"})
    void assignmentsOpenTheFrame(String line) {
        assertThat(frameAtStart(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"token)", "tokenizer.next();", "token(x)", "token x = y", "token", "token\n= x", "token \"\" = x",
            "token_data->client_ref_count++;", "token > /tmp/out", "token>x", "token ? a : b"})
    void otherUsesDoNotOpenIt(String line) {
        assertThat(frameAtStart(line)).isFalse();
    }

    /**
     * The frame must hold wherever an assignment rule is meant to match: at each keyword start in
     * every example of every rule and in the recall corpus, a regex match implies the frame. (Not in
     * negative examples: the frame exists to drop some of the regex's matches, '->' and the like.)
     */
    @Test
    void everyBuiltinAssignmentMatchOpensTheFrame() throws IOException {
        List<Rule> rules = BuiltinRules.load();
        List<String> texts = new ArrayList<>();
        for (Rule r : rules) {
            texts.addAll(r.examples());
        }
        try (Stream<Path> files = Files.walk(Path.of("test-fixtures/corpus/recall"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                texts.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        int matches = 0;
        for (Rule rule : rules.stream().filter(Rule::assignment).toList()) {
            for (String text : texts) {
                String lower = text.toLowerCase(Locale.ROOT);
                byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
                for (String k : rule.keywords()) {
                    for (int at = lower.indexOf(k); at >= 0; at = lower.indexOf(k, at + 1)) {
                        int end = text.indexOf('\n', at);
                        end = end < 0 ? text.length() : end;
                        Matcher m = rule.pattern().matcher(text.substring(at, end));
                        if (m.lookingAt()) {
                            matches++;
                            assertThat(AssignmentFrame.at(bytes, at, end))
                                    .as("%s matches at offset %d of a text but the frame says no", rule.id(), at).isTrue();
                        }
                    }
                }
            }
        }
        assertThat(matches).as("regex matches checked").isGreaterThan(25);
    }

    @ParameterizedTest
    @ValueSource(strings = {"token = \"v4lue\";", "token: v4lue", "token: v4lue # note", "\"token\": v4lue, x",
            "token=v4lue", "token = v4lue cmd", "'token' => v4lue", ":token => v4lue", "token => 'v4lue'",
            "token: 'v4lue'", "token = \"v4lue\".getBytes()", "<token>v4lue</token>", "token ?= v4lue"})
    void literalsAreAssigned(String line) {
        assertThat(literal(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TOKEN= v4lue", "token:v4lue", "a-token.o: v4lue other.c", "token: v4lue is wrong",
            "token => v4lue", "token = \"v4lue\" + suffix", "token = 'v4lue' . $suffix", "token = \"v4lue\" .. rest"})
    void otherSyntaxIsNoLiteral(String line) {
        assertThat(literal(line)).isFalse();
    }

    /** The literal check on a line whose value is the word "v4lue", keyword at the first "token". */
    private static boolean literal(String line) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        int at = line.toLowerCase(Locale.ROOT).indexOf("token");
        int v = line.indexOf("v4lue");
        return AssignmentFrame.literal(b, at, v, v + 5, b.length);
    }

    /** The frame at the line's first "token" (any case), as the detector tries it at a keyword hit. */
    private static boolean frameAtStart(String line) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        return AssignmentFrame.at(b, Math.max(0, line.toLowerCase(Locale.ROOT).indexOf("token")), b.length);
    }
}
