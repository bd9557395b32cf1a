package dev.leakgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What every report a test produces must be, whatever the test checks besides: SARIF valid
 * against the official 2.1.0 schema, JUnit whose counts are the elements written, JSON with one
 * shape. {@code dev.leakgate.cli.Cli} runs these on every report it sees.
 */
public final class Reports {
    /** The keys of every JSON finding, in every mode, in this order. */
    public static final List<String> FINDING_KEYS = List.of("ruleId", "kind", "description", "path", "line", "column",
            "commit", "fingerprint", "preview", "decoded", "otherPaths", "otherCommits", "inBase");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Schema sarifSchema;

    private Reports() {
    }

    /**
     * Checks the report of a leakgate run, if it wrote one: on stdout, or in the --report file
     * (relative to {@code cwd}).
     */
    public static void checkRun(java.nio.file.Path cwd, int exit, String stdout, String... args) {
        if (exit != 0 && exit != 1) {
            return;
        }
        String format = "text";
        String report = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--format=")) {
                format = args[i].substring("--format=".length());
            } else if (args[i].equals("--format") && i + 1 < args.length) {
                format = args[i + 1];
            } else if (args[i].startsWith("--report=")) {
                report = args[i].substring("--report=".length());
            } else if (args[i].equals("--report") && i + 1 < args.length) {
                report = args[i + 1];
            }
        }
        if (report != null && !java.nio.file.Files.isRegularFile(cwd.resolve(report))) {
            return; // /dev/full and the like: nothing to read back (and a failed write is another test's business)
        }
        String text;
        try {
            text = report == null ? stdout : java.nio.file.Files.readString(cwd.resolve(report));
        } catch (IOException e) {
            throw new AssertionError("the report was not written: " + report);
        }
        if (!text.isEmpty()) {
            check(format, text);
        }
    }

    /** Checks a report in {@code format} (text, json, sarif, junit). */
    public static void check(String format, String report) {
        switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "sarif" -> checkSarif(report);
            case "junit" -> checkJunit(report);
            case "json" -> checkJson(report);
            default -> { }
        }
    }

    private static synchronized Schema sarifSchema() {
        if (sarifSchema == null) {
            // Format assertions on: a uri-reference that is not one (a space, a non-ASCII name) must fail.
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
            try (InputStream in = Reports.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
                sarifSchema = registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return sarifSchema;
    }

    /** Schema errors of a SARIF log, as "location: message" lines (empty when valid). */
    public static List<String> sarifErrors(String sarif) {
        List<String> out = new ArrayList<>();
        for (Error e : sarifSchema().validate(sarif, InputFormat.JSON)) {
            out.add(e.getInstanceLocation() + ": " + e.getMessage());
        }
        return out;
    }

    public static void checkSarif(String sarif) {
        assertThat(sarifErrors(sarif)).as("SARIF schema errors").isEmpty();
    }

    public static void checkJunit(String xml) {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed JUnit XML: " + e.getMessage());
        }
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite).as("a testsuite element").isNotNull();
        int testcases = doc.getElementsByTagName("testcase").getLength();
        assertThat(Integer.parseInt(suite.getAttribute("tests"))).as("tests").isEqualTo(testcases);
        assertThat(Integer.parseInt(suite.getAttribute("failures"))).as("failures")
                .isEqualTo(doc.getElementsByTagName("failure").getLength());
        assertThat(Integer.parseInt(suite.getAttribute("skipped"))).as("skipped")
                .isEqualTo(doc.getElementsByTagName("skipped").getLength());
        assertThat(testcases).as("test cases (an empty report is rejected by some CI servers)").isPositive();
    }

    public static void checkJson(String json) {
        JsonNode doc;
        try {
            doc = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage());
        }
        assertThat(doc.path("schemaVersion").asInt()).as("schemaVersion").isEqualTo(1);
        for (JsonNode f : doc.get("findings")) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = f.fieldNames(); it.hasNext();) {
                keys.add(it.next());
            }
            assertThat(keys).as("the keys of a finding").isEqualTo(FINDING_KEYS);
        }
        assertThat(doc.get("stats").has("skipped")).as("stats.skipped").isTrue();
    }
}
