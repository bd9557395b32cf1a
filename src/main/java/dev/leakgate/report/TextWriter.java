package dev.leakgate.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One line per finding and a summary: for people and hook output. */
final class TextWriter implements ReportWriter {
    @Override
    public void write(Report report, OutputStream out) throws IOException {
        PrintStream p = new PrintStream(out, false, StandardCharsets.UTF_8);
        for (Finding f : report.findings()) {
            StringBuilder line = new StringBuilder();
            line.append(f.location()).append("  ").append(f.kind()).append('/').append(f.ruleId());
            if (f.commit() != null) {
                line.append("  commit ").append(f.commit(), 0, Math.min(12, f.commit().length()));
            }
            line.append("  ").append(f.preview() != null ? f.preview() : f.description());
            if (Boolean.TRUE.equals(f.decoded())) {
                line.append("  (in decoded base64)");
            }
            if (f.otherPaths() != null && (f.otherPaths() > 0 || f.otherCommits() > 0)) {
                line.append("  (also in ").append(f.otherPaths()).append(" other paths, ")
                        .append(f.otherCommits()).append(" other commits)");
            }
            p.println(line);
            if (f.preview() != null && !f.description().isEmpty()) {
                p.println("    " + f.description());
            }
        }
        // Plain concatenation, not printf: a Formatter costs ~40 ms of a cold JVM (locale data,
        // its format-string regex), most of what printing this line takes in a pre-commit hook.
        ScanStats s = report.stats();
        int n = report.findings().size();
        StringBuilder summary = new StringBuilder();
        summary.append(n).append(n == 1 ? " finding in " : " findings in ")
                .append(s.getTargets()).append(s.getTargets() == 1 ? " target (" : " targets (")
                .append(bytes(s.getBytes())).append(" scanned");
        if (s.getSkippedBinary() + s.getSkippedLarge() + s.getSkippedSymlinks() > 0) {
            summary.append("; skipped ").append(s.getSkippedBinary()).append(" binary, ")
                    .append(s.getSkippedLarge()).append(" over the size limit, ")
                    .append(s.getSkippedSymlinks()).append(" symlinks");
        }
        summary.append(") in ").append(s.getMillis()).append(" ms");
        p.println(summary);
        p.flush();
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return oneDecimal(b / 1024.0) + " KiB";
        }
        return oneDecimal(b / (1024.0 * 1024)) + " MiB";
    }

    /** {@code x} rounded half up to one decimal, with a '.' whatever the locale. */
    private static String oneDecimal(double x) {
        long tenths = Math.round(x * 10);
        return (tenths / 10) + "." + (tenths % 10);
    }
}
