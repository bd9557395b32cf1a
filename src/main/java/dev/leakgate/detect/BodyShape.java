package dev.leakgate.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a token's body, as a long-tail rule writes it: parts separated by blanks, each a
 * character set with a length ({@code hex-lower{32}}, {@code alnum{20,40}}, {@code alnum+-._{36}},
 * {@code digits{1,}}), a quoted literal ({@code '-'}) or {@code uuid} (8-4-4-4-12 hex, either case). A character
 * set is a base name, optionally followed by {@code +} and the extra characters it allows.
 *
 * <p>Example: {@code alnum-upper{7} '-' alnum-upper{7}} is two runs of seven upper-case letters or
 * digits joined by a hyphen.
 */
public final class BodyShape {
    /** One part: {@code chars} repeated {@code min..max} times ({@code max} -1: unbounded), or a literal. */
    record Part(boolean[] chars, String classRegex, int min, int max, String literal) {
        boolean isLiteral() {
            return literal != null;
        }
    }

    private static final String[][] BASES = {
            {"alnum-lower", "0-9a-z"}, {"alnum-upper", "0-9A-Z"}, {"alnum", "0-9A-Za-z"},
            {"alpha-lower", "a-z"}, {"alpha-upper", "A-Z"}, {"alpha", "A-Za-z"},
            {"hex-lower", "0-9a-f"}, {"hex-upper", "0-9A-F"}, {"hex", "0-9A-Fa-f"},
            {"base64url", "0-9A-Za-z_\\-"}, {"base64", "0-9A-Za-z+/"}, {"digits", "0-9"},
            // Any visible ASCII but quotes and backslash, which delimit values rather than belong to them.
            {"printable", "!#-&(-\\[\\]-_a-~"},
    };
    /** Longest body a rule may describe: longer tokens are JWT-like and have their own rules. */
    static final int MAX_LENGTH = 1024;

    private final String source;
    private final List<Part> parts;
    private final boolean[] all = new boolean[128];
    private final int minLength;
    private final int maxLength;
    private final String regex;

    private BodyShape(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
        int min = 0;
        long max = 0;
        StringBuilder re = new StringBuilder();
        for (Part p : parts) {
            if (p.isLiteral()) {
                for (char c : p.literal().toCharArray()) {
                    all[c] = true;
                }
                min += p.literal().length();
                max += p.literal().length();
                re.append(quote(p.literal()));
            } else {
                for (int c = 0; c < 128; c++) {
                    all[c] |= p.chars()[c];
                }
                min += p.min();
                max = p.max() < 0 || max < 0 ? -1 : max + p.max();
                re.append('[').append(p.classRegex()).append(']').append('{').append(p.min());
                if (p.max() != p.min()) {
                    re.append(',').append(p.max() < 0 ? "" : String.valueOf(p.max()));
                }
                re.append('}');
            }
        }
        this.minLength = min;
        this.maxLength = (int) max;
        this.regex = re.toString();
    }

