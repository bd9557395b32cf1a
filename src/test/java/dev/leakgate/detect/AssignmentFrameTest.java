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
            "token ?= x", "token => x", "token>x", "MY.token-v2\t= x"})
    void assignmentsOpenTheFrame(String line) {
        assertThat(frameAtStart(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"token)", "tokenizer.next();", "token(x)", "token x = y", "token", "token\n= x", "token \"\" = x"})
    void otherUsesDoNotOpenIt(String line) {
        assertThat(frameAtStart(line)).isFalse();
    }

    /**
     * The frame must be a necessary condition of every assignment rule's regex: at each keyword
     * start in every example of every rule and in the corpora, a regex match implies the frame.
     */
    @Test
    void everyBuiltinAssignmentMatchOpensTheFrame() throws IOException {
        List<Rule> rules = BuiltinRules.load();
        List<String> texts = new ArrayList<>();
        for (Rule r : rules) {
            texts.addAll(r.examples());
            texts.addAll(r.negativeExamples());
        }
        try (Stream<Path> files = Files.walk(Path.of("test-fixtures/corpus"))) {
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
        assertThat(matches).as("regex matches checked").isGreaterThan(50);
    }

    private static boolean frameAtStart(String line) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        return AssignmentFrame.at(b, 0, b.length);
    }
}
