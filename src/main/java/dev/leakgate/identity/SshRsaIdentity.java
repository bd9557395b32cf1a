package dev.leakgate.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.List;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/** An RSA private key, used as agessh does: RSA-OAEP-SHA-256 with the label {@code age-encryption.org/v1/ssh-rsa}. */
final class SshRsaIdentity implements Identity {
    private static final String LABEL = "age-encryption.org/v1/ssh-rsa";
    private final RSAPrivateCrtKey key;
    private final String tag;
    private final String origin;

    SshRsaIdentity(RSAPrivateCrtKey key, String origin) {
        this.key = key;
        byte[] wire = SshWire.concat(SshWire.string("ssh-rsa"), SshWire.mpint(key.getPublicExponent()),
                SshWire.mpint(key.getModulus()));
        this.tag = Base64Raw.encode(Arrays.copyOf(AgeCrypto.sha256(wire), 4));
        this.origin = origin;
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) throws UnwrapException {
        for (Stanza s : stanzas) {
            if (!s.type().equals("ssh-rsa")) {
                continue;
            }
            if (s.args().size() != 1) {
                throw new UnwrapException("invalid ssh-rsa recipient block");
            }
            if (!s.args().get(0).equals(tag)) {
                continue;
            }
            try {
                Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
                c.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                        new PSource.PSpecified(LABEL.getBytes(StandardCharsets.US_ASCII))));
                return c.doFinal(s.body());
            } catch (BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
                // age: "failed to decrypt file key", an error, not a stanza for someone else
                throw new UnwrapException("ssh-rsa stanza does not decrypt with the key its tag names");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RSA-OAEP is missing from the JDK");
            }
        }
        return null;
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "ssh-rsa identity (" + origin + ")";
    }
}
