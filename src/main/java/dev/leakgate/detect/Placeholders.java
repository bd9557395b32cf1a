package dev.leakgate.detect;

import com.google.re2j.Pattern;
import java.util.Locale;

/**
 * The shared placeholder filter applied to every candidate secret before a finding is made:
 * documentation values, template interpolations, masked values and keyboard runs are not leaks.
 * A real random token of the lengths rules accept almost never contains these shapes.
 */
public final class Placeholders {
    private static final Pattern WORDS = Pattern.compile(
            "(?i)example|placeholder|changeme|change_me|changeit|dummy|redacted|sample|"
                    + "your[-_ ]?(?:api|access|secret|key|token|pass|own)|insert[-_]?(?:your|key|token|here)|"
                    + "replace[-_]?(?:me|with)|put[-_]?your|not[-_]?a[-_]?real|passw(?:or)?d|"
                    // Case-exact: a random mixed-case token contains "fAkE" or "xXxX" now and then.
                    + "(?-i:fake|FAKE|Fake|xxxx|XXXX)|\\*\\*\\*\\*|\\.\\.\\.|…");
    /**
     * Every WORDS match contains one of these (lower-cased), so WORDS runs only when one occurs:
     * an NFA search of a random token costs tens of microseconds, a few indexOf calls far less,
     * and every true match pays for this filter. Keep in step with WORDS.
     */
    private static final String[] WORD_CUES = {"example", "placeholder", "change", "dummy", "redacted", "sample",
            "your", "insert", "replace", "put", "not", "passw", "fake", "xxxx", "****", "...", "…"};
    private static final int LONG = 64;
    private static final Pattern LONG_WORDS = Pattern.compile("EXAMPLE|[Ee]xample|xxxxxxxx|XXXXXXXX|\\.\\.\\.|…");
    private static final String[] LONG_WORD_CUES = {"example", "xxxxxxxx", "...", "…"};
    private static final Pattern INTERPOLATION = Pattern.compile(
            "\\$\\{|\\{\\{|\\}\\}|^\\$[A-Za-z_]|^%[A-Za-z_][A-Za-z0-9_]*%$|^@[A-Za-z_]+@$|^<[^>]*>$|<[A-Za-z_ -]+>|^\\{[0-9]*\\}$"
                    // Python/JS format slots, Ruby/Octopus #{...}, shell $(...), %(name)s, [NAME] markers.
                    + "|^\\{[A-Za-z_][A-Za-z0-9_.]*\\}$|#\\{|\\$\\(|%\\([A-Za-z_][A-Za-z0-9_]*\\)[sd]|^\\[[A-Z][A-Z0-9_ -]*\\]$");
    /** Every INTERPOLATION match holds one of these characters. Keep in step with INTERPOLATION. */
    private static final String INTERPOLATION_CUES = "${}%@<#[";
    /** printf verbs: a value that is one, or holds two, is a format string; one by chance in a long random value is not. */
    private static final Pattern FORMAT_VERB = Pattern.compile("^%[sdv]$|%[sdv].*%[sdv]");

    private Placeholders() {
    }

    public static boolean isPlaceholder(String secret) {
        if (secret.isEmpty()) {
            return true;
        }
        if (containsAnyChar(secret, INTERPOLATION_CUES)
                && (INTERPOLATION.matcher(secret).find() || FORMAT_VERB.matcher(secret).find())) {
            return true;
        }
        String lower = secret.toLowerCase(Locale.ROOT);
        if (secret.length() > LONG) {
            // Key blocks and long tokens hold DER runs (AAAAAA...) and, by chance, short words.
            return containsAny(lower, LONG_WORD_CUES) && LONG_WORDS.matcher(secret).find() || distinctChars(secret) <= 2;
        }
        return containsAny(lower, WORD_CUES) && WORDS.matcher(secret).find()
                || hasRepeatedRun(secret, 6) || hasSequentialRun(secret, 6) || distinctChars(secret) <= 2;
    }

    private static boolean containsAny(String s, String[] cues) {
        for (String c : cues) {
            if (s.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAnyChar(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    static boolean hasRepeatedRun(String s, int len) {
        int run = 1;
        for (int i = 1; i < s.length(); i++) {
            run = s.charAt(i) == s.charAt(i - 1) ? run + 1 : 1;
            if (run >= len) {
                return true;
            }
        }
        return false;
    }

    /** abcdef, 123456, fedcba: runs of consecutive letters or digits, either way. */
    static boolean hasSequentialRun(String s, int len) {
        int up = 1;
        int down = 1;
        for (int i = 1; i < s.length(); i++) {
            char a = s.charAt(i - 1);
            char b = s.charAt(i);
            boolean alnum = Character.isLetterOrDigit(a) && Character.isLetterOrDigit(b) && a < 128 && b < 128;
            up = alnum && b == a + 1 ? up + 1 : 1;
            down = alnum && b == a - 1 ? down + 1 : 1;
            if (up >= len || down >= len) {
                return true;
            }
        }
        return false;
    }

    /** Distinct characters of a non-empty value, counted up to 3 (all the callers need). */
    static int distinctChars(String s) {
        char a = s.charAt(0);
        int b = -1;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != a) {
                if (b < 0) {
                    b = c;
                } else if (c != b) {
                    return 3;
                }
            }
        }
        return b < 0 ? 1 : 2;
    }
}
