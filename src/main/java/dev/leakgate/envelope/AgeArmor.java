package dev.leakgate.envelope;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict PEM framing of an armored age file, as age itself reads it: one label, padded canonical base64 in
 * 64-column lines, nothing but (at most 1 KiB of) whitespace around it.
 */
final class AgeArmor {
    static final String BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";
    static final String END = "-----END AGE ENCRYPTED FILE-----";
    private static final int COLUMNS = 64;
    private static final int MAX_WHITESPACE = 1024;

    private AgeArmor() {
    }

    /** True when, past leading whitespace, the bytes open a PEM-style block. */
    static boolean looksArmored(byte[] data) {
        int i = skipWhitespace(data, 0);
        return startsWith(data, i, "-----");
    }

    /**
     * True when the first line of the PEM-style block has the word AGE (in any case), so it was meant as age
     * armor. A word, not a substring: "PGP MESSAGE" is no age armor.
     */
    static boolean mentionsAge(byte[] data) {
        int i = skipWhitespace(data, 0);
        int end = i;
        while (end < data.length && data[end] != '\n') {
            end++;
        }
        String first = new String(data, i, end - i, StandardCharsets.ISO_8859_1);
        int word = 0;
        for (int c = 0; c <= first.length(); c++) {
            if (c == first.length() || !Character.isLetter(first.charAt(c))) {
                if (first.substring(word, c).equalsIgnoreCase("AGE")) {
                    return true;
                }
                word = c + 1;
            }
        }
        return false;
    }

    /** The binary age file inside the armor. */
    static byte[] decode(byte[] data) throws ProblemException {
        int start = skipWhitespace(data, 0);
        if (start > MAX_WHITESPACE) {
            throw new ProblemException("age-bad-armor", "more than 1024 bytes of whitespace before the BEGIN line", null);
        }
        if (start == data.length) {
            throw new ProblemException("age-bad-armor", "no armor: only whitespace", null);
        }
        int lineNo = 1;
        for (int i = 0; i < start; i++) {
            if (data[i] == '\n') {
                lineNo++;
            }
        }
        List<String> lines = new ArrayList<>();
        int pos = start;
        int endLineIndex = -1;
        while (pos < data.length) {
            int lf = pos;
            while (lf < data.length && data[lf] != '\n') {
                lf++;
            }
            String line = new String(data, pos, lf - pos, StandardCharsets.ISO_8859_1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1); // CRLF armor is allowed
            }
            lines.add(line);
            pos = lf + 1;
            if (line.equals(END)) {
                endLineIndex = lines.size() - 1;
                break;
            }
        }
        String begin = lines.get(0);
        if (!begin.equals(BEGIN)) {
            throw new ProblemException("age-bad-armor", beginFault(begin), lineNo);
        }
        if (endLineIndex < 0) {
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).startsWith("-")) {
                    throw new ProblemException("age-bad-armor", "malformed END line: must be exactly '" + END + "'", lineNo + i);
                }
            }
            throw new ProblemException("age-bad-armor", "armor has no END line", null);
        }
        if (pos < data.length) {
            int trailing = data.length - pos;
            if (skipWhitespace(data, pos) != data.length) {
                throw new ProblemException("age-bad-armor", "text after the END line", lineNo + endLineIndex + 1);
            }
            if (trailing > MAX_WHITESPACE) {
                throw new ProblemException("age-bad-armor", "more than 1024 bytes of whitespace after the END line", null);
            }
        }
        List<String> body = lines.subList(1, endLineIndex);
        checkData(body, lineNo + 1);
        byte[] decoded = Base64Canonical.decodePadded(String.join("", body));
        if (decoded == null) {
            throw new ProblemException("age-bad-armor", "armor base64 is not canonical padded base64", null);
        }
        if (decoded.length == 0) {
            throw new ProblemException("age-bad-armor", "armor contains no data", null);
        }
        return decoded;
    }

    private static String beginFault(String begin) {
        if (begin.equalsIgnoreCase(BEGIN)) {
            return "armor label must be upper case 'AGE ENCRYPTED FILE'";
        }
        if (begin.replace(" ", "").equalsIgnoreCase(BEGIN.replace(" ", ""))) {
            return "BEGIN line has spaces inside the dashes";
        }
        return "first line is not '" + BEGIN + "'";
    }

    /**
     * Data lines: base64 characters only, 64 columns each except a shorter, non-empty last one. Content
     * faults are looked for on every line before lengths, so a mangled END line is named as such rather than
     * as the short line before it.
     */
    private static void checkData(List<String> body, int firstLine) throws ProblemException {
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i);
            int lineNo = firstLine + i;
            if (line.isEmpty()) {
                throw new ProblemException("age-bad-armor", "empty line inside the armor", lineNo);
            }
            if (line.startsWith("-")) {
                throw new ProblemException("age-bad-armor", "malformed END line: must be exactly '" + END + "'", lineNo);
            }
            if (line.indexOf(':') >= 0) {
                throw new ProblemException("age-bad-armor", "PEM header lines are not allowed in age armor", lineNo);
            }
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (ch == ' ' || ch == '\t' || ch == '\r') {
                    throw new ProblemException("age-bad-armor", "whitespace inside an armor line", lineNo);
                }
                if (!Base64Canonical.isAlphabet(ch) && ch != '=') {
                    throw new ProblemException("age-bad-armor", "armor line has a character outside base64", lineNo);
                }
            }
        }
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i);
            int lineNo = firstLine + i;
            boolean last = i == body.size() - 1;
            if (line.length() > COLUMNS) {
                throw new ProblemException("age-bad-armor", "armor line longer than 64 columns", lineNo);
            }
            if (!last && line.length() < COLUMNS) {
                throw new ProblemException("age-bad-armor", "short armor line before the last one", lineNo);
            }
            if (!last && line.indexOf('=') >= 0) {
                throw new ProblemException("age-bad-armor", "base64 padding before the last armor line", lineNo);
            }
        }
    }

    private static int skipWhitespace(byte[] data, int from) {
        int i = from;
        while (i < data.length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] data, int at, String prefix) {
        if (data.length - at < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
