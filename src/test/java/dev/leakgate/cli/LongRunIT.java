package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.source.TestRepo;
import dev.leakgate.testing.Jar;
import dev.leakgate.testing.Tokens;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's audit, started as users start it: it runs in a JVM of its own ({@link LongRun}) and reports as one run here would. */
class LongRunIT {
    @TempDir
    Path tmp;

    @Test
    void theAuditsOwnJvmHandsBackItsReportAndExitCode() throws Exception {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        String pat = Tokens.githubPat();
        r.write("ci.env", "TOKEN=" + pat + "\n").commitAll("leak");
        Jar.Result leak = Jar.run(tmp, "audit", "-C", r.dir.toString(), "--format", "json");
        assertThat(leak.exit()).isEqualTo(1);
        assertThat(leak.out()).contains("\"ruleId\" : \"github-pat\"").doesNotContain(pat);
        Jar.Result bad = Jar.run(tmp, "audit", "-C", tmp.resolve("nothing-here").toString());
        assertThat(bad.exit()).isEqualTo(3);
        assertThat(bad.err().strip().lines()).hasSize(1).allMatch(l -> l.startsWith("leakgate: "));
    }
}
