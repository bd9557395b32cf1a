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

    /**
     * A baseline: the JSON report of every finding of {@code report}, those its baseline accepted
     * included, marked with how its entries match ({@code value} or {@code value-and-path}).
     */
    public static void writeBaseline(Report report, String match, OutputStream out) throws IOException {
        new JsonWriter().writeBaseline(report, match, out);
    }

    /** Writes the report; {@code style} matters to the text format only (the others are for tools). */
    public void write(Report report, OutputStream out, Style style) throws IOException {
        writer.get().write(report, out, style);
    }
}
