package dev.leakgate.report;

/**
 * How a report is rendered for a person: {@code colour} adds ANSI colours (a terminal that asked
 * for them), {@code verbose} lists in full what is otherwise summed up.
 */
public record Style(boolean colour, boolean verbose) {
    public static final Style PLAIN = new Style(false, false);

    private static final String RESET = "\u001b[0m";

    String path(String s) {
        return paint("\u001b[1m", s);
    }

    /** A rule id, in the colour of its kind: red for a secret, yellow for inventory, magenta for an envelope. */
    String rule(String kind, String s) {
        return paint(switch (kind) {
            case "secret" -> "\u001b[31m";
            case "inventory" -> "\u001b[33m";
            default -> "\u001b[35m";
        }, s);
    }

    String dim(String s) {
        return paint("\u001b[2m", s);
    }

    /** The summary: red when something was found, green when nothing was. */
    String summary(boolean clean, String s) {
        return paint(clean ? "\u001b[32m" : "\u001b[1;31m", s);
    }

    private String paint(String code, String s) {
        return colour ? code + s + RESET : s;
    }
}
