package dev.leakgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSON report. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode parse(Cli r) {
        try {
            return MAPPER.readTree(r.out());
        } catch (Exception e) {
            throw new AssertionError("not a JSON report: " + r, e);
        }
    }

    static List<JsonNode> findings(Cli r) {
        List<JsonNode> out = new ArrayList<>();
        parse(r).get("findings").forEach(out::add);
        return out;
    }

    static List<String> locations(Cli r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : findings(r)) {
            out.add(f.get("ruleId").asText() + " " + f.get("path").asText() + (f.hasNonNull("line") ? ":" + f.get("line").asInt() : ""));
        }
        return out;
    }

    /** Each finding as "path:line @commit": where a leak is and which commit brought it. */
    static List<String> placed(Cli r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : findings(r)) {
            out.add(place(f.get("path").asText(), f.get("line").asInt(), f.hasNonNull("commit") ? f.get("commit").asText() : null));
        }
        return out;
    }

    static String place(String path, int line, String commit) {
        return path + ":" + line + " @" + commit;
    }
}
