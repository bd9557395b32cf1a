package dev.leakgate.cli;

import dev.leakgate.report.Report;
import dev.leakgate.report.ReportFormat;
import dev.leakgate.source.SourceException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a report is written: shared by every scanning command. */
public final class OutputOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, sarif or junit (default: ${DEFAULT-VALUE})")
    ReportFormat format;

    @Option(names = "--report", paramLabel = "FILE", description = "write the report here instead of stdout")
    Path report;

    @Option(names = "--debug", description = "show stack traces on errors")
    boolean debug;

    /** Writes the report and returns the exit code it implies. */
    int emit(Report r) {
        try {
            if (report == null) {
                format.write(r, System.out);
            } else {
                try (OutputStream out = Files.newOutputStream(report)) {
                    format.write(r, out);
                }
                if (format != ReportFormat.TEXT) {
                    System.err.printf("leakgate: %d finding%s; report written to %s%n", r.findings().size(),
                            r.findings().size() == 1 ? "" : "s", report);
                }
            }
        } catch (IOException e) {
            throw new SourceException("cannot write report " + (report == null ? "to stdout" : report) + ": " + e.getMessage());
        }
        return r.findings().isEmpty() ? Main.CLEAN : Main.FINDINGS;
    }
}
