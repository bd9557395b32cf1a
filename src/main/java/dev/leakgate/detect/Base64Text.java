package dev.leakgate.detect;

import java.nio.charset.StandardCharsets;

/**
 * Lenient base64 decoding for validators and the decoded-content scan: standard and URL-safe
 * alphabets, padding optional. Returns null rather than throwing, because most candidate runs are
 * not base64 at all and an exception per candidate would cost more than the check.
 */
public final class Base64Text {
    private static final byte[] VALUE = new byte[256];

    static {
        java.util.Arrays.fill(VALUE, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUE[alphabet.charAt(i)] = (byte) i;
        }
        VALUE['-'] = 62;
        VALUE['_'] = 63;
    }

    private Base64Text() {
    }

    /** True for the characters of either base64 alphabet (not the '=' padding). */
    public static boolean isBase64Char(int c) {
        return c >= 0 && c < 256 && VALUE[c] >= 0;
    }

    /** The decoded bytes, or null when {@code s} is not base64 (bad char, impossible length). */
    public static byte[] decode(CharSequence s) {
        int n = s.length();
        while (n > 0 && s.charAt(n - 1) == '=') {
            n--;
        }
        if (n % 4 == 1) {
            return null;
        }
        byte[] out = new byte[n * 3 / 4];
        int o = 0;
        int acc = 0;
        int bits = 0;
        for (int i = 0; i < n; i++) {
            int c = s.charAt(i);
            int v = c < 256 ? VALUE[c] : -1;
            if (v < 0) {
                return null;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        return o == out.length ? out : java.util.Arrays.copyOf(out, o);
    }

    /** The decoded text (ISO-8859-1) when it is mostly printable ASCII, else null. */
    public static String decodeText(CharSequence s, double minPrintable) {
        byte[] b = decode(s);
        if (b == null || b.length == 0 || printableShare(b, b.length) < minPrintable) {
            return null;
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Share of bytes that are printable ASCII, tab, CR or LF. */
    public static double printableShare(byte[] b, int length) {
        if (length == 0) {
            return 0;
        }
        int ok = 0;
        for (int i = 0; i < length; i++) {
            int c = b[i] & 0xff;
            if ((c >= 0x20 && c < 0x7f) || c == '\n' || c == '\r' || c == '\t') {
                ok++;
            }
        }
        return (double) ok / length;
    }
}
