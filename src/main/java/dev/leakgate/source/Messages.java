package dev.leakgate.source;

import java.util.Arrays;

/**
 * Commit and annotated-tag messages as targets: they are published with the history, and a
 * token pasted into one leaks as surely as one in a file. A message's target is named
 * {@code <commit id>:message} or {@code <tag name>:message}.
 */
final class Messages {
    static final String SUFFIX = ":message";
    private static final byte[][] SIGNATURES = {
        bytes("-----BEGIN PGP SIGNATURE-----"), bytes("-----BEGIN SSH SIGNATURE-----"), bytes("-----BEGIN SIGNED MESSAGE-----"),
    };

    private Messages() {
    }

    static String path(String name) {
        return name + SUFFIX;
    }

    /**
     * The message of a raw commit or tag object: what follows its headers (a commit's signature is
     * a header), less the signature block git appends to a signed tag's message.
     */
    static byte[] of(byte[] raw) {
        int start = -1;
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && raw[i + 1] == '\n') {
                start = i + 2;
                break;
            }
        }
        if (start < 0) {
            return new byte[0];
        }
        int end = raw.length;
        for (int i = start; i < raw.length; i++) {
            if ((i == start || raw[i - 1] == '\n') && raw[i] == '-' && signatureAt(raw, i)) {
                end = i;
                break;
            }
        }
        return Arrays.copyOfRange(raw, start, end);
    }

    private static boolean signatureAt(byte[] raw, int at) {
        for (byte[] s : SIGNATURES) {
            if (raw.length - at >= s.length && Arrays.equals(raw, at, at + s.length, s, 0, s.length)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
