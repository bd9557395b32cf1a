package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ManPageTest {
    @TempDir
    Path tmp;

    @Test
    void everyCommandAndOptionIsOnThePage() {
        String page = ManPage.render(Main.commandLine());
        assertThat(page).startsWith(".TH LEAKGATE 1 ");
        CommandLine cl = Main.commandLine();
        for (String name : cl.getSubcommands().keySet()) {
            if (!name.equals("help")) {
                assertThat(page).contains(".SS \"leakgate " + name + "\"");
            }
        }
        assertThat(page).contains(".SS \"leakgate rules list\"");
        assertThat(page).contains("\\fB\\-\\-max\\-file\\-size\\fR \\fIBYTES\\fR").contains("\\fB\\-\\-user\\fR\n");
        assertThat(page).contains(".SH EXIT STATUS").contains(".SH ENVIRONMENT").contains("LEAKGATE_JAVA_OPTS");
        // no line may start as a request by accident
        for (String line : page.split("\n")) {
            if (line.startsWith(".") || line.startsWith("'")) {
                assertThat(line).matches("\\.(TH|SH|SS|TP|PP|B|nf|fi)( .*)?");
            }
        }
    }

    @Test
    void groffReadsItWithoutAWarning() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is not installed");
        Path page = Files.writeString(tmp.resolve("leakgate.1"), ManPage.render(Main.commandLine()));
        Process p = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-z", page.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out).isEmpty();
    }
}
