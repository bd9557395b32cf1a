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
        ScanStats s = report.stats();
        p.printf("%d finding%s in %d target%s (%s scanned",
                report.findings().size(), report.findings().size() == 1 ? "" : "s",
                s.getTargets(), s.getTargets() == 1 ? "" : "s", bytes(s.getBytes()));
        if (s.getSkippedBinary() + s.getSkippedLarge() + s.getSkippedSymlinks() > 0) {
            p.printf("; skipped %d binary, %d over the size limit, %d symlinks",
                    s.getSkippedBinary(), s.getSkippedLarge(), s.getSkippedSymlinks());
        }
        p.printf(") in %d ms%n", s.getMillis());
        p.flush();
    }

    private static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return String.format("%.1f KiB", b / 1024.0);
        }
        return String.format("%.1f MiB", b / (1024.0 * 1024));
    }
}
