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
 * Every file of the sops fixture manifest. Rows whose {@code detect} is {@code structure} must be rejected
 * with the manifest's reason among the problems; valid rows must pass. Rows whose {@code detect} is
 * {@code identity} (MAC tampered, values swapped or copied, lastmodified changed) are structurally sound: only
 * a check holding the age identity can reject them, so this keyless validator must ACCEPT them.
 */
class SopsManifestTest {
    static final Path SOPS = Path.of("test-fixtures", "sops");

    record Row(String file, String format, String verdict, String reason, String detect) {
        @Override
        public String toString() {
            return file;
        }

        boolean structurallyValid() {
            return verdict.equals("valid") || detect.equals("identity");
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(SOPS.resolve("manifest.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(new Row(f[0], f[1], f[3], f[4], f[5]));
        }
        return out;
    }

    private static EnvelopeResult check(Row row) throws IOException {
        return EnvelopeValidator.check(row.file(), Files.readAllBytes(SOPS.resolve(row.file())));
    }

    @Test
    void manifestCounts() throws IOException {
        List<Row> all = rows();
        assertThat(all).hasSize(87);
        assertThat(all.stream().filter(r -> r.detect().equals("structure"))).hasSize(55);
        assertThat(all.stream().filter(r -> r.detect().equals("-"))).hasSize(28);
        assertThat(all.stream().filter(r -> r.detect().equals("identity"))).hasSize(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void verdictMatchesManifest(Row row) throws IOException {
        EnvelopeResult result = check(row);
        if (row.structurallyValid()) {
            assertThat(result.problems()).as(row.file()).isEmpty();
            assertThat(result.format().name()).isEqualTo("SOPS_" + row.format().toUpperCase());
        } else {
            assertThat(result.problems()).as(row.file()).extracting(EnvelopeProblem::reason).contains(row.reason());
        }
    }

    static Stream<Row> rejected() throws IOException {
        return rows().stream().filter(r -> !r.structurallyValid());
    }

    /** Files without sops metadata (or that do not even parse) are no envelope; broken sops files still are sops. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void formatOfRejectedFiles(Row row) throws IOException {
        EnvelopeResult result = check(row);
        boolean noEnvelope = List.of("missing-metadata", "not-parseable", "empty-file").contains(row.reason());
        if (noEnvelope) {
            assertThat(result.format()).isEqualTo(EnvelopeFormat.NONE);
            assertThat(result.problems()).allSatisfy(p -> assertThat(p.message()).startsWith("not an age or sops envelope: "));
        } else {
            assertThat(result.format().name()).isEqualTo("SOPS_" + row.format().toUpperCase());
        }
    }
}
