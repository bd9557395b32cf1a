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
            "(?i)example|placeholder|changeme|change_me|changeit|redacted|sample|"
                    + "your[-_ ]?(?:api|access|secret|key|token|pass|own)|insert[-_]?(?:your|key|token|here)|"
                    + "replace[-_]?(?:me|with)|put[-_]?your|not[-_]?a[-_]?real|"
                    // Case-exact: a random mixed-case token contains "fAkE", "xXxX" or "DuMMy" now and then.
                    + "(?-i:fake|FAKE|Fake|xxxx|XXXX|dummy|DUMMY|Dummy)|\\*\\*\\*\\*|\\.\\.\\.|…");
    /**
     * Every WORDS match contains one of these (lower-cased), so WORDS runs only when one occurs:
     * an NFA search of a random token costs tens of microseconds, a few indexOf calls far less,
     * and every true match pays for this filter. Keep in step with WORDS.
     */
    private static final String[] WORD_CUES = {"example", "placeholder", "change", "dummy", "redacted", "sample",
            "your", "insert", "replace", "put", "not", "fake", "xxxx", "****", "...", "…"};
    private static final int LONG = 64;
    private static final Pattern LONG_WORDS = Pattern.compile("EXAMPLE|[Ee]xample|xxxxxxxx|XXXXXXXX|\\.\\.\\.|…");
    private static final String[] LONG_WORD_CUES = {"example", "xxxxxxxx", "...", "…"};
    private static final Pattern INTERPOLATION = Pattern.compile(
            "\\$\\{|\\{\\{|\\}\\}"
                    // $VAR alone or leading a path ($HOME/.token): a name, as variables are named (env
                    // style, or camel words with digits at the end), not a literal that starts with '$'.
                    + "|^\\$(?:[A-Z_][A-Z0-9_]*|[A-Za-z_][a-z_]*(?:[A-Z][a-z_]*)*[0-9]*)(?:$|[^A-Za-z0-9_])"
                    + "|^%[A-Za-z_][A-Za-z0-9_]*%$|^@[A-Za-z_]+@$|^<[^>]*>$|<[A-Za-z_ -]+>|^\\{[0-9]*\\}$"
                    // Python/JS format slots, Ruby/Octopus #{...}, shell $(...), %(name)s, [NAME] markers.
                    + "|^\\{[A-Za-z_][A-Za-z0-9_.]*\\}$|#\\{|\\$\\(|%\\([A-Za-z_][A-Za-z0-9_]*\\)[sd]|^\\[[A-Z][A-Z0-9_ -]*\\]$");
    /** Every INTERPOLATION match holds one of these characters. Keep in step with INTERPOLATION. */
    private static final String INTERPOLATION_CUES = "${}%@<#[";
    /** printf verbs: a value that is one, or holds two, is a format string; one by chance in a long random value is not. */
    private static final Pattern FORMAT_VERB = Pattern.compile("^%[sdv]$|%[sdv].*%[sdv]");

    private Placeholders() {
    }

    public static boolean isPlaceholder(String secret) {
        return isPlaceholder(secret, true);
    }

    private static boolean isPlaceholder(String secret, boolean decode) {
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
            return containsAny(lower, LONG_WORD_CUES) && LONG_WORDS.matcher(secret).find() || distinctChars(secret) <= 2
                    || hasKeyboardPairs(secret) || hasInterleavedRun(secret);
        }
        return containsAny(lower, WORD_CUES) && WORDS.matcher(secret).find()
                || lower.contains("passw") && isPasswordWord(secret)
                || hasRepeatedRun(secret, 6) || hasSequentialRun(secret, 6) || distinctChars(secret) <= 2
                || hasKeyboardPairs(secret) || hasInterleavedRun(secret)
                || decode && decodesToPlaceholder(secret);
    }

    private static final Pattern PASSWORD_WORD = Pattern.compile("(?i)passw(?:or)?d");

    /**
     * "password", "mypassword", "Password123", "db_password": the word and little else. A real password
     * may hold the word too ("Winter2025Password!x7"): what is left beside it decides.
     */
    private static boolean isPasswordWord(String secret) {
        com.google.re2j.Matcher m = PASSWORD_WORD.matcher(secret);
        if (!m.find()) {
            return false;
        }
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if ((i < m.start() || i >= m.end()) && Character.isLetterOrDigit(c)) {
                rest.append(c);
            }
        }
        if (rest.length() <= 3) {
            return true;
        }
        boolean letters = true;
        boolean digits = true;
        for (int i = 0; i < rest.length(); i++) {
            letters &= Character.isLetter(rest.charAt(i));
            digits &= Character.isDigit(rest.charAt(i));
        }
        return letters || digits;
    }

    /**
     * Documentation tokens typed as runs: "abc123", "xyz-456def789". A letter run of three next to a
     * digit run of three, twice: about 2 in a million per position in random hex, never in practice.
     */
    static boolean hasKeyboardPairs(String s) {
        int pairs = 0;
        for (int i = 0; i + 6 <= s.length(); i++) {
            if (isRun3(s, i) && isRun3(s, i + 3)
                    && Character.isDigit(s.charAt(i)) != Character.isDigit(s.charAt(i + 3))) {
                pairs++;
                if (pairs >= 2) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isRun3(String s, int i) {
        char a = s.charAt(i);
        return a < 128 && Character.isLetterOrDigit(a) && s.charAt(i + 1) == a + 1 && s.charAt(i + 2) == a + 2
                && Character.isDigit(a) == Character.isDigit(s.charAt(i + 2));
    }

    /** "a1b2c3d4", "e5f6g7h8": two sequences woven together, four steps each. */
    static boolean hasInterleavedRun(String s) {
        for (int i = 0; i + 8 <= s.length(); i++) {
            if (steps(s, i) && steps(s, i + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean steps(String s, int i) {
        for (int k = i; k + 2 < i + 8; k += 2) {
            char a = s.charAt(k);
            if (a >= 128 || !Character.isLetterOrDigit(a) || s.charAt(k + 2) != a + 1) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern WORDS_ONLY = Pattern.compile("^[A-Za-z]+(?:[-_. ][A-Za-z]+)*$");

    /**
     * A base64 value that decodes to text is judged by that text: {@code YS1naXQtdG9rZW4=} is
     * "a-git-token", a placeholder in a Kubernetes Secret. Random base64 decodes to binary, which
     * is left alone; so is a value whose decoded text is a real secret's.
     */
    private static boolean decodesToPlaceholder(String secret) {
        if (secret.length() < 8 || secret.length() > LONG * 2) {
            return false;
        }
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (!Base64Text.isBase64Char(c) && !(c == '=' && i >= secret.length() - 2)) {
                return false;
            }
        }
        String text = Base64Text.decodeText(secret, 1.0);
        return text != null && text.length() >= 4 && (isPlaceholder(text, false) || WORDS_ONLY.matcher(text).matches());
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
