package dev.leakgate.cli;

import dev.leakgate.report.Advice;
import dev.leakgate.report.Report;
import dev.leakgate.report.ReportFormat;
import dev.leakgate.report.Skip;
import dev.leakgate.report.Style;
import dev.leakgate.source.SourceException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How a report is written: shared by every scanning command. */
public final class OutputOptions {
    /** When to colour the text report. */
    public enum When { AUTO, ALWAYS, NEVER }

    // Field initialisers as well as picocli defaults: the pre-commit hook's fast path (see Main)
    // builds this without picocli.
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, sarif or junit (default: ${DEFAULT-VALUE})")
    ReportFormat format = ReportFormat.TEXT;

    @Option(names = "--report", paramLabel = "FILE", description = "write the report here instead of stdout")
    Path report;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never"
                    + " (default: ${DEFAULT-VALUE})")
    When color = When.AUTO;

    @Option(names = {"-v", "--verbose"}, description = "name every skipped file on stderr (and every place of a"
            + " value in the text report)")
    boolean verbose;

    @Option(names = "--debug", description = "show stack traces on errors")
    boolean debug;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "write every finding of this run (those"
            + " the current baseline accepts included) to FILE as a baseline that accepts them, and exit 0; run it"
            + " again to refresh the baseline")
    Path writeBaseline;

    @Option(names = "--baseline-match", paramLabel = "MATCH", defaultValue = "value",
            description = "what an entry of the written baseline accepts: value (the same value anywhere) or"
                    + " value-and-path (only at the path it was found at) (default: ${DEFAULT-VALUE})")
    String baselineMatch = "value";

    /** The command this is part of (null on the hook's fast path, which is `staged`). */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Writes the report and returns the exit code it implies. */
    int emit(Report r) {
        PrintStream err = System.err;
        boolean partial = partialView();
        if (partial) {
            // staged sees what a commit adds, gate a range and a tree: a baseline entry unmatched
            // there may well match elsewhere in history.
            r.stats().baselineUnused(null);
        }
        if (verbose) {
            for (Skip s : r.stats().skips()) {
                err.println("leakgate: skipped " + s.path() + " (" + s.reason().label() + ")");
            }
            for (String path : r.stats().notVerifiedPaths()) {
                err.println("leakgate: not verified " + path + " (no identity given opens it)");
            }
        }
        if (report == null) {
            PrintStream out = System.out;
            try {
                format.write(r, out, new Style(colour(color, report), verbose));
            } catch (IOException e) {
                throw new SourceException("cannot write the report to stdout: " + reason(e, null));
            }
            // System.out is a PrintStream: it keeps write errors (a full disk, a closed pipe) to itself.
            if (out.checkError()) {
                throw new SourceException("cannot write the report to stdout (a full disk or a closed pipe)");
            }
        } else {
            // Buffered: a writer that writes small pieces (StAX) must not make a system call for each.
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(report), 1 << 16)) {
                format.write(r, out, new Style(colour(color, report), verbose));
            } catch (IOException e) {
                throw new SourceException("cannot write the report to " + report + ": " + reason(e, report));
            }
            if (format != ReportFormat.TEXT) {
                err.println("leakgate: " + r.findings().size() + (r.findings().size() == 1 ? " finding" : " findings")
                        + "; report written to " + report);
            }
        }
        if (!partial && !r.baselineUnused().isEmpty()) {
            int n = r.baselineUnused().size();
            int shown = verbose ? n : Math.min(n, 3);
            StringBuilder line = new StringBuilder("leakgate: ").append(n)
                    .append(n == 1 ? " baseline entry matches" : " baseline entries match").append(" nothing any more: ");
            for (int i = 0; i < shown; i++) {
                line.append(i > 0 ? ", " : "").append(r.baselineUnused().get(i));
            }
            if (shown < n) {
                line.append(", and ").append(n - shown).append(" more");
            }
            err.println(line.append(" (refresh it with --write-baseline FILE)"));
        }
        if (writeBaseline != null) {
            return baseline(r, err);
        }
        if (!r.findings().isEmpty()) {
            Advice.Blocked blocked = blocked();
            if (blocked != null) {
                for (String line : Advice.blocked(blocked, r)) {
                    err.println(line);
                }
            }
        }
        return r.findings().isEmpty() ? Main.CLEAN : Main.FINDINGS;
    }

    /** Writes every finding of the run, baselined ones included, as the baseline that accepts them. */
    private int baseline(Report r, PrintStream err) {
        if (!"value".equals(baselineMatch) && !"value-and-path".equals(baselineMatch)) {
            throw new dev.leakgate.policy.ConfigException("--baseline-match: expected value or value-and-path, got '"
                    + baselineMatch + "'");
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(writeBaseline), 1 << 16)) {
            ReportFormat.writeBaseline(r, baselineMatch, out);
        } catch (IOException e) {
            throw new SourceException("cannot write the baseline to " + writeBaseline + ": " + reason(e, writeBaseline));
        }
        int n = r.findings().size() + r.baselined().size();
        err.println("leakgate: baseline written to " + writeBaseline + ": " + n + (n == 1 ? " finding" : " findings")
                + " accepted (" + r.findings().size() + " new" + ("value-and-path".equals(baselineMatch)
                        ? ", each at its path only" : "") + ")");
        return Main.CLEAN;
    }

    /** Whether this command sees only part of what a baseline may hold: the added lines (staged), a range (gate). */
    private boolean partialView() {
        String name = command == null ? "staged" : command.name();
        return "staged".equals(name) || "gate".equals(name);
    }

    /** What a finding blocks, for the commands that gate: `staged` a commit, `gate` a push or a publish. */
    private Advice.Blocked blocked() {
        String name = command == null ? "staged" : command.name();
        if ("staged".equals(name)) {
            return Advice.Blocked.COMMIT;
        }
        if ("gate".equals(name)) {
            return "pre-push".equals(System.getenv("LEAKGATE_HOOK")) ? Advice.Blocked.PUSH : Advice.Blocked.PUBLISH;
        }
        return null;
    }

    /** Colour only for a person: text on a terminal, unless NO_COLOR (no-color.org) or --color says otherwise. */
    static boolean colour(When when, Path report) {
        return switch (when) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> report == null && noColorUnset() && !"dumb".equals(System.getenv("TERM")) && stdoutIsTerminal();
        };
    }

    private static boolean noColorUnset() {
        String v = System.getenv("NO_COLOR");
        return v == null || v.isEmpty();
    }

    /**
     * Whether fd 1 is a terminal. System.console() needs stdin to be one too, and a git hook runs
     * with stdin from /dev/null (and its stdout on git's stderr, the terminal): on Linux, ask /proc.
     */
    static boolean stdoutIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    /** Why a write failed, in words: Java's own messages are often the bare path. */
    static String reason(IOException e, Path file) {
        if (e instanceof NoSuchFileException) {
            Path dir = file == null ? null : file.toAbsolutePath().getParent();
            return dir != null && !Files.isDirectory(dir) ? "no such folder " + file.getParent() : "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
