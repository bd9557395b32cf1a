package dev.leakgate.identity;

/**
 * age's header encoding: standard alphabet, no padding, canonical (Go's RawStdEncoding.Strict), and no CR or
 * LF anywhere (Go's decoder would skip them; age refuses them).
 */
final class Base64Raw {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Base64Raw() {
    }

    /** The decoded bytes, or null when {@code s} is not canonical unpadded base64. */
    static byte[] decode(String s) {
        if (s.length() % 4 == 1) {
            return null;
        }
        byte[] out = new byte[s.length() / 4 * 3 + Math.max(0, s.length() % 4 - 1)];
        int buffer = 0;
        int bits = 0;
        int o = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = ALPHABET.indexOf(s.charAt(i));
            if (v < 0) {
                return null;
            }
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }
        return buffer == 0 ? out : null;
    }

    static String encode(byte[] data) {
        return java.util.Base64.getEncoder().withoutPadding().encodeToString(data);
    }
}
