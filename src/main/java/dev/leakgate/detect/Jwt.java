package dev.leakgate.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JWS (three segments) or JWE (five) whose header decodes to a JSON object naming its
 * algorithm. Random dotted base64 that merely starts with "eyJ" fails here, and so does a
 * signed token with its signature stripped (as docs often show them).
 */
public final class Jwt {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Jwt() {
    }

    public static boolean valid(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 && parts.length != 5) {
            return false;
        }
        JsonNode header = json(parts[0]);
        if (header == null || !header.hasNonNull("alg")) {
            return false;
        }
        if (parts.length == 5) {
            return header.hasNonNull("enc") && parts[2].length() >= 16 && parts[3].length() >= 16
                    && parts[4].length() >= 16;
        }
        if (json(parts[1]) == null) {
            return false;
        }
        boolean unsigned = "none".equalsIgnoreCase(header.get("alg").asText());
        return unsigned ? parts[2].isEmpty() : parts[2].length() >= 16;
    }

    /** A base64 run (standard alphabet) that decodes to a valid JWT, possibly with whitespace around it. */
    public static boolean validBase64(String run) {
        String text = Base64Text.decodeText(run, 1.0);
        return text != null && valid(text.strip());
    }

    private static JsonNode json(String segment) {
        byte[] b = Base64Text.decode(segment);
        if (b == null || b.length < 2 || b[0] != '{') {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(b);
            return n != null && n.isObject() ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
