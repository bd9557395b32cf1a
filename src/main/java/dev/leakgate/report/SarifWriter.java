package dev.leakgate.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/** SARIF 2.1.0, as code-scanning services read it. */
final class SarifWriter implements ReportWriter {
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        ObjectNode root = JsonWriter.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "leakgate");
        driver.put("informationUri", "https://leakgate.dev");
        driver.put("version", Version.get());
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (RuleInfo r : report.rules()) {
            ruleIndex.put(r.id(), ruleIndex.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", r.id());
            rule.put("name", r.id());
            rule.putObject("shortDescription").put("text", r.description());
            rule.putObject("properties").putArray("tags").add(r.kind());
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.ruleId());
            Integer idx = ruleIndex.get(f.ruleId());
            if (idx != null) {
                res.put("ruleIndex", idx);
            }
            res.put("level", "error");
            String text = f.description() + (f.preview() != null ? " (" + f.preview() + ")" : "")
                    + (f.commit() != null ? " in commit " + f.commit() : "");
            res.putObject("message").put("text", text);
            ObjectNode loc = res.putArray("locations").addObject().putObject("physicalLocation");
            loc.putObject("artifactLocation").put("uri", f.path());
            if (f.line() != null) {
                ObjectNode region = loc.putObject("region");
                region.put("startLine", f.line());
                if (f.column() != null) {
                    region.put("startColumn", f.column());
                }
            }
            res.putObject("partialFingerprints").put("leakgate/v1", f.fingerprint());
            ObjectNode props = res.putObject("properties");
            props.put("kind", f.kind());
            if (f.commit() != null) {
                props.put("commit", f.commit());
            }
        }
        JsonWriter.MAPPER.writeValue(out, root);
        out.write('\n');
        out.flush();
    }
}