    /** Parses a shape; a defect is an {@link IllegalArgumentException} whose message says which part. */
    public static BodyShape parse(String shape) {
        if (shape == null || shape.isBlank()) {
            throw new IllegalArgumentException("empty body shape");
        }
        List<Part> parts = new ArrayList<>();
        int i = 0;
        int n = shape.length();
        while (i < n) {
            char c = shape.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '\'') {
                int end = shape.indexOf('\'', i + 1);
                if (end <= i + 1) {
                    throw new IllegalArgumentException("unterminated or empty literal at " + (i + 1));
                }
                String lit = shape.substring(i + 1, end);
                for (char l : lit.toCharArray()) {
                    if (l < 0x21 || l > 0x7e) {
                        throw new IllegalArgumentException("literal '" + lit + "': visible ASCII only");
                    }
                }
                parts.add(new Part(null, null, 0, 0, lit));
                i = end + 1;
            } else {
                int end = shape.indexOf(' ', i);
                end = end < 0 ? n : end;
                String word = shape.substring(i, end);
                if (word.equals("uuid")) {
                    for (int k : new int[] {8, 4, 4, 4, 12}) {
                        if (k != 8) {
                            parts.add(new Part(null, null, 0, 0, "-"));
                        }
                        parts.add(charPart("hex{" + k + "}"));
                    }
                } else {
                    parts.add(charPart(word));
                }
                i = end;
            }
        }
        BodyShape s = new BodyShape(shape, parts);
        if (s.minLength < 4) {
            throw new IllegalArgumentException("body shape '" + shape + "' allows fewer than 4 characters");
        }
        if (s.maxLength > MAX_LENGTH) {
            throw new IllegalArgumentException("body shape '" + shape + "' allows more than " + MAX_LENGTH + " characters");
        }
        return s;
    }

    private static Part charPart(String word) {
        int brace = word.lastIndexOf('{');
        if (brace <= 0 || !word.endsWith("}")) {
            throw new IllegalArgumentException("part '" + word + "': expected CHARSET{N}, CHARSET{N,M}, CHARSET{N,}, 'literal' or uuid");
        }
        String set = word.substring(0, brace);
        String count = word.substring(brace + 1, word.length() - 1);
        int min;
        int max;
        try {
            int comma = count.indexOf(',');
            if (comma < 0) {
                min = max = Integer.parseInt(count);
            } else {
                min = Integer.parseInt(count.substring(0, comma));
                max = comma == count.length() - 1 ? -1 : Integer.parseInt(count.substring(comma + 1));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("part '" + word + "': bad length '{" + count + "}'");
        }
        if (min < 1 || max >= 0 && max < min || max > MAX_LENGTH || min > MAX_LENGTH) {
            throw new IllegalArgumentException("part '" + word + "': length must be 1.." + MAX_LENGTH + " and min <= max");
        }
        String base = null;
        String baseClass = null;
        for (String[] b : BASES) {
            if (set.equals(b[0]) || set.startsWith(b[0] + "+")) {
                base = b[0];
                baseClass = b[1];
                break;
            }
        }
        if (base == null) {
            StringBuilder known = new StringBuilder();
            for (String[] b : BASES) {
                known.append(known.length() == 0 ? "" : ", ").append(b[0]);
            }
            throw new IllegalArgumentException("part '" + word + "': unknown character set (known: " + known
                    + ", each optionally +EXTRA)");
        }
        String extra = set.length() > base.length() ? set.substring(base.length() + 1) : "";
        if (set.length() > base.length() && extra.isEmpty()) {
            throw new IllegalArgumentException("part '" + word + "': nothing after '+'");
        }
        boolean[] chars = new boolean[128];
        addRanges(chars, baseClass);
        StringBuilder cls = new StringBuilder(baseClass);
        for (char c : extra.toCharArray()) {
            if (c < 0x21 || c > 0x7e || c == '"' || c == '\'' || c == '`' || c == '\\') {
                throw new IllegalArgumentException("part '" + word + "': extra characters must be visible ASCII, no quotes or backslash");
            }
            if (!chars[c]) {
                chars[c] = true;
                cls.append(Character.isLetterOrDigit(c) ? "" : "\\").append(c);
            }
        }
        return new Part(chars, cls.toString(), min, max, null);
    }

    /** Marks the characters of a class body written as ranges and single (possibly escaped) characters. */
    private static void addRanges(boolean[] chars, String cls) {
        int i = 0;
        while (i < cls.length()) {
            char a = cls.charAt(i);
            if (a == '\\') {
                a = cls.charAt(++i);
            }
            if (i + 2 < cls.length() && cls.charAt(i + 1) == '-') {
                char b = cls.charAt(i + 2);
                if (b == '\\') {
                    b = cls.charAt(i + 3);
                    i++;
                }
                for (char c = a; c <= b; c++) {
                    chars[c] = true;
                }
                i += 3;
            } else {
                chars[a] = true;
                i++;
            }
        }
    }

    private static String quote(String literal) {
        StringBuilder b = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    public String source() {
        return source;
    }

    List<Part> parts() {
        return parts;
    }

    /** The RE2 regex of the body (no boundaries, no groups). */
    public String regex() {
        return regex;
    }

    /** Whether {@code c} may occur in the body (a part's character or a literal's). */
    public boolean allows(int c) {
        return c >= 0 && c < 128 && all[c];
    }

    /** Shortest body. */
    public int minLength() {
        return minLength;
    }

    /** Longest body, or -1 when a part is unbounded. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * The characters that end a body: none of its own and no word character, as {@code \b} would
     * have it for a body of word characters. As an RE2 class body.
     */
    String boundaryClass() {
        return boundaryClass(false);
    }

    /**
     * The characters that may stand before a body: as {@link #boundaryClass()}, and also '=' and ':'
     * even where the body may hold them (base64 with '='): they are how a value is assigned.
     */
    String leftBoundaryClass() {
        return boundaryClass(true);
    }

    private String boundaryClass(boolean left) {
        StringBuilder b = new StringBuilder("^\\w");
        for (int c = 0x21; c < 0x7f; c++) {
            if (all[c] && !Character.isLetterOrDigit(c) && c != '_' && !(left && (c == '=' || c == ':'))) {
                b.append('\\').append((char) c);
            }
        }
        return b.toString();
    }

    /** Bits of a character drawn from the body's alphabet (its largest part's), for the entropy floor. */
    double bitsPerChar() {
        int most = 0;
        for (Part p : parts) {
            if (!p.isLiteral()) {
                int n = 0;
                for (boolean c : p.chars()) {
                    n += c ? 1 : 0;
                }
                most = Math.max(most, n);
            }
        }
        return most == 0 ? 0 : Math.log(most) / Math.log(2);
    }
}
