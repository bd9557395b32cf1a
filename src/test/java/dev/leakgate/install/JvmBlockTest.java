package dev.leakgate.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.io.TempDir;
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
        String launcher = block("hooks/leakgate");
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

    @TempDir
    Path tmp;

    /** Runs a script with sh and a PATH of {@code bin} only; returns exit code and both streams. */
    private String[] sh(Path script, Path bin, Path jar) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", script.toAbsolutePath().toString()).directory(tmp.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("LEAKGATE_JAR", jar.toString());
        pb.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return new String[] {String.valueOf(p.exitValue()), out};
    }

    @Test
    void theArchiveIsUsedOnlyForTheJvmItWasMadeForAndWithoutAJvmTheCommitIsBlocked() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        // a stand-in java that says how it was started (the hook execs it)
        Path fakeJava = bin.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho \"java $*\"\n");
        fakeJava.toFile().setExecutable(true);
        Files.setLastModifiedTime(fakeJava, FileTime.fromMillis(1_600_000_000_000L));
        Path jar = Files.writeString(tmp.resolve("leakgate.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
        Path archive = Files.writeString(tmp.resolve("leakgate.jsa"), "archive");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(1_700_000_100_000L));
        Path stamp = Files.writeString(tmp.resolve("leakgate.jvm"), "jsa " + fakeJava + "\n");
        Files.setLastModifiedTime(stamp, Files.getLastModifiedTime(fakeJava));
        Path hook = Path.of("hooks/pre-commit");

        String[] used = sh(hook, bin, jar);
        assertThat(used[1]).contains("-XX:SharedArchiveFile=" + archive + " -jar " + jar + " staged").contains("-XX:TieredStopAtLevel=1");

        // another JVM behind the same path (an upgrade): its binary's time differs from the stamp's
        Files.setLastModifiedTime(fakeJava, FileTime.fromMillis(1_650_000_000_000L));
        String[] upgraded = sh(hook, bin, jar);
        assertThat(upgraded[1]).contains("-jar " + jar + " staged").doesNotContain("SharedArchiveFile");
        Files.setLastModifiedTime(fakeJava, Files.getLastModifiedTime(stamp));

        // a jar newer than its archive (a rebuild)
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_200_000L));
        assertThat(sh(hook, bin, jar)[1]).doesNotContain("SharedArchiveFile");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));

        // a stamp for another java path
        Files.writeString(stamp, "jsa /opt/other/bin/java\n");
        Files.setLastModifiedTime(stamp, Files.getLastModifiedTime(fakeJava));
        assertThat(sh(hook, bin, jar)[1]).doesNotContain("SharedArchiveFile");

        // an AOT cache (JDK 25+) is named with its own option
        Path aot = Files.writeString(tmp.resolve("leakgate.aot"), "cache");
        Files.setLastModifiedTime(aot, FileTime.fromMillis(1_700_000_100_000L));
        Files.writeString(stamp, "aot " + fakeJava + "\n");
        Files.setLastModifiedTime(stamp, Files.getLastModifiedTime(fakeJava));
        assertThat(sh(hook, bin, jar)[1]).contains("-XX:AOTCache=" + aot + " -jar " + jar + " staged");

        // the launcher: a long run gets the long flags, the archive all the same
        String[] audit = sh(Path.of("hooks/leakgate"), bin, jar);
        assertThat(audit[1]).contains("-XX:AOTCache=" + aot).contains("-XX:TieredStopAtLevel=1");
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", Path.of("hooks/leakgate").toAbsolutePath().toString(), "audit", "-C", "x y");
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("LEAKGATE_JAR", jar.toString());
        pb.environment().put("LEAKGATE_JAVA_OPTS", "-Xmx3g");
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        // an audit: the first compiler tier and a bounded heap, as LongRun gives `java -jar ... audit`,
        // the user's options after them (the JVM takes the last)
        assertThat(out).contains("-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseParallelGC -Xmx1280m ")
                .contains("-XX:MaxRAM=8g -Xmx3g -XX:AOTCache=" + aot + " -jar " + jar + " audit -C x y");
        assertThat(out.indexOf("-Xmx1280m")).isLessThan(out.indexOf("-Xmx3g"));

        // no java anywhere: the commit is blocked, with one line saying why
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        String[] none = sh(hook, empty, jar);
        assertThat(none[0]).isEqualTo("3");
        assertThat(none[1]).contains("leakgate: no java found").contains("commit blocked");

        // the runs without an archive started a training run in the background: it found no JDK
        // version in the stand-in's answer and gave up, leaving nothing behind
        for (int i = 0; i < 100 && Files.exists(tmp.resolve("leakgate.lock")); i++) {
            Thread.sleep(50);
        }
        assertThat(tmp.resolve("leakgate.lock")).doesNotExist();
    }
}
