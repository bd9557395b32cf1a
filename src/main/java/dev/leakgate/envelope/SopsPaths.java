package dev.leakgate.envelope;

import java.util.List;

/**
 * Names a place in a sops document for a message: keys only, never values, on one printable line.
 *
 * <p>Keys are never encrypted, so a key can itself be the secret ({@code tokens: {xoxb-…: admin}}). A key
 * is shown only when it has the shape of a name a person wrote: short, and made of word-like runs. Anything
 * else is {@code <redacted>}. A list of known token formats would miss the next one; the shape of a name
 * does not depend on any format, and a redacted name costs only a less precise message.
 */
final class SopsPaths {
    static final String REDACTED = "<redacted>";
    private static final int MAX_KEY = 48;
    /** Shorter runs of letters and digits are too short to tell a word from a random string. */
    private static final int MIN_CHECKED_RUN = 8;
    private static final int LONG_RUN = 24;
    private static final int MIXED_RUN = 16;
    private static final int MAX_DIGIT_RUN = 8;

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

    /** The key as a message may show it: itself when it looks like a name, else {@link #REDACTED}. */
    static String printable(String key) {
        if (!looksLikeName(key)) {
            return REDACTED;
        }
        StringBuilder sb = new StringBuilder();
        key.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }

    /**
     * A name: at most 48 characters, no credentials in a URL ({@code user:pass@host}), and every run of ASCII
     * letters and digits of 8 or more reads like words: digit groups of at most 8 and at most two of them; from
     * 16 characters, digits only at the end of a camelCase run; from 24, letters of one case only; and a run
     * mixing cases must read as camelCase words ({@code awsSecretAccessKeyId}): at least 70% of its letters in
     * humps of a capital and two or more small letters with a vowel in every four. Random base62 of 24 or more
     * never passes, of 16 to 23 about one in seventy does; a token is rarely that short.
     */
    static boolean looksLikeName(String key) {
        if (key.codePointCount(0, key.length()) > MAX_KEY) {
            return false;
        }
        int at = key.indexOf('@');
        if (at > 0 && key.lastIndexOf(':', at) >= 0) {
            return false;
        }
        int i = 0;
        while (i < key.length()) {
            if (!isAsciiAlnum(key.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < key.length() && isAsciiAlnum(key.charAt(end))) {
                end++;
            }
            if (!wordLike(key.substring(i, end))) {
                return false;
            }
            i = end;
        }
        return true;
    }

    private static boolean wordLike(String run) {
        if (run.length() < MIN_CHECKED_RUN) {
            return true;
        }
        boolean digits = false;
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            digits |= Character.isDigit(c);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
        }
        if (run.length() >= LONG_RUN && (digits || (upper && lower))) {
            return false; // a word of one case can be that long, a camelCase name rarely, a token usually is
        }
        if (digits && run.length() >= MIXED_RUN && (!(upper && lower) || !Character.isDigit(run.charAt(run.length() - 1)))) {
            return false; // long names are camelCase with digits at the end (nixosHostKeyEd25519); ids mix them in
        }
        int letters = 0;
        int wordy = 0;
        int digitGroups = 0;
        int start = 0;
        for (int i = 1; i <= run.length(); i++) {
            if (i < run.length() && !humpStartsAt(run, i)) {
                continue;
            }
            String hump = run.substring(start, i);
            if (Character.isDigit(hump.charAt(0))) {
                // ed25519, sha256sum, nixosHostKeyEd25519: short digit groups, and at most two of them
                if (hump.length() > MAX_DIGIT_RUN || ++digitGroups > 2) {
                    return false;
                }
            } else {
                letters += hump.length();
                if (isWord(hump)) {
                    wordy += hump.length();
                }
            }
            start = i;
        }
        // One case of letters (DATABASE, kubernetes) is a word or an acronym; camelCase must read as words.
        return !(upper && lower) || wordy * 10 >= letters * 7;
    }

    /** A word: an optional capital then two or more small letters, with a vowel in every four letters. */
    private static boolean isWord(String hump) {
        int smallFrom = Character.isUpperCase(hump.charAt(0)) ? 1 : 0;
        if (hump.length() - smallFrom < 2) {
            return false;
        }
        int consonants = 0;
        for (int i = 0; i < hump.length(); i++) {
            char c = hump.charAt(i);
            if (i >= smallFrom && !Character.isLowerCase(c)) {
                return false;
            }
            consonants = "aeiouyAEIOUY".indexOf(c) >= 0 ? 0 : consonants + 1;
            if (consonants >= 4) {
                return false;
            }
        }
        return true;
    }

    private static boolean humpStartsAt(String run, int i) {
        char prev = run.charAt(i - 1);
        char c = run.charAt(i);
        if (Character.isDigit(prev) != Character.isDigit(c)) {
            return true;
        }
        if (Character.isUpperCase(c)) {
            // getHTTPResponse: the R of Response starts a hump, the T's of HTTP do not.
            return Character.isLowerCase(prev)
                    || (i + 1 < run.length() && Character.isLowerCase(run.charAt(i + 1)) && Character.isUpperCase(prev));
        }
        return false;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
