package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When an audit gets a JVM of its own ({@link LongRun}), and that it reports as one run here would. */
class LongRunTest {
    private static final Path JAVA = Path.of("/usr/bin/java");
    private static final long GIB = 1L << 30;

    @TempDir
    Path tmp;

    @Test
    void anAuditStartedWithoutJvmOptionsGetsABoundedHeapAndTheFirstCompilerTier() {
        List<String> command = LongRun.command(new String[] {"audit", "-C", "repo"}, List.of(), JAVA, "leakgate.jar", 6 * GIB);
        assertThat(command).startsWith("/usr/bin/java", "-XX:+IgnoreUnrecognizedVMOptions", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseParallelGC", "-XX:-UsePerfData",
                "-Xlog:disable", "-Xlog:all=error:stderr",
                "-Xmx1280m", "-Dleakgate.longRun=1",
                "-cp", "leakgate.jar", "dev.leakgate.cli.Main").endsWith("audit", "-C", "repo");
        // a small machine's default heap is below the bound: never more than the user's JVM would have had
        assertThat(LongRun.command(new String[] {"audit"}, List.of(), JAVA, "leakgate.jar", 512L << 20)).contains("-Xmx512m");
    }

    @Test
    void jvmOptionsOfTheUsersOwnOtherCommandsAndHelpRunHere() {
        assertThat(LongRun.command(new String[] {"audit"}, List.of("-Xmx4g"), JAVA, "leakgate.jar", 6 * GIB)).isNull();
        assertThat(LongRun.command(new String[] {"staged"}, List.of(), JAVA, "leakgate.jar", 6 * GIB)).isNull();
        assertThat(LongRun.command(new String[] {"gate", "--base", "x"}, List.of(), JAVA, "leakgate.jar", 6 * GIB)).isNull();
        assertThat(LongRun.command(new String[] {"audit", "--help"}, List.of(), JAVA, "leakgate.jar", 6 * GIB)).isNull();
        assertThat(LongRun.command(new String[] {"audit"}, List.of(), null, "leakgate.jar", 6 * GIB)).isNull();
        assertThat(LongRun.command(new String[] {"audit"}, List.of(), JAVA, "", 6 * GIB)).isNull();
    }

    @Test
    void theClassDataArchiveIsWrittenByTheFirstAuditOfAJarAndMappedByTheNext() throws Exception {
        java.nio.file.Path jar = java.nio.file.Files.write(tmp.resolve("leakgate.jar"), new byte[] {1, 2, 3});
        LongRun.ClassData first = LongRun.ClassData.forJar(jar.toString());
        assertThat(first.options()).singleElement().asString().startsWith("-XX:ArchiveClassesAtExit=" + tmp);
        java.nio.file.Files.write(first.written(), new byte[] {4}); // what the audit's JVM writes as it exits
        java.nio.file.Path stale = java.nio.file.Files.write(tmp.resolve(LongRun.ClassData.PREFIX + "0.jsa"), new byte[] {5});
        first.keep();
        assertThat(first.archive()).exists();
        assertThat(first.written()).doesNotExist();
        assertThat(stale).as("an archive for an earlier jar goes").doesNotExist();
        assertThat(LongRun.ClassData.forJar(jar.toString()).options()).containsExactly("-XX:SharedArchiveFile=" + first.archive());
        // a rebuilt jar: its own archive, written anew
        java.nio.file.Files.write(jar, new byte[] {1, 2, 3, 4});
        assertThat(LongRun.ClassData.forJar(jar.toString()).options()).singleElement().asString().startsWith("-XX:ArchiveClassesAtExit=");
        // a JVM that wrote nothing (it failed): nothing kept, nothing left
        LongRun.ClassData failed = LongRun.ClassData.forJar(jar.toString());
        failed.keep();
        assertThat(failed.archive()).doesNotExist();
        assertThat(LongRun.ClassData.forJar(tmp.resolve("classes").toString()).options()).as("not a jar").isEmpty();
    }
}
