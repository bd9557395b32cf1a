package dev.leakgate.report;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Stable fingerprints: the same secret under the same rule gives the same fingerprint in any
 * file or commit, so a baseline survives edits and history rewrites. PBKDF2 with a rule-bound
 * salt (and an optional organisation salt) makes each guess cost thousands of hashes, so a
 * published fingerprint cannot cheaply be brute-forced back into a short password.
 */
public final class Fingerprints {
    private static final int ITERATIONS = 10_000;
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private Fingerprints() {
    }

    /** The organisation salt: set it to make fingerprints unguessable without it as well. */
    public static String salt() {
        String s = System.getenv("LEAKGATE_FINGERPRINT_SALT");
        return s == null ? "" : s;
    }

    public static String of(String ruleId, String secret) {
        String key = ruleId + '\u0000' + secret;
        return CACHE.computeIfAbsent(key, k -> compute(ruleId, secret));
    }

    private static String compute(String ruleId, String secret) {
        try {
            byte[] salt = ("leakgate/v1/" + ruleId + "/" + salt()).getBytes(StandardCharsets.UTF_8);
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, ITERATIONS, 128);
            byte[] out = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            return HexFormat.of().formatHex(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable");
        }
    }

    /** For findings that have no secret (an envelope defect): a plain hash of what identifies it. */
    public static String ofFacts(String... facts) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (String f : facts) {
                md.update(f.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable");
        }
    }
}
