package dev.leakgate.identity;

import java.util.Locale;

/** BIP 173 bech32, as age uses it for keys (no length limit, one case only). */
final class Bech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GEN = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    record Decoded(String hrp, byte[] data) {
    }

    private Bech32() {
    }

    /** The human-readable part (in the case written) and the data, or null when {@code s} is no valid bech32. */
    static Decoded decode(String s) {
        if (!s.equals(s.toLowerCase(Locale.ROOT)) && !s.equals(s.toUpperCase(Locale.ROOT))) {
            return null;
        }
        int pos = s.lastIndexOf('1');
        if (pos < 1 || pos + 7 > s.length()) {
            return null;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        String hrp = lower.substring(0, pos);
        for (int i = 0; i < hrp.length(); i++) {
            char c = hrp.charAt(i);
            if (c < 33 || c > 126) {
                return null;
            }
        }
        int[] values = new int[lower.length() - pos - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(lower.charAt(pos + 1 + i));
            if (v < 0) {
                return null;
            }
            values[i] = v;
        }
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (int v : values) {
            chk = step(chk, v);
        }
        if (chk != 1) {
            return null;
        }
        byte[] data = fromFive(values, values.length - 6);
        return data == null ? null : new Decoded(s.substring(0, pos), data);
    }

    private static int step(int chk, int v) {
        int top = chk >>> 25;
        chk = (chk & 0x1ffffff) << 5 ^ v;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                chk ^= GEN[i];
            }
        }
        return chk;
    }

    private static byte[] fromFive(int[] values, int n) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int acc = 0;
        int bits = 0;
        for (int i = 0; i < n; i++) {
            acc = (acc << 5) | values[i];
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write((acc >> bits) & 0xff);
            }
        }
        if (bits >= 5 || ((acc << (8 - bits)) & 0xff) != 0) {
            return null; // padding longer than 4 bits or not zero
        }
        return out.toByteArray();
    }
}
