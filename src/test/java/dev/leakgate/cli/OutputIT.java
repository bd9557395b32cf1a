package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.leakgate.testing.Jar;
import dev.leakgate.testing.Tokens;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's output where it goes for real: a terminal (colour), NO_COLOR, a full stdout. */
class OutputIT {
    @TempDir
    Path tmp;

    /** Runs the jar under script(1), so its stdout is a terminal; returns what the terminal showed. */
    private String onTerminal(String env, String... args) throws Exception {
        String command = (env.isEmpty() ? "" : env + " ") + Path.of(System.getProperty("java.home"), "bin", "java")
                + " -jar " + Jar.path().toAbsolutePath() + " " + String.join(" ", args);
        Path typescript = tmp.resolve("terminal-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(List.of("/usr/bin/script", "-qec", command, typescript.toString()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("script.out").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return Files.readString(typescript, StandardCharsets.UTF_8);
    }

    @Test
    void colourOnATerminalButNotWithNoColorNorWhenPiped() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script(1) gives the jar a terminal");
        Path dir = Files.createDirectories(tmp.resolve("src"));
        String pat = Tokens.githubPat();
        Files.writeString(dir.resolve("ci.env"), "TOKEN=" + pat + "\n");
        String terminal = onTerminal("", "scan", dir.toString());
        assertThat(terminal).contains("\u001b[31msecret/github-pat\u001b[0m").doesNotContain(pat);
        String noColor = onTerminal("NO_COLOR=1", "scan", dir.toString());
        assertThat(noColor).contains("secret/github-pat").doesNotContain("\u001b[");
        String never = onTerminal("", "scan", "--color=never", dir.toString());
        assertThat(never).contains("secret/github-pat").doesNotContain("\u001b[");
        Jar.Result piped = Jar.run(tmp, "scan", dir.toString());
        assertThat(piped.exit()).isEqualTo(1);
        assertThat(piped.out()).contains("secret/github-pat").doesNotContain("\u001b[");
    }

    @Test
    void aFullStdoutIsExitThreeNotASilentPass() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full");
        Path dir = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(dir.resolve("README"), "nothing here\n");
        Files.writeString(dir.resolve("ci.env"), "TOKEN=" + Tokens.githubPat() + "\n");
        for (String format : List.of("text", "json", "sarif", "junit")) {
            List<String> cmd = new ArrayList<>(Jar.command());
            cmd.addAll(List.of("scan", dir.toString(), "--format", format));
            Path err = tmp.resolve("err.txt");
            Process p = new ProcessBuilder(cmd).redirectOutput(new File("/dev/full")).redirectError(err.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(format).isEqualTo(3);
            assertThat(Files.readString(err)).as(format).startsWith("leakgate: cannot write the report to stdout")
                    .doesNotContain("Exception");
        }
    }
}
