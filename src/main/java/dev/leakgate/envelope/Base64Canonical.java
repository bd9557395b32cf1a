package dev.leakgate.envelope;

/**
 * Strict standard-alphabet base64. The JDK decoder ignores the unused low bits of the last character, so
 * {@code AA} and {@code AB} would both pass; age requires the canonical form, and a gate must reject the other.
 */
final class Base64Canonical {
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    private Base64Canonical() {
    }

    static boolean isAlphabet(char c) {
        return c < 128 && VALUES[c] >= 0;
    }

    /** Unpadded, canonical (age header). Returns null when {@code s} is not such an encoding. */
    static byte[] decodeUnpadded(CharSequence s) {
        return decode(s, s.length(), true);
    }

    /** Padded with '=' to a multiple of 4, canonical (age armor). Returns null otherwise. */
    static byte[] decodePadded(CharSequence s) {
        int dataLength = paddedDataLength(s);
        return dataLength < 0 ? null : decode(s, dataLength, true);
    }

    /**
     * Padded, but the unused low bits may be set: Go's StdEncoding, which sops uses for ENC fields, accepts
     * that, and refusing a file sops reads would only make the gate noisy.
     */
    static byte[] decodePaddedLenient(CharSequence s) {
        int dataLength = paddedDataLength(s);
        return dataLength < 0 ? null : decode(s, dataLength, false);
    }

    private static int paddedDataLength(CharSequence s) {
        int n = s.length();
        if (n % 4 != 0) {
            return -1;
        }
        int pad = 0;
        while (pad < 2 && pad < n && s.charAt(n - 1 - pad) == '=') {
            pad++;
        }
        return n - pad;
    }

    private static byte[] decode(CharSequence s, int length, boolean canonical) {
        if (length % 4 == 1) {
            return null;
        }
        byte[] out = new byte[length / 4 * 3 + Math.max(0, length % 4 - 1)];
        int buffer = 0;
        int bits = 0;
        int o = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (!isAlphabet(c)) {
                return null;
            }
            buffer = (buffer << 6) | VALUES[c];
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }
        if (canonical && buffer != 0) {
            return null;
        }
        return out;
    }
}
