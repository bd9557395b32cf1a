package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion scripts, run by the shells they are for. */
class CompletionCommandTest {
    @TempDir
    Path tmp;

    static String exec(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void bashCompletesCommandsAndTheirOptions() throws Exception {
        Cli res = Cli.run("completion", "bash");
        assertThat(res.exit()).as(res.toString()).isZero();
        Path script = Files.writeString(tmp.resolve("leakgate.bash"), res.out());
        String out = exec(tmp, "bash", "-c", "source " + script + "\n"
                + "COMP_WORDS=(leakgate un); COMP_CWORD=1; _complete_leakgate; echo \"1:${COMPREPLY[*]}\"\n"
                + "COMP_WORDS=(leakgate install --u); COMP_CWORD=2; _complete_leakgate 2>/dev/null; echo \"2:${COMPREPLY[*]}\"\n"
                + "COMP_WORDS=(leakgate completion ''); COMP_CWORD=2; _complete_leakgate 2>/dev/null; echo \"3:${COMPREPLY[*]}\"\n");
        assertThat(out).contains("1:uninstall\n").contains("2:--user\n");
    }

    @Test
    void zshLoadsItFromFpathAndCompletes() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh")), "zsh is not installed");
        Cli res = Cli.run("completion", "zsh");
        assertThat(res.exit()).as(res.toString()).isZero();
        assertThat(res.out()).startsWith("#compdef leakgate\n");
        Path fn = Files.createDirectories(tmp.resolve("functions"));
        Files.writeString(fn.resolve("_leakgate"), res.out());
        // an interactive zsh on a pseudo-terminal, as a user types: TAB after a partial word
        Path test = Files.writeString(tmp.resolve("t.zsh"), String.join("\n",
                "zmodload zsh/zpty",
                "zpty z 'env HOME=" + tmp + " PS1=\"> \" zsh -f -i'",
                "zpty -w z 'fpath=(" + fn + " $fpath); autoload -U compinit; compinit -u -D; leakgate() { :; }'",
                "sleep 1",
                "zpty -w -n z $'leakgate unin\\t'",
                "sleep 2",
                "zpty -w -n z $'\\C-u'",
                "zpty -w -n z $'leakgate install --us\\t'",
                "sleep 2",
                "all=''",
                "while zpty -r -t z out; do all+=$out; done",
                "print -r -- \"$all\"",
                "zpty -d z", ""));
        String out = exec(tmp, "zsh", "-f", test.toString());
        assertThat(out).contains("leakgate uninstall").contains("leakgate install --user").doesNotContain("command not found");
    }

    @Test
    void anotherShellIsAUsageError() {
        Cli res = Cli.run("completion", "fish");
        assertThat(res.exit()).isEqualTo(2);
        assertThat(res.err()).contains("fish").contains("bash").contains("zsh");
    }
}
