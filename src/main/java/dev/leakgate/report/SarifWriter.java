package dev.leakgate.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SARIF 2.1.0, as code-scanning services read it: the rules that fired (with help and a
 * security-severity), one result per finding, and the run's invocation with a notification per
 * thing it passed over.
 */
final class SarifWriter implements ReportWriter {
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    @Override
    public void write(Report report, OutputStream out, Style style) throws IOException {
        ObjectNode root = JsonWriter.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "leakgate");
        driver.put("informationUri", "https://leakgate.dev");
        driver.put("version", Version.get());
        driver.put("semanticVersion", Version.get());
        Map<String, Integer> ruleIndex = rules(report, driver.putArray("rules"));
        // A finding's column counts characters (code points), not SARIF's default UTF-16 units.
        run.put("columnKind", "unicodeCodePoints");
        invocation(report, run.putArray("invocations").addObject());
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.ruleId());
            res.put("ruleIndex", ruleIndex.get(f.ruleId()));
            res.put("level", "error");
            String text = f.description() + (f.preview() != null ? " (" + f.preview() + ")" : "")
                    + (f.commit() != null ? " in commit " + f.commit() : "");
            res.putObject("message").put("text", text);
            ObjectNode loc = res.putArray("locations").addObject().putObject("physicalLocation");
            loc.putObject("artifactLocation").put("uri", uri(f.path()));
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
            props.put("fingerprint", f.fingerprint());
            if (f.commit() != null) {
                props.put("commit", f.commit());
            }
        }
        JsonWriter.MAPPER.writeValue(out, root);
        out.write('\n');
        out.flush();
    }

    /**
     * Only the rules that fired: a clean run names none, instead of embedding every rule of the
     * built-in set. Returns each rule's index.
     */
    private static Map<String, Integer> rules(Report report, ArrayNode rules) {
        Map<String, RuleInfo> known = new HashMap<>();
        for (RuleInfo r : report.rules()) {
            known.putIfAbsent(r.id(), r);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            if (index.containsKey(f.ruleId())) {
                continue;
            }
            RuleInfo r = known.getOrDefault(f.ruleId(), new RuleInfo(f.ruleId(), f.kind(), f.description()));
            index.put(r.id(), index.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", r.id());
            rule.put("name", r.id());
            rule.putObject("shortDescription").put("text", r.description());
            rule.putObject("fullDescription").put("text", r.description() + " (" + r.kind() + ")");
            String help = Advice.forKind(r.kind()) + " " + Advice.ACCEPT;
            rule.putObject("help").put("text", help).put("markdown", help);
            rule.putObject("defaultConfiguration").put("level", "error");
            ObjectNode props = rule.putObject("properties");
            props.putArray("tags").add("security").add(r.kind());
            props.put("precision", "high");
            props.put("security-severity", severity(r.kind()));
        }
        return index;
    }

    /** GitHub code scanning's scale: 9.0 and up is critical, 7.0 high, 4.0 medium. */
    static String severity(String kind) {
        return switch (kind) {
            case "secret" -> "9.0";
            case "envelope" -> "8.0";
            default -> "5.0";
        };
    }

    /** The run itself: it completed (a failed run writes no report), and what it passed over. */
    private static void invocation(Report report, ObjectNode inv) {
        inv.put("executionSuccessful", true);
        ArrayNode notes = inv.putArray("toolExecutionNotifications");
        for (Skip s : report.stats().skips()) {
            ObjectNode n = notes.addObject();
            n.putObject("descriptor").put("id", "skipped-" + s.reason().code());
            n.put("level", "note");
            n.putObject("message").put("text", "skipped (" + s.reason().label() + "): " + s.path());
            n.putArray("locations").addObject().putObject("physicalLocation")
                    .putObject("artifactLocation").put("uri", uri(s.path()));
        }
    }

    /**
     * A path as a relative URI reference: every byte but the unreserved characters and '/'
     * percent-encoded (UTF-8), so spaces, non-ASCII names and a ':' (which would read as a
     * scheme) are all valid.
     */
    static String uri(String path) {
        StringBuilder out = new StringBuilder(path.length() + 8);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
