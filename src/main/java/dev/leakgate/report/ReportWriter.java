package dev.leakgate.report;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a report in one format. Writers see findings only: they cannot print a secret. */
interface ReportWriter {
    void write(Report report, OutputStream out, Style style) throws IOException;
}
