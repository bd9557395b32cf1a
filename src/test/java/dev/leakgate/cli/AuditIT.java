package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.leakgate.source.TestRepo;
import dev.leakgate.testing.Jar;
import dev.leakgate.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's audit on a terminal: progress on stderr there, and only there. */
class AuditIT {
    @TempDir
    Path tmp;

    @Test
    void progressShowsOnATerminalAndNeverOutsideOne() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script(1) gives the jar a terminal");
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        String pat = Tokens.githubPat();
        r.write("README", "hello\n").commitAll("base");
        r.write("ci.env", "TOKEN=" + pat + "\n").commitAll("leak");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = java + " -jar " + Jar.path().toAbsolutePath() + " audit -C " + r.dir;
        Path typescript = tmp.resolve("terminal.txt");
        Process p = new ProcessBuilder(List.of("/usr/bin/script", "-qec", command, typescript.toString()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("script.out").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        String terminal = Files.readString(typescript, StandardCharsets.UTF_8);
        assertThat(terminal).contains("leakgate audit: reading packs").contains(" MB").contains("github-pat");
        assertThat(terminal).doesNotContain(pat);

        Jar.Result piped = Jar.run(tmp, "audit", "-C", r.dir.toString());
        assertThat(piped.exit()).isEqualTo(1);
        assertThat(piped.err()).as("stderr is a file here: no progress").isEmpty();
    }
}
