package dev.leakgate.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * The output formats, each with its writer. Writers are made when used: the JSON-based ones
 * build an ObjectMapper, which a pre-commit hook printing text should not pay for.
 */
public enum ReportFormat {
    TEXT(TextWriter::new),
    JSON(JsonWriter::new),
    SARIF(SarifWriter::new),
    JUNIT(JunitWriter::new);

    private final Supplier<ReportWriter> writer;

    ReportFormat(Supplier<ReportWriter> writer) {
        this.writer = writer;
    }

    public void write(Report report, OutputStream out) throws IOException {
        write(report, out, Style.PLAIN);
    }

    /** Writes the report; {@code style} matters to the text format only (the others are for tools). */
    public void write(Report report, OutputStream out, Style style) throws IOException {
        writer.get().write(report, out, style);
    }
}
