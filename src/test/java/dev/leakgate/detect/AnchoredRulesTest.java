package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code anchored: true} claims that every match of the rule starts where one of its keywords
 * starts; the detector then tries the pattern only there. This holds each built-in anchored rule
 * to that claim: on every rule's examples and on the corpora, it finds exactly what the same rule
 * finds when searched along each line.
 */
class AnchoredRulesTest {
    @Test
    void anchoredRulesFindWhatASearchAlongTheLineFinds() throws IOException {
        List<byte[]> texts = texts();
        int anchoredRules = 0;
        int matches = 0;
        for (Rule rule : BuiltinRules.load()) {
            if (!rule.anchored() || rule.assignment()) {
                continue; // assignment rules are held to their frame by AssignmentFrameTest
            }
            anchoredRules++;
            Detector anchored = new Detector(List.of(rule));
            Detector searched = new Detector(List.of(searchedAlongTheLine(rule)));
            for (byte[] text : texts) {
                List<String> a = spans(anchored.scan(text));
                List<String> s = spans(searched.scan(text));
                assertThat(a).as("%s: anchored vs searched", rule.id()).isEqualTo(s);
                matches += a.size();
            }
        }
        assertThat(anchoredRules).as("anchored built-in rules").isGreaterThan(200);
        assertThat(matches).as("matches compared").isGreaterThan(500);
    }

    private static Rule searchedAlongTheLine(Rule r) {
        return new Rule(r.id(), r.kind(), r.description(), r.pattern(), r.secretGroup(), r.keywords(), r.entropy(),
                r.minLength(), r.validatorName(), r.validator(), r.allow(), r.window(), r.generic(), false, false,
                r.shape(), r.examples(), r.negativeExamples(), r.origin());
    }

    private static List<String> spans(List<Match> matches) {
        return matches.stream().map(m -> m.secretStart() + "-" + m.secretEnd() + (m.decoded() ? "d" : "")).toList();
    }

    private static List<byte[]> texts() throws IOException {
        List<byte[]> texts = new ArrayList<>();
        for (Rule r : BuiltinRules.load()) {
            for (String e : r.examples()) {
                texts.add(e.getBytes(StandardCharsets.UTF_8));
                // The same text behind a word character and behind punctuation: \b and line starts.
                texts.add(("x" + e).getBytes(StandardCharsets.UTF_8));
                texts.add(("key: " + e).getBytes(StandardCharsets.UTF_8));
            }
            for (String e : r.negativeExamples()) {
                texts.add(e.getBytes(StandardCharsets.UTF_8));
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("test-fixtures/corpus"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                texts.add(Files.readAllBytes(f));
            }
        }
        return texts;
    }
}
