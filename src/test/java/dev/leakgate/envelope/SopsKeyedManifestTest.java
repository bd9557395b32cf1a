package dev.leakgate.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.identity.Identities;
import dev.leakgate.identity.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sops fixtures with sops-nix's published test identity: every valid file its key opens passes opened
 * (data key, every value, the MAC), every file only an identity can judge is reported, the others keep their
 * keyless verdict exactly.
 */
class SopsKeyedManifestTest {
    private static final Path DIR = Path.of("test-fixtures/sops");

    record Row(String file, String verdict, String reason, String detect) {
        @Override
        public String toString() {
            return file + " (" + verdict + ", " + detect + ")";
        }
    }

    static Stream<Row> rows() throws Exception {
        List<Row> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("manifest.tsv")).subList(1, Files.readAllLines(DIR.resolve("manifest.tsv")).size())) {
            String[] c = line.split("\t", -1);
            out.add(new Row(c[0], c[3], c[4], c[5]));
        }
        return out.stream();
    }

    private static List<Identity> identity() throws Exception {
        return Identities.fromFile(DIR.resolve("keys/sops-nix-test-age-identity.txt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void keyedVerdictMatchesTheManifest(Row row) throws Exception {
        byte[] bytes = Files.readAllBytes(DIR.resolve(row.file()));
        EnvelopeResult keyless = EnvelopeValidator.check(row.file(), bytes);
        EnvelopeResult keyed = EnvelopeValidator.check(row.file(), bytes, identity());
        if (row.detect().equals("identity")) {
            assertThat(keyless.problems()).isEmpty();
            assertThat(keyed.verification()).isEqualTo(EnvelopeResult.Verification.OPENED);
            assertThat(keyed.problems()).extracting(EnvelopeProblem::reason)
                    .isNotEmpty().allMatch(r -> r.equals("value-does-not-decrypt") || r.equals("sops-mac-mismatch"));
        } else if (row.verdict().equals("valid")) {
            assertThat(keyed.problems()).isEmpty();
            boolean opensWithTestKey = keyless.ageRecipients().contains("age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw");
            assertThat(keyed.verification()).isEqualTo(opensWithTestKey ? EnvelopeResult.Verification.OPENED
                    : EnvelopeResult.Verification.NOT_OPENED);
        } else {
            assertThat(keyed.problems()).isEqualTo(keyless.problems());
        }
    }
}
