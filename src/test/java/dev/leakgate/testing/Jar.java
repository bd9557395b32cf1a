package dev.leakgate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar as a user would: {@code java -jar target/leakgate.jar ...}. */
public final class Jar {
    public record Result(int exit, String out, String err) {
    }

    private Jar() {
    }

    public static Path path() {
        Path jar = Path.of(System.getProperty("leakgate.jar", "target/leakgate.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": run the end-to-end tests with 'mvn verify'");
        }
        return jar;
    }

    public static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", path().toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("leakgate-out", ".txt");
        Path err = Files.createTempFile("leakgate-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("leakgate did not finish in 120 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
