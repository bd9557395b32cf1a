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
        byte[] salt = ("leakgate/v1/" + ruleId + "/" + salt()).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(FIRST_TIER_ONLY ? pbkdf2BouncyCastle(secret, salt) : pbkdf2Jdk(secret, salt));
    }

    /**
     * Whether this JVM compiles with the first tier only (an audit's JVM, a hook's): there the
     * JDK's SHA-256 runs without the intrinsic the optimizing compiler gives it, at a ninth of the
     * speed (17 ms a fingerprint), while Bouncy Castle's PBKDF2, which keeps HMAC's padded key
     * states instead of hashing them again every round, takes 8 ms. With both compilers the JDK's
     * is the faster (2 ms). Both compute the same PBKDF2-HMAC-SHA256 of the UTF-8 secret.
     */
    private static final boolean FIRST_TIER_ONLY = firstTierOnly();

    private static boolean firstTierOnly() {
        try {
            return "1".equals(java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("TieredStopAtLevel").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not a HotSpot JVM: the JDK's
        }
    }

    static byte[] pbkdf2Jdk(String secret, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, ITERATIONS, 128);
            byte[] out = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable");
        }
    }

    static byte[] pbkdf2BouncyCastle(String secret, byte[] salt) {
        org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator g =
                new org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator(new org.bouncycastle.crypto.digests.SHA256Digest());
        byte[] password = secret.getBytes(StandardCharsets.UTF_8);
        g.init(password, salt, ITERATIONS);
        byte[] out = ((org.bouncycastle.crypto.params.KeyParameter) g.generateDerivedParameters(128)).getKey();
        java.util.Arrays.fill(password, (byte) 0);
        return out;
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
