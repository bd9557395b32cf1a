package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.testing.Jar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar takes identities from sops' own environment variables, as sops users already set them. */
class KeyedEnvelopeIT {
    private static final Path KEYED = Path.of("test-fixtures/keyed").toAbsolutePath();
    private static final Path SOPS_KEY = Path.of("test-fixtures/sops/keys/sops-nix-test-age-identity.txt").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void sopsAgeKeyFileAndSopsAgeKeyAreIdentities() throws Exception {
        Path secrets = Files.createDirectories(tmp.resolve("secrets"));
        Files.copy(KEYED.resolve("corrupt/final-chunk-dropped.age"), secrets.resolve("db.age"));
        Files.copy(KEYED.resolve("sops/mac-changed.yaml"), secrets.resolve("app.yaml"));

        Jar.Result keyless = Jar.run(tmp, "envelope", "secrets");
        assertThat(keyless.exit()).as(keyless.err()).isZero();

        String aliceFile = KEYED.resolve("keys/alice.txt").toString();
        String sopsKey = Files.readString(SOPS_KEY);
        Jar.Result r = Jar.run(tmp, Map.of("SOPS_AGE_KEY_FILE", aliceFile, "SOPS_AGE_KEY", sopsKey), "envelope", "secrets");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("secrets/db.age  envelope/envelope-invalid  payload-truncated")
                .contains("secrets/app.yaml  envelope/envelope-invalid  sops-mac-mismatch");
        for (String line : sopsKey.split("\n")) {
            assertThat(r.out() + r.err()).doesNotContain(line.startsWith("AGE-SECRET-KEY") ? line : "\0");
        }

        Jar.Result missing = Jar.run(tmp, Map.of("SOPS_AGE_KEY_FILE", tmp.resolve("nope.txt").toString()), "envelope", "secrets");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.txt: no such identity file");
    }
}
