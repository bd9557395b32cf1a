package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.source.TestRepo;
import dev.leakgate.testing.Jar;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blob within --max-file-size that the JVM cannot hold (JGit's LargeObjectException, out of
 * memory) is a failure to read, exit 3: it used to be counted as "over the size limit", exit 0.
 */
class LargeObjectIT {
    @TempDir
    Path tmp;

    @Test
    void aBlobTheHeapCannotHoldIsExit3NotSkipped() throws Exception {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        byte[] line = ("x".repeat(99) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(r.dir.resolve("big.txt")), 1 << 20)) {
            for (int i = 0; i < 800_000; i++) { // 80 MB: more than a 48 MB heap holds
                o.write(line);
            }
        }
        r.commitAll("a big file");
        for (List<String> command : List.of(List.of("audit"), List.of("gate", "--root"))) {
            Jar.Result res = jar(r.dir, "-Xmx48m", command);
            assertThat(res.exit()).as(command + ": " + res).isEqualTo(3);
            assertThat(res.err()).as(command.toString()).contains("out of memory").doesNotContain("Exception");
        }
    }

    private static Jar.Result jar(Path repo, String heap, List<String> command) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-jar", Jar.path().toAbsolutePath().toString()));
        cmd.addAll(command);
        cmd.addAll(List.of("-C", repo.toString(), "--max-file-size", "300000000"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Jar.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
