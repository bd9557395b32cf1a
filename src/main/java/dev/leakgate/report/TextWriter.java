package dev.leakgate.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry per leaked value and a summary: for people and hook output. A value found in many
 * places (one per blob in an audit) is one entry, at its first place, with the count and the
 * first few of the others; the JSON report lists every place.
 */
final class TextWriter implements ReportWriter {
    /** Other places named under an entry; --verbose names them all. */
    static final int PLACES_SHOWN = 3;

    @Override
    public void write(Report report, OutputStream out, Style style) throws IOException {
        // A Writer, not a PrintStream: a PrintStream swallows write errors (a full disk, a closed pipe).
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        List<List<Finding>> entries = byValue(report.findings());
        // A gate shows what the range adds first; what was already published at its base apart, after.
        int inBase = 0;
        for (List<Finding> entry : entries) {
            if (Boolean.TRUE.equals(entry.get(0).inBase())) {
                inBase++;
            } else {
                writeEntry(w, entry, style);
            }
        }
        if (inBase > 0) {
            w.write(style.dim("Already published at the base (not added by this range, still in what it publishes):") + "\n");
            for (List<Finding> entry : entries) {
                if (Boolean.TRUE.equals(entry.get(0).inBase())) {
                    writeEntry(w, entry, style);
                }
            }
        }
        w.write(style.summary(report.findings().isEmpty(), summary(report, entries.size())));
        w.write('\n');
        w.flush();
    }

    /** Findings of one rule and one value (one fingerprint) together, in report order; a gate's base apart. */
    static List<List<Finding>> byValue(List<Finding> findings) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : findings) {
            String key = f.ruleId() + '\0' + f.fingerprint() + (Boolean.TRUE.equals(f.inBase()) ? "\0base" : "");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        return new ArrayList<>(groups.values());
    }

    private static void writeEntry(Writer w, List<Finding> entry, Style style) throws IOException {
        Finding f = entry.get(0);
        StringBuilder line = new StringBuilder();
        line.append(style.path(f.location())).append("  ").append(style.rule(f.kind(), f.kind() + '/' + f.ruleId()));
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
        w.write(line.toString());
        w.write('\n');
        if (f.preview() != null && !f.description().isEmpty()) {
            w.write("    " + f.description() + "\n");
        }
        StringBuilder fp = new StringBuilder("    ").append(style.dim("fingerprint " + f.fingerprint()));
        if (entry.size() > 1) {
            int others = entry.size() - 1;
            int shown = style.verbose() ? others : Math.min(others, PLACES_SHOWN);
            fp.append("  the same value in ").append(others).append(others == 1 ? " more place: " : " more places: ");
            for (int i = 1; i <= shown; i++) {
                Finding o = entry.get(i);
                fp.append(i > 1 ? ", " : "").append(o.location());
                if (o.commit() != null && !o.commit().equals(f.commit())) {
                    fp.append(" (commit ").append(o.commit(), 0, Math.min(12, o.commit().length())).append(')');
                }
            }
            if (shown < others) {
                fp.append(", and ").append(others - shown).append(" more (--verbose or --format json lists them)");
            }
        }
        w.write(fp.toString());
        w.write('\n');
    }

    // Plain concatenation, not printf: a Formatter costs ~40 ms of a cold JVM (locale data,
    // its format-string regex), most of what printing this line takes in a pre-commit hook.
    static String summary(Report report, int values) {
        ScanStats s = report.stats();
        int n = report.findings().size();
        StringBuilder summary = new StringBuilder();
        summary.append(n).append(n == 1 ? " finding" : " findings");
        if (values < n) {
            summary.append(" (").append(values).append(values == 1 ? " distinct value)" : " distinct values)");
        }
        int inBase = 0;
        for (Finding f : report.findings()) {
            inBase += Boolean.TRUE.equals(f.inBase()) ? 1 : 0;
        }
        if (inBase > 0) {
            summary.append(" (").append(n - inBase).append(" added, ").append(inBase).append(" already published at the base)");
        }
        summary.append(" in ").append(s.getTargets()).append(s.getTargets() == 1 ? " target (" : " targets (")
                .append(bytes(s.getBytes())).append(" scanned");
        long[] byReason = new long[Skip.Reason.values().length];
        for (Skip k : s.skips()) {
            byReason[k.reason().ordinal()]++;
        }
        String sep = "; skipped ";
        for (Skip.Reason r : Skip.Reason.values()) {
            if (byReason[r.ordinal()] > 0) {
                summary.append(sep).append(byReason[r.ordinal()]).append(' ').append(counted(r, byReason[r.ordinal()]));
                sep = ", ";
            }
        }
        if (s.getVerified() + s.getNotVerified() > 0) {
            summary.append("; ").append(s.getVerified()).append(" envelopes verified with a key, ")
                    .append(s.getNotVerified()).append(" not verified (no identity given opens them)");
        }
        summary.append(") in ").append(s.getMillis()).append(" ms");
        return summary.toString();
    }

    /** What a count of skips of one reason reads as in the summary. */
    private static String counted(Skip.Reason r, long n) {
        boolean one = n == 1;
        return switch (r) {
            case BINARY -> "binary";
            case LARGE -> "over the size limit";
            case SYMLINK -> one ? "symlink" : "symlinks";
            case SUBMODULE -> one ? "submodule" : "submodules";
            case SPECIAL -> one ? "not a regular file" : "not regular files";
            case ARCHIVE_DEPTH -> one ? "archive nested too deep" : "archives nested too deep";
            case ARCHIVE_LIMIT -> one ? "archive past the expansion limits" : "archives past the expansion limits";
            case ARCHIVE_ENCRYPTED -> "encrypted in archives";
            case ARCHIVE_UNREADABLE -> one ? "unreadable archive" : "unreadable archives";
        };
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
