package dev.leakgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs leakgate as a user does: a separate JVM, in a working folder, with arguments; returns the
 * exit code and both streams. The test JVM's class path is the one under test.
 */
final class FleetCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON (exit " + exit + ", stderr: " + err + "): " + out);
            }
        }

        /** Each finding as "ruleId path:line" ("path" alone when no line is at fault), sorted. */
        List<String> findings() {
            List<String> out = new ArrayList<>();
            for (JsonNode f : json().get("findings")) {
                out.add(f.get("ruleId").asText() + " " + f.get("path").asText()
                        + (f.hasNonNull("line") ? ":" + f.get("line").asInt() : ""));
            }
            out.sort(null);
            return out;
        }
    }

    private FleetCli() {
    }

    /**
     * In this JVM (the working folder is the test's, so pass absolute paths): much faster than a
     * new JVM per run. Tests run one at a time, so swapping the standard streams is safe.
     */
    static synchronized Result inProcess(String... args) {
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream e = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            System.out.flush();
            System.err.flush();
            Result r = new Result(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
            dev.leakgate.report.Reports.checkRun(Path.of(""), exit, r.out(), args);
            return r;
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** In a new JVM whose working folder is {@code cwd}: for what depends on relative paths. */
    static Result run(Path cwd, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("leakgate-out", ".txt");
            Path err = Files.createTempFile("leakgate-err", ".txt");
            Process p = new ProcessBuilder(cmd).directory(cwd.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("leakgate did not finish: " + args);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            dev.leakgate.report.Reports.checkRun(cwd, r.exit(), r.out(), args);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
