package dev.leakgate.detect;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * GitHub's token checksum: the last 6 characters are the CRC32 of the 30 characters before them,
 * in base62 (0-9A-Za-z), left-padded with '0'. The input is the token without its prefix
 * ({@code ghp_} etc.) or with it; only the last 36 characters count.
 */
public final class Crc32Base62 {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Crc32Base62() {
    }

    public static boolean valid(String token) {
        if (token.length() < 36) {
            return false;
        }
        String tail = token.substring(token.length() - 36);
        String body = tail.substring(0, 30);
        String check = tail.substring(30);
        return encode(crc(body)).equals(check);
    }

    public static long crc(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.ISO_8859_1));
        return crc.getValue();
    }

    /** Base62 of a CRC32 value, 6 characters wide. */
    public static String encode(long value) {
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }
}
