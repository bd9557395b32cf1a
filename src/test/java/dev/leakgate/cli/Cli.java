package dev.leakgate.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the real CLI in-process, capturing what it prints. */
record Cli(int exit, String out, String err) {

    static Cli run(String... args) {
        return runWithInput(new byte[0], args);
    }

    /** As {@link #run}, with {@code stdin} as standard input. */
    static synchronized Cli runWithInput(byte[] stdin, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin));
            int rc = Main.run(args);
            Cli result = new Cli(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            // Every report a test produces must be valid for its format, whatever the test checks.
            dev.leakgate.report.Reports.checkRun(java.nio.file.Path.of(""), rc, result.out(), args);
            return result;
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    /** Both streams, for checks that nothing at all was printed. */
    String all() {
        return out + err;
    }

    /** Fails the test, without quoting it, if a secret appears in any output. */
    Cli assertNoSecret(String... secrets) {
        for (String s : secrets) {
            if (out.contains(s) || err.contains(s)) {
                throw new AssertionError("a secret was printed (exit " + exit + ")");
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
