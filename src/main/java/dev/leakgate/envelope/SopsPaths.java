package dev.leakgate.envelope;

import java.util.List;

/** Names a place in a sops document for a message: keys only, never values, on one printable line. */
final class SopsPaths {
    private static final int MAX_KEY = 64;

    private SopsPaths() {
    }

    static String describe(List<String> path) {
        if (path.isEmpty()) {
            return "the top level";
        }
        StringBuilder sb = new StringBuilder("key path ");
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(printable(path.get(i)));
        }
        return sb.toString();
    }

    static String printable(String key) {
        StringBuilder sb = new StringBuilder();
        key.codePoints().limit(MAX_KEY).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (key.codePointCount(0, key.length()) > MAX_KEY) {
            sb.append('\u2026');
        }
        return sb.toString();
    }
}
