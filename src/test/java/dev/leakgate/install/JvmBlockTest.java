package dev.leakgate.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The hooks and the launcher start the JVM the same way (flags, archive, training): one block of
 * shell, copied into each, which must not drift apart.
 */
class JvmBlockTest {
    static String block(String file) throws IOException {
        String s = Files.readString(Path.of(file));
        int from = s.indexOf("# >>> leakgate-jvm");
        int to = s.indexOf("# <<< leakgate-jvm");
        assertThat(from).as(file + " has the leakgate-jvm block").isNotNegative();
        assertThat(to).as(file + " ends the leakgate-jvm block").isGreaterThan(from);
        return s.substring(from, to);
    }

    @Test
    void theHooksAndTheLauncherCarryTheSameBlock() throws IOException {
        String launcher = block("bin/leakgate");
        assertThat(block("hooks/pre-commit")).isEqualTo(launcher);
        assertThat(block("hooks/pre-push")).isEqualTo(launcher);
        assertThat(launcher).contains("leakgate_jvm()").contains("leakgate_train()");
    }

    @Test
    void theLauncherGetsTheInstalledJarAsOneShellWord() throws IOException {
        String script = new String(UserInstall.launcherScript(Path.of("/home/o'neil/my files/leakgate.jar")), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(script).contains("installed_jar='/home/o'\\''neil/my files/leakgate.jar'\n").doesNotContain("installed_jar=\n");
        assertThat(script).startsWith("#!/bin/sh\n# " + UserInstall.LAUNCHER_MARKER);
    }
}
