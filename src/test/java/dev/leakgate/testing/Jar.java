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

    /** {@code java -jar target/leakgate.jar}, for a test that builds its own command line (a shell's). */
    public static List<String> command() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", path().toAbsolutePath().toString());
    }

    public static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return run(workDir, java.util.Map.of(), args);
    }

    /** With {@code env} added to the environment (and anything else as this test's). */
    public static Result run(Path workDir, java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command());
        cmd.addAll(List.of(args));
        return exec(workDir, null, cmd, env);
    }

    /** As {@link #run}, with {@code stdin} written to standard input and closed (null: left open, unwritten). */
    public static Result runWithInput(Path workDir, byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command());
        cmd.addAll(List.of(args));
        return exec(workDir, stdin, cmd);
    }

    /** Runs any command line (a shell calling the jar), as {@link #run} runs the jar. */
    public static Result exec(Path workDir, byte[] stdin, List<String> cmd) throws IOException, InterruptedException {
        return exec(workDir, stdin, cmd, java.util.Map.of());
    }

    /**
     * {@link #exec}, with {@code env} added to the environment; sops' identity variables are never inherited
     * from the machine running the tests, so a developer's own key cannot change a result.
     */
    public static Result exec(Path workDir, byte[] stdin, List<String> cmd, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("leakgate-out", ".txt");
        Path err = Files.createTempFile("leakgate-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().remove("SOPS_AGE_KEY_FILE");
            pb.environment().remove("SOPS_AGE_KEY");
            pb.environment().putAll(env);
            Process p = pb.start();
            if (stdin != null) {
                try (java.io.OutputStream in = p.getOutputStream()) {
                    in.write(stdin);
                }
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("leakgate did not finish in 120 s");
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            // Every report a test produces must be valid for its format (a shell's command line too).
            dev.leakgate.report.Reports.checkRun(workDir, r.exit(), r.out(), cmd.toArray(String[]::new));
            return r;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
