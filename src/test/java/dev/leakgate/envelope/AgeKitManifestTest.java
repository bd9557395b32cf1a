package dev.leakgate.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of the CCTV age test kit against the manifest's {@code structural} verdict: what a validator
 * holding no identity must reject (armor, grammar, known stanza shapes, payload lengths) or accept.
 */
class AgeKitManifestTest {
    static final Path KIT = Path.of("test-fixtures", "age-testkit");

    record Vector(String name, String expect, boolean armored, boolean accept) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Vector> vectors() throws IOException {
        List<Vector> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(KIT.resolve("manifest.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(new Vector(f[0], f[1], f[2].equals("yes"), f[3].equals("accept")));
        }
        return out;
    }

    @Test
    void manifestHas143VectorsWith58AcceptAnd85Reject() throws IOException {
        List<Vector> all = vectors();
        assertThat(all).hasSize(143);
        assertThat(all.stream().filter(Vector::accept)).hasSize(58);
        assertThat(all.stream().filter(v -> !v.accept())).hasSize(85);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void structuralVerdictMatchesManifest(Vector v) throws IOException {
        byte[] bytes = Files.readAllBytes(KIT.resolve(v.name() + ".age"));
        EnvelopeResult result = EnvelopeValidator.check("secrets/" + v.name() + ".age", bytes);
        if (v.accept()) {
            assertThat(result.problems()).as(v.name()).isEmpty();
            assertThat(result.format()).isEqualTo(v.armored() ? EnvelopeFormat.AGE_ARMORED : EnvelopeFormat.AGE_BINARY);
        } else {
            assertThat(result.problems()).as(v.name()).isNotEmpty();
        }
    }

    static Stream<Vector> rejected() throws IOException {
        return vectors().stream().filter(v -> !v.accept());
    }

    /** Rejections must say what is wrong with the age file, not fall through to "not an envelope" by accident. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectionsAreAgeReasons(Vector v) throws IOException {
        byte[] bytes = Files.readAllBytes(KIT.resolve(v.name() + ".age"));
        EnvelopeResult result = EnvelopeValidator.check("secrets/" + v.name() + ".age", bytes);
        if (v.name().equals("empty")) {
            assertThat(result.problems()).extracting(EnvelopeProblem::reason).containsExactly("empty-file");
        } else {
            assertThat(result.problems()).allSatisfy(p -> assertThat(p.reason()).startsWith("age-"));
        }
    }
}
