package dev.leakgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code {"schemaVersion": 1, "tool": {...}, "findings": [...], "stats": {...}}}. The schema
 * version changes only when a key changes meaning or goes away; keys may be added.
 */
final class JsonWriter implements ReportWriter {
    static final int SCHEMA_VERSION = 1;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void write(Report report, OutputStream out, Style style) throws IOException {
        Map<String, Object> doc = head();
        doc.put("findings", report.findings());
        doc.put("stats", report.stats());
        MAPPER.writeValue(out, doc);
        out.write('\n');
        out.flush();
    }

    /** A report that is a baseline: every finding, the accepted ones too, and how entries match. */
    void writeBaseline(Report report, String match, OutputStream out) throws IOException {
        List<Finding> all = new ArrayList<>(report.findings());
        all.addAll(report.baselined());
        all.sort(Comparator.comparing(Finding::path).thenComparing(f -> f.line() == null ? 0 : f.line())
                .thenComparing(Finding::ruleId).thenComparing(Finding::fingerprint));
        Map<String, Object> doc = head();
        doc.put("baselineMatch", match);
        doc.put("findings", all);
        MAPPER.writeValue(out, doc);
        out.write('\n');
        out.flush();
    }

    private static Map<String, Object> head() {
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", "leakgate");
        tool.put("version", Version.get());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", SCHEMA_VERSION);
        doc.put("tool", tool);
        return doc;
    }
}
