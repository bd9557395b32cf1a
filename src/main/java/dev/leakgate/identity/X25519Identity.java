package dev.leakgate.identity;

import java.util.List;

/** A native age identity ({@code AGE-SECRET-KEY-1…}): opens {@code X25519} stanzas. */
final class X25519Identity implements Identity {
    private static final String LABEL = "age-encryption.org/v1/X25519";
    private final byte[] secretKey;
    private final byte[] ourPublicKey;
    private final String origin;

    X25519Identity(byte[] secretKey, String origin) {
        this.secretKey = secretKey.clone();
        this.ourPublicKey = AgeCrypto.x25519Public(this.secretKey);
        this.origin = origin;
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
        if (!s.type().equals("X25519")) {
            return null;
        }
        if (s.args().size() != 1) {
            throw new UnwrapException("invalid X25519 recipient block");
        }
        byte[] share = Base64Raw.decode(s.args().get(0));
        if (share == null) {
            throw new UnwrapException("failed to parse X25519 recipient");
        }
        if (share.length != 32) {
            throw new UnwrapException("invalid X25519 recipient block");
        }
        byte[] shared = AgeCrypto.x25519(secretKey, share);
        if (shared == null) {
            throw new UnwrapException("invalid X25519 recipient: low-order share");
        }
        byte[] wrapping = AgeCrypto.hkdf(shared, concat(share, ourPublicKey), LABEL, 32);
        return AgeCrypto.unwrapFileKey(wrapping, s.body(), "X25519");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "X25519 identity (" + origin + ")";
    }
}
