package dev.leakgate.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The primitives age is built from, on the JDK: HKDF-SHA-256 (RFC 5869, on HMAC), ChaCha20-Poly1305, X25519. */
public final class AgeCrypto {
    public static final int FILE_KEY_SIZE = 16;
    private static final int TAG = 16;
    private static final byte[] BASEPOINT = new byte[32];

    static {
        BASEPOINT[0] = 9;
    }

    private AgeCrypto() {
    }

    /** HKDF-SHA-256 extract-then-expand; a null or empty salt is a zero-filled block, as RFC 5869 says. */
    public static byte[] hkdf(byte[] ikm, byte[] salt, String info, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] s = salt == null || salt.length == 0 ? new byte[32] : salt;
            mac.init(new SecretKeySpec(s, "HmacSHA256"));
            byte[] prk = mac.doFinal(ikm == null ? new byte[0] : ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] t = new byte[0];
            byte[] infoBytes = info.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0, block = 1; i < length; block++) {
                mac.update(t);
                mac.update(infoBytes);
                mac.update((byte) block);
                t = mac.doFinal();
                int n = Math.min(t.length, length - i);
                System.arraycopy(t, 0, out, i, n);
                i += n;
            }
            Arrays.fill(prk, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from the JDK");
        }
    }

    public static byte[] hmacSha256(byte[] key, byte[] data, int offset, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(data, offset, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from the JDK");
        }
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK");
        }
    }

    /**
     * ChaCha20-Poly1305 open of {@code length} bytes (ciphertext and tag) into {@code out}.
     *
     * @return the plaintext length, or -1 when the tag does not verify
     */
    public static int chachaOpen(byte[] key, byte[] nonce, byte[] in, int offset, int length, byte[] out) {
        try {
            Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
            return c.doFinal(in, offset, length, out, 0);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 is missing from the JDK");
        }
    }

    /**
     * age's {@code aeadDecrypt}: a 16-byte file key sealed under an all-zero nonce.
     *
     * @return the file key, or null when the tag does not verify
     * @throws UnwrapException when the body is not 32 bytes (age: "incorrect file key size")
     */
    static byte[] unwrapFileKey(byte[] key, byte[] body, String type) throws UnwrapException {
        if (body.length != FILE_KEY_SIZE + TAG) {
            throw new UnwrapException("invalid " + type + " recipient block: incorrect file key size");
        }
        byte[] out = new byte[FILE_KEY_SIZE];
        return chachaOpen(key, new byte[12], body, 0, body.length, out) < 0 ? null : out;
    }

    /**
     * X25519 (RFC 7748) of a 32-byte scalar and a 32-byte u-coordinate.
     *
     * @return the shared secret, or null when it is all zeros (a low-order point), which age refuses
     */
    public static byte[] x25519(byte[] scalar, byte[] u) {
        try {
            KeyFactory kf = KeyFactory.getInstance("XDH");
            byte[] le = u.clone();
            le[31] &= 0x7f;
            byte[] be = new byte[33];
            for (int i = 0; i < 32; i++) {
                be[32 - i] = le[i];
            }
            KeyAgreement ka = KeyAgreement.getInstance("XDH");
            ka.init(kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar)));
            ka.doPhase(kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(be))), true);
            byte[] secret = ka.generateSecret();
            boolean zero = true;
            for (byte b : secret) {
                zero &= b == 0;
            }
            return zero ? null : secret;
        } catch (java.security.InvalidKeyException e) {
            return null; // the JDK refuses a result of all zeros ("point has small order")
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is missing from the JDK");
        }
    }

    /** The X25519 public key (u-coordinate) of a scalar. */
    public static byte[] x25519Public(byte[] scalar) {
        return x25519(scalar, BASEPOINT);
    }
}
