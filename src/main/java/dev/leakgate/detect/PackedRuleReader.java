package dev.leakgate.detect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the packed rule set with Jackson's streaming parser. Data binding would do the same in
 * one line, but building an ObjectMapper and introspecting the records costs ~0.3 s on a cold JVM,
 * which a pre-commit hook pays on every commit; the streaming parser costs a few milliseconds.
 */
final class PackedRuleReader {
    private PackedRuleReader() {
    }

    static List<PackedRule> read(InputStream in) throws IOException {
        List<PackedRule> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(in)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String origin = null;
                RuleSpec spec = null;
                int group = 0;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "origin" -> origin = p.getText();
                        case "secretGroup" -> group = p.getIntValue();
                        case "spec" -> spec = spec(p);
                        default -> p.skipChildren();
                    }
                }
                out.add(new PackedRule(origin, spec, group));
            }
        }
        return out;
    }

    private static RuleSpec spec(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT);
        String id = null, kind = null, description = null, pattern = null, secretGroup = null, validator = null, body = null;
        List<String> keywords = null, allow = null, examples = null, negatives = null, prefix = null;
        Double entropy = null;
        Integer minLength = null, window = null, distance = null;
        Boolean generic = null, anchored = null, assignment = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (name) {
                case "id" -> id = p.getText();
                case "kind" -> kind = p.getText();
                case "description" -> description = p.getText();
                case "pattern" -> pattern = p.getText();
                case "secretGroup" -> secretGroup = p.getText();
                case "validator" -> validator = p.getText();
                case "keywords" -> keywords = strings(p);
                case "allow" -> allow = strings(p);
                case "examples" -> examples = strings(p);
                case "negativeExamples" -> negatives = strings(p);
                case "entropy" -> entropy = p.getDoubleValue();
                case "minLength" -> minLength = p.getIntValue();
                case "window" -> window = p.getIntValue();
                case "generic" -> generic = p.getBooleanValue();
                case "anchored" -> anchored = p.getBooleanValue();
                case "assignment" -> assignment = p.getBooleanValue();
                case "prefix" -> prefix = strings(p);
                case "body" -> body = p.getText();
                case "distance" -> distance = p.getIntValue();
                default -> throw new IOException("unknown rule field '" + name + "'");
            }
        }
        return new RuleSpec(id, kind, description, pattern, secretGroup, keywords, entropy, minLength, validator,
                allow, window, generic, anchored, assignment, prefix, body, distance, examples, negatives);
    }

    private static List<String> strings(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY);
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(p.getText());
        }
        return out;
    }

    private static void expect(JsonToken got, JsonToken want) throws IOException {
        if (got != want) {
            throw new IOException("expected " + want + " but found " + got);
        }
    }
}
