package dev.leakgate.report;

import java.io.IOException;
import java.io.OutputStream;

/** The output formats, each with its writer. */
public enum ReportFormat {
    TEXT(new TextWriter()),
    JSON(new JsonWriter()),
    SARIF(new SarifWriter()),
    JUNIT(new JunitWriter());

    private final ReportWriter writer;

    ReportFormat(ReportWriter writer) {
        this.writer = writer;
    }

    public void write(Report report, OutputStream out) throws IOException {
        writer.write(report, out);
    }
}
