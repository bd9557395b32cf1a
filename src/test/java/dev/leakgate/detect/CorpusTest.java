package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The precision and recall corpora (test-fixtures/corpus, made by the generators there) against
 * the whole built-in rule set, every kind: a rule added to any pack is held to the clean corpus.
 * Failures list path, line and rule id only, never the matched value.
 */
class CorpusTest {
    private static final Path CORPUS = Path.of("test-fixtures", "corpus");
    private final Detector detector = new Detector(BuiltinRules.load());

    @Test
    void cleanCorpusHasNoFindings() throws IOException {
        List<Path> files = files(CORPUS.resolve("clean"));
        assertThat(files.size()).as("clean corpus files").isGreaterThanOrEqualTo(40);
        List<String> findings = new ArrayList<>();
        for (Path f : files) {
            byte[] content = Files.readAllBytes(f);
            ByteText text = new ByteText(content);
            for (Match m : detector.scan(content)) {
                findings.add(CORPUS.resolve("clean").relativize(f) + ":" + text.lineOf(m.start()) + " " + m.rule().id()
                        + (m.decoded() ? " (decoded)" : ""));
            }
        }
        assertThat(findings).as("findings on the clean corpus").isEmpty();
    }

    /**
     * Real code (vendored Git, OpenJDK and CPython files, and files written in the shapes scanners
     * misread): no rule may report anything. The corpus must keep every language it was made with,
     * so it cannot shrink silently.
     */
    @Test
    void realCodeHasNoFindings() throws IOException {
        Path root = CORPUS.resolve("real");
        List<Path> files = files(root);
        Set<String> kinds = new HashSet<>();
        List<String> findings = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            kinds.add(name.equals("Makefile") ? "Makefile" : name.substring(name.lastIndexOf('.') + 1));
            byte[] content = Files.readAllBytes(f);
            ByteText text = new ByteText(content);
            for (Match m : detector.scan(content)) {
                findings.add(root.relativize(f) + ":" + text.lineOf(m.secretStart()) + " " + m.rule().id()
                        + (m.decoded() ? " (decoded)" : ""));
            }
        }
        assertThat(kinds).as("languages of the real-code corpus")
                .contains("java", "c", "Makefile", "sh", "nix", "yaml", "tf", "php", "rb", "py", "js");
        assertThat(findings).as("findings on real code").isEmpty();
    }

    @Test
    void everyExpectedRecallFindingIsFound() throws IOException {
        Path root = CORPUS.resolve("recall");
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            boolean decoded = f.length > 3 && f[3].equals("decoded");
            expected.add(f[0] + ":" + f[2] + " " + f[1] + (decoded ? " (decoded)" : ""));
        }
        assertThat(expected.size()).as("expected recall findings").isGreaterThanOrEqualTo(80);

        Set<String> found = new HashSet<>();
        for (Path f : files(root)) {
            if (f.getFileName().toString().equals("expected.tsv")) {
                continue;
            }
            byte[] content = Files.readAllBytes(f);
            ByteText text = new ByteText(content);
            String rel = root.relativize(f).toString().replace('\\', '/');
            for (Match m : detector.scan(content)) {
                found.add(rel + ":" + text.lineOf(m.start()) + " " + m.rule().id() + (m.decoded() ? " (decoded)" : ""));
            }
        }
        List<String> missing = expected.stream().filter(e -> !found.contains(e)).toList();
        assertThat(missing).as("expected findings not reported").isEmpty();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
