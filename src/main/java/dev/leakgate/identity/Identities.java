package dev.leakgate.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;

/**
 * Reads identities as {@code age -i} does: a file that starts with {@code -----BEGIN} is one SSH private key
 * (OpenSSH, PKCS#1 or PKCS#8; ed25519 or RSA, unencrypted); any other file holds native identities, one
 * {@code AGE-SECRET-KEY-1…} per line, with {@code #} comments and blank lines.
 */
public final class Identities {
    private static final int MAX_FILE = 1 << 24; // age reads at most 16 MiB of an identity file
    private static final String OPENSSH_MAGIC = "openssh-key-v1\0";

    private Identities() {
    }

    public static List<Identity> fromFile(Path file) throws IdentityException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE) {
                throw new IdentityException(file + ": identity file larger than 16 MiB");
            }
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IdentityException(file + ": no such identity file");
        } catch (IOException e) {
            throw new IdentityException(file + ": cannot read the identity file (" + e.getClass().getSimpleName() + ")");
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), file.toString());
    }

    /** Identities given as text (SOPS_AGE_KEY): native lines only, as sops reads that variable. */
    public static List<Identity> fromText(String text, String origin) throws IdentityException {
        return parse(text, origin);
    }

    /** A passphrase file for scrypt stanzas: its content, less one final line end. */
    public static Identity passphrase(Path file) throws IdentityException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IdentityException(file + ": no such passphrase file");
        } catch (IOException e) {
            throw new IdentityException(file + ": cannot read the passphrase file (" + e.getClass().getSimpleName() + ")");
        }
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\n') {
            n--;
            if (n > 0 && bytes[n - 1] == '\r') {
                n--;
            }
        }
        if (n == 0) {
            throw new IdentityException(file + ": the passphrase file is empty");
        }
        return new ScryptIdentity(java.util.Arrays.copyOf(bytes, n), file.toString());
    }

    private static List<Identity> parse(String text, String origin) throws IdentityException {
        String start = text.stripLeading();
        if (start.startsWith("-----BEGIN AGE ENCRYPTED FILE-----") || text.startsWith("age-encryption.org/")) {
            throw new IdentityException(origin + ": an encrypted identity file (it needs a passphrase typed at a terminal);"
                    + " decrypt it to a protected file first");
        }
        if (text.startsWith("-----BEGIN")) {
            return List.of(ssh(text, origin));
        }
        List<Identity> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String where = origin + " line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("AGE-PLUGIN-")) {
                throw new IdentityException(where + ": plugin identities are not supported");
            }
            if (line.startsWith("AGE-SECRET-KEY-PQ-1")) {
                throw new IdentityException(where + ": post-quantum (mlkem768x25519) identities are not supported");
            }
            Bech32.Decoded d = Bech32.decode(line);
            if (d == null || !d.hrp().equals("AGE-SECRET-KEY-") || d.data().length != 32) {
                throw new IdentityException(where + ": not an age identity (AGE-SECRET-KEY-1...)");
            }
            out.add(new X25519Identity(d.data(), where));
        }
        if (out.isEmpty()) {
            throw new IdentityException(origin + ": no identities found");
        }
        return out;
    }

    private static Identity ssh(String text, String origin) throws IdentityException {
        int eol = text.indexOf('\n');
        String begin = (eol < 0 ? text : text.substring(0, eol)).strip();
        String label = begin.replace("-----BEGIN ", "").replace("-----", "");
        int end = text.indexOf("-----END " + label + "-----");
        if (eol < 0 || end < 0) {
            throw new IdentityException(origin + ": malformed PEM key (no END line)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(eol + 1, end));
        } catch (IllegalArgumentException e) {
            throw new IdentityException(origin + ": malformed PEM key (bad base64)");
        }
        if (text.substring(eol + 1, end).contains("ENCRYPTED") || text.contains("Proc-Type: 4,ENCRYPTED")) {
            throw new IdentityException(origin + ": the SSH key is passphrase-protected; give an unencrypted copy");
        }
        try {
            switch (label) {
                case "OPENSSH PRIVATE KEY":
                    return openssh(der, origin);
                case "RSA PRIVATE KEY":
                    return rsa(OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(der), origin);
                case "PRIVATE KEY": {
                    java.security.PrivateKey k = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
                    if (k instanceof RSAPrivateCrtKey crt) {
                        return checkedRsa(crt, origin);
                    }
                    throw new IdentityException(origin + ": unsupported PKCS#8 key (only RSA)");
                }
                case "ENCRYPTED PRIVATE KEY":
                    throw new IdentityException(origin + ": the key is passphrase-protected; give an unencrypted copy");
                default:
                    throw new IdentityException(origin + ": unsupported PEM key type");
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // No cause kept: a parser's message or stack could quote the key.
            throw new IdentityException(origin + ": malformed SSH private key");
        }
    }

    private static Identity openssh(byte[] der, String origin) throws IdentityException {
        byte[] magic = OPENSSH_MAGIC.getBytes(StandardCharsets.US_ASCII);
        if (der.length < magic.length + 4 || !java.util.Arrays.equals(der, 0, magic.length, magic, 0, magic.length)) {
            throw new IdentityException(origin + ": malformed OpenSSH private key");
        }
        int at = magic.length;
        int len = ((der[at] & 0xff) << 24) | ((der[at + 1] & 0xff) << 16) | ((der[at + 2] & 0xff) << 8) | (der[at + 3] & 0xff);
        if (len < 0 || at + 4 + len > der.length) {
            throw new IdentityException(origin + ": malformed OpenSSH private key");
        }
        String cipher = new String(der, at + 4, len, StandardCharsets.US_ASCII);
        if (!cipher.equals("none")) {
            throw new IdentityException(origin + ": the OpenSSH key is passphrase-protected (" + cipher
                    + "); give an unencrypted copy");
        }
        AsymmetricKeyParameter key = OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(der);
        if (key instanceof Ed25519PrivateKeyParameters ed) {
            return new SshEd25519Identity(ed.getEncoded(), ed.generatePublicKey().getEncoded(), origin);
        }
        return rsa(key, origin);
    }

    private static Identity rsa(AsymmetricKeyParameter key, String origin) throws IdentityException {
        if (!(key instanceof RSAPrivateCrtKeyParameters r)) {
            throw new IdentityException(origin + ": unsupported SSH key type (age reads ssh-ed25519 and ssh-rsa)");
        }
        try {
            RSAPrivateCrtKey k = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
                    r.getModulus(), r.getPublicExponent(), r.getExponent(), r.getP(), r.getQ(), r.getDP(), r.getDQ(), r.getQInv()));
            return checkedRsa(k, origin);
        } catch (GeneralSecurityException e) {
            throw new IdentityException(origin + ": malformed RSA key");
        }
    }

    private static Identity checkedRsa(RSAPrivateCrtKey k, String origin) throws IdentityException {
        if (k.getModulus().bitLength() < 2048) {
            throw new IdentityException(origin + ": RSA key shorter than 2048 bits (age refuses it)");
        }
        return new SshRsaIdentity(k, origin);
    }
}
