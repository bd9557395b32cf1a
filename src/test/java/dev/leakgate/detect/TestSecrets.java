package dev.leakgate.detect;

import dev.leakgate.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Fresh random values for tests, so no test source holds anything that looks like a real secret;
 * drawn from the run's seed like {@link Tokens}'s (replay with {@code -Dleakgate.seed=N}).
 */
final class TestSecrets {
    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private TestSecrets() {
    }

    static String alnum(int n) {
        // Avoid the shapes the placeholder filter drops (runs, sequences), and all-letter values,
        // which generic rules take for identifiers (1 draw in 250 at 32 characters): redraw until clean.
        while (true) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(ALNUM.charAt(Tokens.random().nextInt(ALNUM.length())));
            }
            String s = sb.toString();
            if (!Placeholders.isPlaceholder(s) && Entropy.shannon(s) > Math.min(3.6, Math.log(n) / Math.log(2) - 0.6)
                    && s.chars().anyMatch(Character::isDigit)) {
                return s;
            }
        }
    }

    /** Uniform random alphanumerics, no redraw. */
    static String rawAlnum(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(Tokens.random().nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        Tokens.random().nextBytes(b);
        return b;
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<String> ruleIds(List<Match> matches) {
        return matches.stream().map(m -> m.rule().id()).toList();
    }
}
