package dev.leakgate.detect;

import java.util.Locale;

/**
 * BIP-173 bech32 (checksum constant 1) without the 90-character limit, as age uses it for
 * identities and recipients. The separator is the last '1'; mixed case is invalid.
 */
public final class Bech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GEN = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private Bech32() {
    }

    public static boolean valid(String s) {
        if (!s.equals(s.toLowerCase(Locale.ROOT)) && !s.equals(s.toUpperCase(Locale.ROOT))) {
            return false;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        int sep = lower.lastIndexOf('1');
        if (sep < 1 || sep + 7 > lower.length()) {
            return false;
        }
        String hrp = lower.substring(0, sep);
        int[] values = new int[lower.length() - sep - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(lower.charAt(sep + 1 + i));
            if (v < 0) {
                return false;
            }
            values[i] = v;
        }
        for (int i = 0; i < hrp.length(); i++) {
            char c = hrp.charAt(i);
            if (c < 33 || c > 126) {
                return false;
            }
        }
        return polymod(hrp, values) == 1;
    }

    private static int polymod(String hrp, int[] data) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk) ^ (hrp.charAt(i) >> 5);
        }
        chk = step(chk);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk) ^ (hrp.charAt(i) & 31);
        }
        for (int v : data) {
            chk = step(chk) ^ v;
        }
        return chk;
    }

    private static int step(int chk) {
        int top = chk >>> 25;
        chk = (chk & 0x1ffffff) << 5;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                chk ^= GEN[i];
            }
        }
        return chk;
    }
}
