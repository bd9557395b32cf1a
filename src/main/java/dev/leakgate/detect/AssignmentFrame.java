package dev.leakgate.detect;

/**
 * The cheap shape test for {@code assignment: true} rules: from a keyword's start, a name
 * ({@code [A-Za-z0-9_.-]}), at most one quote, blanks, then the first character of an assignment
 * operator ({@code = : ? >}). Every match of such a rule starts with that shape, so a keyword hit
 * without it ({@code getToken()}, {@code tokenizer.next}) is dropped before the regex: the common
 * stems of generic rules occur thousands of times per megabyte of code, and an NFA try costs
 * microseconds where this costs a few byte reads.
 */
final class AssignmentFrame {
    private AssignmentFrame() {
    }

    /** Whether the bytes from {@code start} (a keyword start) up to {@code limit} open an assignment. */
    static boolean at(byte[] b, int start, int limit) {
        int i = start;
        while (i < limit && isNameChar(b[i])) {
            i++;
        }
        if (i < limit && (b[i] == '"' || b[i] == '\'' || b[i] == '`')) {
            i++;
        }
        while (i < limit && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        if (i == limit) {
            return false;
        }
        byte c = b[i];
        return c == '=' || c == ':' || c == '?' || c == '>';
    }

    private static boolean isNameChar(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }
}
