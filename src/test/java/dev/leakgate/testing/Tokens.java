package dev.leakgate.testing;

import dev.leakgate.detect.Crc32Base62;
import java.util.Random;

/**
 * Fresh, valid-looking tokens made at test time, so no test depends on a fixed secret. They are
 * drawn from the run's {@link TestSeed}, reseeded per test by {@link SeedPerTest}: a failing draw
 * replays with {@code -Dleakgate.seed=N}.
 */
public final class Tokens {
    private static volatile Random random = TestSeed.random("");
    private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    private Tokens() {
    }

    /** Restarts the draws for one scope (a test class or method): see {@link TestSeed#random}. */
    public static void reseed(String scope) {
        random = TestSeed.random(scope);
    }

    /** Fixed draws, for benchmarks: the same corpus every run. */
    public static void seed(long seed) {
        random = new Random(seed);
    }

    /** The current generator, for tests that draw other kinds of random values. */
    public static Random random() {
        return random;
    }

    public static String random(String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** A GitHub classic PAT with a valid CRC32 tail. */
    public static String githubPat() {
        String body = random(ALNUM, 30);
        return "ghp_" + body + Crc32Base62.encode(Crc32Base62.crc(body));
    }

    /** An AWS access key ID in the current base32 alphabet. */
    public static String awsAccessKeyId() {
        return "AKIA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
    }

    /**
     * A password-like value the generic rule should report: random, with digits and letters both
     * (generic rules drop all-letter values, which are mostly identifiers).
     */
    public static String password() {
        String v;
        do {
            v = random(ALNUM, 20);
        } while (dev.leakgate.detect.Entropy.shannon(v) < 3.8 || dev.leakgate.detect.Placeholders.isPlaceholder(v)
                || !v.matches(".*[0-9].*") || !v.matches(".*[A-Za-z].*"));
        return v;
    }

    /** An age X25519 identity with a valid bech32 checksum. */
    public static String ageIdentity() {
        return bech32("age-secret-key-", randomBytes(32)).toUpperCase(java.util.Locale.ROOT);
    }

    /** An age X25519 recipient with a valid bech32 checksum. */
    public static String ageRecipient() {
        return bech32("age", randomBytes(32));
    }

    /** An OpenSSH Ed25519 public key line ({@code ssh-ed25519 AAAAC3...}), without a comment. */
    public static String sshEd25519PublicKey() {
        java.io.ByteArrayOutputStream blob = new java.io.ByteArrayOutputStream();
        sshString(blob, "ssh-ed25519".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        sshString(blob, randomBytes(32));
        return "ssh-ed25519 " + java.util.Base64.getEncoder().encodeToString(blob.toByteArray());
    }

    /** An OpenSSH RSA public key line of {@code bits} bits (random modulus), without a comment. */
    public static String sshRsaPublicKey(int bits) {
        java.io.ByteArrayOutputStream blob = new java.io.ByteArrayOutputStream();
        sshString(blob, "ssh-rsa".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        sshString(blob, new byte[] {1, 0, 1});
        byte[] n = randomBytes(bits / 8 + 1);
        n[0] = 0;
        n[1] |= (byte) 0x80;
        sshString(blob, n);
        return "ssh-rsa " + java.util.Base64.getEncoder().encodeToString(blob.toByteArray());
    }

    private static void sshString(java.io.ByteArrayOutputStream out, byte[] value) {
        int n = value.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(value);
    }

    /** A Nix binary-cache public key ({@code name:base64 of 32 bytes}). */
    public static String nixCachePublicKey(String name) {
        return name + ":" + java.util.Base64.getEncoder().encodeToString(randomBytes(32));
    }

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    public static String bech32(String hrp, byte[] data) {
        int[] five = toFive(data);
        int[] values = new int[hrp.length() * 2 + 1 + five.length + 6];
        int k = 0;
        for (char c : hrp.toCharArray()) {
            values[k++] = c >> 5;
        }
        values[k++] = 0;
        for (char c : hrp.toCharArray()) {
            values[k++] = c & 31;
        }
        System.arraycopy(five, 0, values, k, five.length);
        int pm = polymod(values) ^ 1;
        StringBuilder b = new StringBuilder(hrp).append('1');
        for (int v : five) {
            b.append(BECH32.charAt(v));
        }
        for (int i = 0; i < 6; i++) {
            b.append(BECH32.charAt((pm >> (5 * (5 - i))) & 31));
        }
        return b.toString();
    }

    private static int[] toFive(byte[] data) {
        int acc = 0;
        int bits = 0;
        int[] out = new int[(data.length * 8 + 4) / 5];
        int n = 0;
        for (byte d : data) {
            acc = (acc << 8) | (d & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out[n++] = (acc >> bits) & 31;
            }
        }
        if (bits > 0) {
            out[n++] = (acc << (5 - bits)) & 31;
        }
        return out;
    }

    private static int polymod(int[] values) {
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int v : values) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    chk ^= gen[i];
                }
            }
        }
        return chk;
    }
}
