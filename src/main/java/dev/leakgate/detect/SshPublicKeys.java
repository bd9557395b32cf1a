package dev.leakgate.detect;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An OpenSSH public key line ({@code type base64-blob}) is real only when the blob decodes and
 * names the same key type it is filed under: every key blob starts with its own type string.
 * That turns a prose mention ("ssh-ed25519 AAAA...") or a truncated paste into a non-match.
 */
public final class SshPublicKeys {
    /** An Ed25519 blob is always string("ssh-ed25519") + string(32 bytes). */
    private static final int ED25519_BLOB = 4 + 11 + 4 + 32;

    private SshPublicKeys() {
    }

    public static boolean valid(String line) {
        int sp = line.indexOf(' ');
        if (sp < 1) {
            return false;
        }
        String type = line.substring(0, sp);
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(line.substring(sp + 1).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (blob.length < 4) {
            return false;
        }
        long len = ((blob[0] & 0xffL) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        if (len != type.length() || 4 + len > blob.length) {
            return false;
        }
        if (!type.equals(new String(blob, 4, (int) len, StandardCharsets.US_ASCII))) {
            return false;
        }
        return !type.equals("ssh-ed25519") || blob.length == ED25519_BLOB;
    }
}
