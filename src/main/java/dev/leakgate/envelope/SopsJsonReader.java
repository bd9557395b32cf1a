package dev.leakgate.envelope;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.util.List;

/**
 * Reads the sops JSON store, and the binary store (a JSON object with {@code data} and {@code sops}).
 * Jackson's streaming parser keeps the line of every value. A key repeated in one object makes the file
 * ambiguous (Go keeps the last copy of the metadata, a gate reading the first would check another one), so it
 * is refused.
 */
final class SopsJsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private SopsJsonReader() {
    }

    static SopsDocument read(byte[] bytes) throws ProblemException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new ProblemException(first == null ? "not-parseable" : "not-an-envelope",
                        EnvelopeValidator.NOT_AN_ENVELOPE + "the JSON top level is not an object", line(parser));
            }
            SopsTree.Mapping root = object(parser);
            if (parser.nextToken() != null) {
                throw new ProblemException("not-parseable",
                        EnvelopeValidator.NOT_AN_ENVELOPE + "content after the JSON object", line(parser));
            }
            SopsTree.Item sops = root.entry("sops");
            SopsTree.Mapping metadata = sops != null && sops.value() instanceof SopsTree.Mapping m ? m : null;
            root.remove("sops");
            return new SopsDocument(List.of(root), metadata, sops == null ? null : sops.line());
        } catch (JsonProcessingException e) {
            // Jackson's messages quote the offending token, which may be a secret: say only where.
            JsonLocation at = e.getLocation();
            Integer line = at == null || at.getLineNr() < 1 ? null : at.getLineNr();
            String what = e instanceof JsonEOFException ? "JSON ends too early" : "JSON does not parse";
            throw new ProblemException("not-parseable",
                    EnvelopeValidator.NOT_AN_ENVELOPE + what + (line == null ? "" : " (line " + line + ")"), line);
        } catch (IOException e) {
            throw new ProblemException("not-parseable", EnvelopeValidator.NOT_AN_ENVELOPE + "JSON could not be read", null);
        }
    }

    private static SopsTree.Mapping object(JsonParser parser) throws IOException, ProblemException {
        SopsTree.Mapping m = new SopsTree.Mapping(line(parser));
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Integer keyLine = line(parser);
            if (seen.containsKey(key)) {
                throw SopsTree.duplicateKey(key, seen.get(key), keyLine);
            }
            seen.put(key, keyLine);
            parser.nextToken();
            m.items.add(SopsTree.Item.entry(key, value(parser), keyLine));
        }
        return m;
    }

    private static SopsTree.Node value(JsonParser parser) throws IOException, ProblemException {
        Integer line = line(parser);
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return object(parser);
            case START_ARRAY: {
                SopsTree.Sequence seq = new SopsTree.Sequence(line);
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    Integer elementLine = line(parser);
                    seq.items.add(SopsTree.Item.element(value(parser), elementLine));
                }
                return seq;
            }
            case VALUE_STRING:
                return new SopsTree.Scalar(SopsTree.Kind.STRING, parser.getText(), line);
            case VALUE_NULL:
                return new SopsTree.Scalar(SopsTree.Kind.NULL, "", line);
            default:
                return new SopsTree.Scalar(SopsTree.Kind.OTHER, parser.getText(), line, SopsTree.Typing.JSON_LITERAL);
        }
    }

    private static Integer line(JsonParser parser) {
        JsonLocation at = parser.currentTokenLocation();
        return at == null || at.getLineNr() < 1 ? null : at.getLineNr();
    }
}
