package dev.leakgate.detect;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The long-tail family: a token whose body has a known shape and is recognisable only next to its
 * service's name (or by a literal prefix of its own). A rule of this family is a line of data
 * ({@code keywords}, {@code prefix}, {@code body}, {@code distance}) from which this class makes
 * the regex, the cheap check run before it, the entropy floor and the negative examples every
 * such rule must refuse.
 *
 * <ul>
 *   <li>With keywords: a keyword (any case), then at most {@code distance} characters (line breaks
 *       included, as in a YAML block under the service's name), then the token (prefix, then body)
 *       standing alone: the character before it and the one after it are neither of the body's set nor
 *       word characters.
 *   <li>Without keywords: the prefix is the keyword (at least 4 characters), and the token starts there.
 * </ul>
 */
public final class TokenShape {
    public static final int DEFAULT_DISTANCE = 40;
    /** A prefix that stands without a service name must be at least this long ("sk-" is not enough). */
    static final int MIN_LONE_PREFIX = 4;

    private final BodyShape body;
    private final List<String> prefixes;
    private final List<String> keywords;
    private final int distance;
    /** From a keyword's start, how far the body may start: longest keyword, the gap, a boundary, the longest prefix. */
    private final int reach;

    private TokenShape(BodyShape body, List<String> prefixes, List<String> keywords, int distance) {
        this.body = body;
        this.prefixes = List.copyOf(prefixes);
        this.keywords = List.copyOf(keywords);
        this.distance = distance;
        int longestKeyword = 0;
        for (String k : keywords) {
            longestKeyword = Math.max(longestKeyword, k.length());
        }
        int longestPrefix = 0;
        for (String p : prefixes) {
            longestPrefix = Math.max(longestPrefix, p.length());
        }
        this.reach = longestKeyword + distance + longestPrefix;
    }

    /**
     * The shape of a rule that declares {@code body}; {@code keywords} are its service names (empty:
     * the prefixes are the keywords). Throws {@link IllegalArgumentException} with a one-line reason.
     */
    static TokenShape of(List<String> keywords, List<String> prefixes, String body, Integer distance) {
        BodyShape shape = BodyShape.parse(body);
        List<String> pre = prefixes == null ? List.of() : prefixes;
        for (String p : pre) {
            if (p == null || p.isEmpty() || p.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("prefix must be non-empty visible ASCII");
            }
        }
        boolean named = keywords != null && !keywords.isEmpty();
        if (!named) {
            if (pre.isEmpty()) {
                throw new IllegalArgumentException("body needs keywords (the service's name) or a prefix");
            }
            for (String p : pre) {
                if (p.length() < MIN_LONE_PREFIX) {
                    throw new IllegalArgumentException("prefix '" + p + "' is too short to stand without keywords (at least "
                            + MIN_LONE_PREFIX + " characters)");
                }
            }
            if (distance != null) {
                throw new IllegalArgumentException("distance needs keywords (it is how far the token may be from one)");
            }
        }
        int d = distance == null ? DEFAULT_DISTANCE : distance;
        if (d < 1 || d > 256) {
            throw new IllegalArgumentException("distance must be between 1 and 256");
        }
        List<String> kws = new ArrayList<>();
        if (named) {
            for (String k : keywords) {
                kws.add(k.toLowerCase(Locale.ROOT));
            }
        }
        return new TokenShape(shape, pre, kws, named ? d : 0);
    }

    public BodyShape body() {
        return body;
    }

    public List<String> prefixes() {
        return prefixes;
    }

    /** Whether a service name must stand before the token (else its prefix is its keyword). */
    public boolean named() {
        return !keywords.isEmpty();
    }

    public int distance() {
        return distance;
    }

    /** The keywords the prefilter looks for: the service names, or the prefixes. */
    List<String> keywords() {
        if (named()) {
            return keywords;
        }
        List<String> out = new ArrayList<>();
        for (String p : prefixes) {
            String k = p.toLowerCase(Locale.ROOT);
            if (!out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** The rule's regex: its secret group is the whole token (prefix and body). */
    String pattern() {
        String bound = "[" + body.boundaryClass() + "]";
        StringBuilder token = new StringBuilder("(?P<secret>");
        if (!prefixes.isEmpty()) {
            token.append("(?:");
            for (int i = 0; i < prefixes.size(); i++) {
                token.append(i == 0 ? "" : "|").append(quote(prefixes.get(i)));
            }
            token.append(')');
        }
        token.append(body.regex()).append(")(?:").append(bound).append("|$)");
        String before = "[" + body.leftBoundaryClass() + "]";
        if (!named()) {
            boolean wordStart = prefixes.stream().allMatch(p -> isWord(p.charAt(0)));
            return (wordStart ? "\\b" : "") + token;
        }
        StringBuilder re = new StringBuilder("(?i:");
        for (int i = 0; i < keywords.size(); i++) {
            re.append(i == 0 ? "" : "|").append(quote(keywords.get(i)));
        }
        // The last of the characters between the name and the token is the one that ends the gap.
        return re.append(")(?s:.{0,").append(distance - 1).append("}?)").append(before).append(token).toString();
    }

    /** Bytes past the keyword's line the token may need: the gap may cross lines. */
    int window() {
        return named() ? distance : 0;
    }

    /**
     * The entropy floor when the rule sets none: half the bits of the body's alphabet or of its
     * length, whichever is less, at most 3. Random bodies fall below it about once in 10,000 draws
     * for the shortest hex and digit bodies, far less for the rest; "00000000" and "abababab" do not pass.
     */
    double defaultEntropy() {
        double bits = Math.min(body.bitsPerChar(), Math.log(body.minLength()) / Math.log(2));
        return Math.min(3.0, bits / 2);
    }

    /**
     * The check before the regex, from a keyword's start: is there, close enough, a run of the body's
     * characters as long as the shortest body? A service name in prose or code ("Apollo", "Front")
     * usually has none and costs a few byte reads instead of a regex try.
     */
    /**
     * Whether a candidate is a name, not a token: letters alone, where the body's alphabet has digits,
     * that split wholly into words joined by nothing or by '_', '-', '.': {@code
     * RunContainerCharRankIterator} beside a "roaring" import, {@code MAX_RETRY_COUNT}, {@code
     * HTTPClientConnectionManager}. A word is Capitalised or lower case (2 to 20 letters, pronounceable
     * when longer than 4: a vowel, no more than 5 consonants in a row), an acronym of up to 4 capitals,
     * or, in a name without lower case, a longer capitalised word. Code names near a service's name are
     * common; a random body of such an alphabet reads so about twice in 10,000 draws (the test bounds it).
     */
    boolean readsAsWords(String secret) {
        if (!body.allows('0')) {
            return false;
        }
        boolean mixed = false;
        for (int k = 0; k < secret.length(); k++) {
            mixed |= isLower(secret.charAt(k));
        }
        int i = 0;
        int n = secret.length();
        int words = 0;
        while (i < n) {
            char c = secret.charAt(i);
            if (c == '_' || c == '-' || c == '.') {
                i++;
                continue;
            }
            int upper = 0;
            while (i + upper < n && isUpper(secret.charAt(i + upper))) {
                upper++;
            }
            int lower = 0;
            while (i + upper + lower < n && isLower(secret.charAt(i + upper + lower))) {
                lower++;
            }
            if (lower == 0) {
                if (upper < 2 || (upper > 4 && (mixed || !pronounceable(secret, i, i + upper)))) {
                    return false; // a digit or another character, a lone capital, a long run of capitals in camel case
                }
                i += upper;
            } else if (lower < 2 || lower > 20) {
                return false; // a lone lower-case letter or an endless one: random text, not a word
            } else if (upper <= 1) {
                if (!pronounceable(secret, i, i + upper + lower)) {
                    return false;
                }
                i += upper + lower;
            } else if (upper - 1 > 4) {
                return false;
            } else {
                i += upper - 1; // an acronym before a word (HTTPClient: HTTP, then Client)
                continue;
            }
            words++;
        }
        return words > 0;
    }

    /** Short words need not be (Http, Ctx, Msg); longer ones have a vowel and at most 5 consonants in a row. */
    private static boolean pronounceable(String s, int from, int to) {
        if (to - from <= 4) {
            return true;
        }
        boolean vowel = false;
        int consonants = 0;
        for (int k = from; k < to; k++) {
            if ("aeiouyAEIOUY".indexOf(s.charAt(k)) >= 0) {
                vowel = true;
                consonants = 0;
            } else if (++consonants > 5) {
                return false;
            }
        }
        return vowel;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    boolean nearby(byte[] b, int start, int limit) {
        if (!named()) {
            return true;
        }
        int need = body.minLength();
        int end = (int) Math.min(limit, (long) start + reach + need);
        int run = 0;
        for (int i = start; i < end; i++) {
            if (body.allows(b[i])) {
                if (++run >= need) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    /**
     * Negative examples made from a positive one, each labelled with what it changes: the body one
     * character short and one too long, a character outside its set, no service name, the service
     * name too far, and a placeholder of the same shape. Null when the example holds no match of
     * {@code pattern} (its own check reports that). Variants that the shape cannot tell apart (a
     * range that still fits) are left out.
     */
    Map<String, String> negatives(String example, LazyPattern pattern) {
        Matcher m = pattern.matcher(example);
        if (!m.find() || m.start("secret") < 0) {
            return null;
        }
        int s = m.start("secret");
        int e = m.end("secret");
        String token = example.substring(s, e);
        String prefix = prefixOf(token);
        String bodyText = token.substring(prefix.length());
        String head = example.substring(0, s) + prefix;
        String tail = example.substring(e);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("one character short", head + bodyText.substring(0, body.minLength() - 1) + tail);
        List<BodyShape.Part> parts = body.parts();
        BodyShape.Part last = parts.get(parts.size() - 1);
        if (bodyText.length() == body.maxLength() && !last.isLiteral()) {
            out.put("one character long", head + bodyText + firstAllowed(last.chars()) + tail);
        }
        int mid = bodyText.length() / 2;
        char outside = outsideChar();
        if (outside != 0 && Math.max(mid, bodyText.length() - mid - 1) < body.minLength()) {
            out.put("a character outside the set", head + bodyText.substring(0, mid) + outside + bodyText.substring(mid + 1) + tail);
        }
        if (named()) {
            out.put("no service name", withoutKeywords(example));
            out.put("the service name too far", example.substring(0, s) + " ".repeat(distance + 1) + example.substring(s));
        }
        out.put("a placeholder of the same shape", head + placeholder() + tail);
        return out;
    }

    private String prefixOf(String token) {
        for (String p : prefixes) {
            if (token.startsWith(p)) {
                return p;
            }
        }
        return "";
    }

    private String withoutKeywords(String example) {
        String out = example;
        for (String k : keywords) {
            StringBuilder b = new StringBuilder();
            String lower = out.toLowerCase(Locale.ROOT);
            int from = 0;
            for (int at = lower.indexOf(k); at >= 0; at = lower.indexOf(k, from)) {
                b.append(out, from, at).append("svc");
                from = at + k.length();
            }
            out = b.append(out.substring(from)).toString();
        }
        return out;
    }

    /** The body with each part filled with one character ('x' where allowed): what documentation writes. */
    private String placeholder() {
        StringBuilder b = new StringBuilder();
        for (BodyShape.Part p : body.parts()) {
            if (p.isLiteral()) {
                b.append(p.literal());
            } else {
                char c = p.chars()['x'] ? 'x' : p.chars()['X'] ? 'X' : p.chars()['0'] ? '0' : firstAllowed(p.chars());
                int n = p.max() < 0 ? Math.max(p.min(), 8) : Math.min(p.max(), Math.max(p.min(), 8));
                b.append(String.valueOf(c).repeat(n));
            }
        }
        return b.toString();
    }

    private char outsideChar() {
        for (char c : "GgZz!~ ".toCharArray()) {
            if (!body.allows(c)) {
                return c;
            }
        }
        return 0;
    }

    private static char firstAllowed(boolean[] chars) {
        for (char c : "0aA".toCharArray()) {
            if (chars[c]) {
                return c;
            }
        }
        for (char c = 0x21; c < 0x7f; c++) {
            if (chars[c]) {
                return c;
            }
        }
        throw new IllegalStateException("empty character set");
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
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
}
