package dev.leakgate.identity;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * An OpenSSH ed25519 private key, used as age's agessh does: the X25519 scalar is the first half of
 * SHA-512(seed), the X25519 public key is the Montgomery form of the Ed25519 public key, and the shared
 * secret is tweaked with a key derived from the SSH public key.
 */
final class SshEd25519Identity implements Identity {
    private static final String LABEL = "age-encryption.org/v1/ssh-ed25519";
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private final byte[] secretKey;
    private final byte[] ourPublicKey;
    private final byte[] sshPublicKey;
    private final String tag;
    private final String origin;

    SshEd25519Identity(byte[] seed, byte[] publicKey, String origin) throws IdentityException {
        try {
            this.secretKey = Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(seed), 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is missing from the JDK");
        }
        this.ourPublicKey = montgomery(publicKey, origin);
        this.sshPublicKey = SshWire.concat(SshWire.string("ssh-ed25519"), SshWire.string(publicKey));
        this.tag = Base64Raw.encode(Arrays.copyOf(AgeCrypto.sha256(sshPublicKey), 4));
        this.origin = origin;
    }

    /** The Montgomery u of an Edwards point: (1 + y) / (1 - y) mod p (filippo.io/edwards25519 BytesMontgomery). */
    private static byte[] montgomery(byte[] edwards, String origin) throws IdentityException {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[31 - i] = edwards[i];
        }
        be[0] &= 0x7f;
        BigInteger y = new BigInteger(1, be);
        if (y.compareTo(P) >= 0 || y.equals(BigInteger.ONE)) {
            throw new IdentityException(origin + ": not a valid ssh-ed25519 public key");
        }
        BigInteger u = BigInteger.ONE.add(y).multiply(BigInteger.ONE.subtract(y).mod(P).modInverse(P)).mod(P);
        byte[] ub = u.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < ub.length; i++) {
            out[i] = ub[ub.length - 1 - i];
        }
        return out;
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) throws UnwrapException {
        for (Stanza s : stanzas) {
            byte[] key = unwrap(s);
            if (key != null) {
                return key;
            }
        }
        return null;
    }

    private byte[] unwrap(Stanza s) throws UnwrapException {
        if (!s.type().equals("ssh-ed25519")) {
            return null;
        }
        if (s.args().size() != 2) {
            throw new UnwrapException("invalid ssh-ed25519 recipient block");
        }
        byte[] share = Base64Raw.decode(s.args().get(1));
        if (share == null) {
            throw new UnwrapException("failed to parse ssh-ed25519 recipient");
        }
        if (share.length != 32) {
            throw new UnwrapException("invalid ssh-ed25519 recipient block");
        }
        if (!s.args().get(0).equals(tag)) {
            return null;
        }
        byte[] shared = AgeCrypto.x25519(secretKey, share);
        if (shared == null) {
            throw new UnwrapException("invalid X25519 recipient: low-order share");
        }
        byte[] tweak = AgeCrypto.hkdf(null, sshPublicKey, LABEL, 32); // no secret: the SSH public key is the salt
        shared = AgeCrypto.x25519(tweak, shared);
        if (shared == null) {
            throw new UnwrapException("invalid ssh-ed25519 recipient: low-order tweaked share");
        }
        byte[] wrapping = AgeCrypto.hkdf(shared, X25519Identity.concat(share, ourPublicKey), LABEL, 32);
        return AgeCrypto.unwrapFileKey(wrapping, s.body(), "ssh-ed25519");
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "ssh-ed25519 identity (" + origin + ")";
    }
}
