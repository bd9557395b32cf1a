package dev.leakgate.report;

/** The only view of a secret any output gets: the rule id and at most its first four characters. */
public final class Redaction {
    private Redaction() {
    }

    public static String preview(String ruleId, String secret) {
        // Short secrets show less: a quarter at most, so an 8-character password shows 2.
        int show = Math.min(4, secret.length() / 4);
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < show; i++) {
            char c = secret.charAt(i);
            shown.append(c >= 0x21 && c < 0x7f ? c : '?');
        }
        return ruleId + ":" + shown + "…";
    }
}
