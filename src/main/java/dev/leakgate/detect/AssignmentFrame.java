package dev.leakgate.detect;

/**
 * The syntax around an {@code assignment: true} rule's match: is the name really assigned a literal?
 *
 * <p>{@link #at} is the cheap shape test run before the regex: from a keyword's start, a name
 * ({@code [A-Za-z0-9_.-]}), at most one quote, blanks, then an assignment operator. A keyword hit
 * without it ({@code getToken()}, {@code tokenizer.next}) is dropped before the regex: the common
 * stems of generic rules occur thousands of times per megabyte of code, and an NFA try costs
 * microseconds where this costs a few byte reads.
 *
 * <p>{@link #literal} runs after the regex, on the few matches, and reads the operator the way the
 * languages that use it do: {@code ->} is member access, {@code >} closes an XML tag only, a bare
 * {@code name => word} is a lambda, {@code VAR= cmd} is the shell's empty assignment, {@code a.o: b.c
 * other} is a make rule, {@code token:value} with no blank is no YAML mapping, and a quoted literal
 * followed by {@code +} or {@code " . "} is one piece of a concatenation, not the value.
 */
final class AssignmentFrame {
    /** How far back a name may start before its keyword ({@code <clientSecret>}, {@code :api_token =>}). */
    private static final int NAME_BACK = 128;

    private AssignmentFrame() {
    }

    /** Whether the bytes from {@code start} (a keyword start) up to {@code limit} open an assignment. */
    static boolean at(byte[] b, int start, int limit) {
        int nameEnd = nameEnd(b, start, limit);
        return at(b, start, nameEnd, operator(b, nameEnd, limit), limit);
    }

    /**
     * Where the name from {@code start} ends. Every keyword inside one name shares it and the
     * {@link #operator} after it, so a caller with many keywords in one long name walks it once.
     */
    static int nameEnd(byte[] b, int start, int limit) {
        int i = start;
        while (i < limit && isNameChar(b[i])) {
            i++;
        }
        return i;
    }

    /** Where the operator after a name ending at {@code nameEnd} would be: past one quote and blanks. */
    static int operator(byte[] b, int nameEnd, int limit) {
        int i = nameEnd;
        if (i < limit && isQuote(b[i])) {
            i++;
        }
        while (i < limit && isBlank(b[i])) {
            i++;
        }
        return i;
    }

    /** {@link #at(byte[], int, int)} with the name's end and the operator's offset known. */
    static boolean at(byte[] b, int start, int nameEnd, int i, int limit) {
        if (i == limit) {
            return false;
        }
        byte c = b[i];
        if (c == '>') {
            // Only an XML element (<apiKey>value) opens with '>'; '->' is member access, '> file' a redirect.
            return i == nameEnd && b[i - 1] != '-' && before(b, start) == '<';
        }
        if (c == '?') {
            return i + 1 < limit && b[i + 1] == '=';
        }
        return c == '=' || c == ':';
    }

    /**
     * Whether a regex match of an assignment rule whose name has its keyword at {@code start} assigns
     * the literal at [{@code secretStart}, {@code secretEnd}) itself, as the syntax of the line reads.
     * Shapes it does not know are left to the regex (true).
     */
    static boolean literal(byte[] b, int start, int secretStart, int secretEnd, int limit) {
        int nameStart = nameStart(b, start);
        byte before = nameStart > 0 ? b[nameStart - 1] : (byte) '\n';
        int i = start;
        while (i < secretStart && isNameChar(b[i])) {
            i++;
        }
        boolean nameQuoted = isQuote(before);
        if (i < secretStart && isQuote(b[i])) {
            nameQuoted = true;
            i++;
        }
        boolean blankBefore = false;
        while (i < secretStart && isBlank(b[i])) {
            blankBefore = true;
            i++;
        }
        int op = i;
        while (i < secretStart && isOperator(b[i])) {
            i++;
        }
        String operator = new String(b, op, i - op, java.nio.charset.StandardCharsets.ISO_8859_1);
        boolean blankAfter = false;
        while (i < secretStart && isBlank(b[i])) {
            blankAfter = true;
            i++;
        }
        byte quote = i < secretStart && isQuote(b[i]) ? b[i] : 0;
        if (quote != 0) {
            i++;
        }
        if (i != secretStart) {
            return true; // a shape this reader does not know: the regex decided
        }
        if (quote != 0) {
            return !concatenated(b, secretEnd, quote, limit);
        }
        switch (operator) {
            case "=":
                // VAR= cmd: the shell runs cmd with VAR empty; the word after the blank is no value.
                return nameQuoted || blankBefore || !blankAfter;
            case ":":
                // token:value is no YAML mapping (Maven coordinates, URLs, host:port); and an unquoted
                // value followed by more words is prose or a make rule's prerequisites.
                return nameQuoted || blankAfter && endsTheStatement(b, secretEnd, limit);
            case "=>":
                // PHP arrays and Ruby hashes quote their keys ('key' => ..., :key => ...); a bare
                // name => word is a lambda (JavaScript, C#, Scala) or a foreach binding.
                return nameQuoted || before == ':';
            default:
                return true;
        }
    }

    /** Where the name holding the keyword at {@code start} begins ({@code client} in {@code clientSecret}). */
    private static int nameStart(byte[] b, int start) {
        int i = start;
        int lo = Math.max(0, start - NAME_BACK);
        while (i > lo && isNameChar(b[i - 1])) {
            i--;
        }
        return i;
    }

    private static byte before(byte[] b, int start) {
        int i = nameStart(b, start);
        return i > 0 ? b[i - 1] : (byte) '\n';
    }

    /** After a quoted literal: {@code "a" + b}, {@code 'a' . $b} or {@code "a" .. b} make it a piece of a longer value. */
    private static boolean concatenated(byte[] b, int secretEnd, byte quote, int limit) {
        int i = secretEnd;
        if (i >= limit || b[i] != quote) {
            return false;
        }
        i++;
        boolean blank = false;
        while (i < limit && isBlank(b[i])) {
            blank = true;
            i++;
        }
        if (i >= limit) {
            return false;
        }
        if (b[i] == '+') {
            return i + 1 >= limit || b[i + 1] != '+';
        }
        if (b[i] == '.' && i + 1 < limit) {
            // "a" . $b (PHP, Perl) and "a" .. b (Lua); "secret".getBytes() is a call on the literal.
            return b[i + 1] == '.' || blank && isBlank(b[i + 1]);
        }
        return false;
    }

    /** Whether an unquoted value ends its statement: only blanks, then a comment, a separator or the line end. */
    private static boolean endsTheStatement(byte[] b, int secretEnd, int limit) {
        int i = secretEnd;
        while (i < limit && isBlank(b[i])) {
            i++;
        }
        if (i >= limit) {
            return true;
        }
        byte c = b[i];
        return c == '\n' || c == '\r' || c == '#' || c == ',' || c == ';' || c == '}' || c == ']' || c == ')'
                || c == '<' || c == '/' && i + 1 < limit && b[i + 1] == '/' || c == '\\';
    }

    private static boolean isOperator(byte c) {
        return c == '=' || c == ':' || c == '>' || c == '?';
    }

    private static boolean isQuote(byte c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isNameChar(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }
}
