package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.testing.Jar;
import dev.leakgate.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, end to end: exit codes, formats, and no secret on any stream. */
class ScanIT {
    @TempDir
    Path dir;

    @Test
    void jarFindsPlantedSecretsAndNeverPrintsThem() throws Exception {
        String pat = Tokens.githubPat();
        String age = Tokens.ageIdentity();
        Files.writeString(dir.resolve("deploy.sh"), "#!/bin/sh\nexport GH_TOKEN=" + pat + "\n");
        Files.writeString(dir.resolve("keys.txt"), age + "\n");
        for (String format : new String[] {"text", "json", "sarif", "junit"}) {
            Jar.Result r = Jar.run(dir, "scan", ".", "--format", format);
            assertThat(r.exit()).as(format).isEqualTo(1);
            assertThat(r.out()).as(format).contains("github-pat").contains("age-secret-key");
            assertThat(r.out().contains(pat) || r.err().contains(pat) || r.out().contains(age) || r.err().contains(age))
                    .as("a planted secret appears in the " + format + " output").isFalse();
        }
    }

    @Test
    void jarRulesCheckPasses() throws Exception {
        Jar.Result r = Jar.run(dir, "rules", "check");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains(" 0 failed");
    }

    @Test
    void jarFailsClosedOnUnreadableInputWithoutAStackTrace() throws Exception {
        Path locked = dir.resolve("locked");
        Files.createDirectories(locked);
        Files.writeString(locked.resolve("f.txt"), "x");
        Jar.Result missing = Jar.run(dir, "scan", "does-not-exist");
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err().lines().count()).isEqualTo(1);
        assertThat(missing.err()).doesNotContain("\tat ");
        Files.writeString(dir.resolve(".leakgate.yaml"), "allow: [oops\n");
        Jar.Result badConfig = Jar.run(dir, "scan", ".");
        assertThat(badConfig.exit()).isEqualTo(2);
        assertThat(badConfig.err().lines().count()).isEqualTo(1);
    }
}
