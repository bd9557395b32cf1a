package dev.leakgate.detect;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * A Nix (or Cachix) binary-cache secret key is 64 bytes: an Ed25519 seed followed by the public
 * key it derives. A narinfo signature has exactly the same text shape (name: + 88 base64), so
 * shape cannot tell them apart; the derivation can: a key signs a probe that its own second half
 * verifies, a signature's second half is random with respect to its first.
 */
public final class NixSigningKeys {
    private static final byte[] PROBE = "leakgate nix signing key probe".getBytes(StandardCharsets.US_ASCII);

    private NixSigningKeys() {
    }

    /** {@code name:base64} or bare {@code base64} (Cachix's signing key has no name). */
    public static boolean valid(String secret) {
        String b64 = secret.substring(secret.lastIndexOf(':') + 1);
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (raw.length != 64) {
            return false;
        }
        try {
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = kf.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519,
                    Arrays.copyOfRange(raw, 0, 32)));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(priv);
            signer.update(PROBE);
            byte[] sig = signer.sign();
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(kf, Arrays.copyOfRange(raw, 32, 64)));
            verifier.update(PROBE);
            return verifier.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Not a point on the curve, or otherwise not a key: not a leak of one either.
            return false;
        }
    }

    private static PublicKey publicKey(KeyFactory kf, byte[] encoded) throws GeneralSecurityException {
        // RFC 8032 encoding: little-endian y, with the top bit of the last byte holding x's parity.
        boolean xOdd = (encoded[31] & 0x80) != 0;
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = encoded[31 - i];
        }
        be[0] &= 0x7f;
        return kf.generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,
                new EdECPoint(xOdd, new BigInteger(1, be))));
    }
}
