package dev.leakgate.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.crypto.generators.SCrypt;

/** A passphrase, for {@code scrypt} stanzas, with age's rules: the only stanza, work factor 1..22. */
final class ScryptIdentity implements Identity {
    /** age's default cap (ScryptIdentity.SetMaxWorkFactor): 2^22 is about 4 GiB of memory and seconds of work. */
    static final int MAX_WORK_FACTOR = 22;
    private static final String LABEL = "age-encryption.org/v1/scrypt";
    private final byte[] passphrase;
    private final String origin;
    /** Keys derived per salt and work factor: a run meets one file in many commits, each costing seconds. */
    private final java.util.Map<String, byte[]> derived = new java.util.concurrent.ConcurrentHashMap<>();

    ScryptIdentity(byte[] passphrase, String origin) {
        this.passphrase = passphrase.clone();
        this.origin = origin;
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) throws UnwrapException {
        for (Stanza s : stanzas) {
            if (s.type().equals("scrypt") && stanzas.size() != 1) {
                throw new UnwrapException("an scrypt recipient must be the only one");
            }
        }
        for (Stanza s : stanzas) {
            byte[] key = unwrap(s);
            if (key != null) {
                return key;
            }
        }
        return null;
    }

    private byte[] unwrap(Stanza s) throws UnwrapException {
        if (!s.type().equals("scrypt")) {
            return null;
        }
        if (s.args().size() != 2) {
            throw new UnwrapException("invalid scrypt recipient block");
        }
        byte[] salt = Base64Raw.decode(s.args().get(0));
        if (salt == null) {
            throw new UnwrapException("failed to parse scrypt salt");
        }
        if (salt.length != 16) {
            throw new UnwrapException("invalid scrypt recipient block");
        }
        String w = s.args().get(1);
        if (!w.matches("[1-9][0-9]*")) {
            throw new UnwrapException("scrypt work factor encoding invalid");
        }
        if (w.length() > 2 || Integer.parseInt(w) > MAX_WORK_FACTOR) {
            throw new UnwrapException("scrypt work factor too large (age's limit is " + MAX_WORK_FACTOR + ")");
        }
        int logN = Integer.parseInt(w);
        byte[] fullSalt = X25519Identity.concat(LABEL.getBytes(StandardCharsets.US_ASCII), salt);
        byte[] key = derived.computeIfAbsent(s.args().get(0) + ' ' + logN,
                k -> SCrypt.generate(passphrase, fullSalt, 1 << logN, 8, 1, 32));
        return AgeCrypto.unwrapFileKey(key, s.body(), "scrypt");
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "scrypt passphrase (" + origin + ")";
    }
}
