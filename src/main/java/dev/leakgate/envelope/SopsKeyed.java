package dev.leakgate.envelope;

import dev.leakgate.identity.Identity;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What sops itself checks when it decrypts, done with the operator's age identity and nothing written or
 * kept: the data key from the {@code age} key sources (each {@code enc} an armored age file), every value and
 * comment in an encrypted position opened with AES-256-GCM under its key path, and the MAC recomputed over the
 * values and compared with the stored one, opened with {@code lastmodified} as its additional data.
 */
final class SopsKeyed implements SopsValueChecker.Visitor {
    private static final int DATA_KEY = 32;
    /** What sops feeds the MAC first under mac_only_encrypted, so the two kinds of MAC never coincide. */
    private static final byte[] MAC_ONLY_ENCRYPTED_INIT = sha256("sops");

    record Verdict(boolean verified, List<EnvelopeProblem> problems) {
    }

    private final byte[] dataKey;
    private final boolean macOnlyEncrypted;
    private final MessageDigest mac;
    private final List<EnvelopeProblem> problems = new ArrayList<>();

    private SopsKeyed(byte[] dataKey, boolean macOnlyEncrypted) {
        this.dataKey = dataKey;
        this.macOnlyEncrypted = macOnlyEncrypted;
        try {
            this.mac = MessageDigest.getInstance("SHA-512");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-512 is missing from the JDK");
        }
        if (macOnlyEncrypted) {
            mac.update(MAC_ONLY_ENCRYPTED_INIT);
        }
    }

    /** @param doc a sops document whose keyless checks all passed */
    static Verdict verify(SopsDocument doc, SopsMetadata metadata, List<Identity> identities) {
        List<EnvelopeProblem> problems = new ArrayList<>();
        byte[] dataKey = dataKey(doc.metadata(), identities, problems);
        if (!problems.isEmpty()) {
            return new Verdict(true, problems);
        }
        if (dataKey == null) {
            return new Verdict(false, List.of());
        }
        try {
            SopsKeyed keyed = new SopsKeyed(dataKey, isTrue(doc.metadata().get("mac_only_encrypted")));
            SopsValueChecker.check(doc.data(), metadata.selection, keyed);
            if (keyed.problems.isEmpty()) {
                // sops stops at the first value it cannot decrypt: the MAC says nothing more then
                keyed.checkMac(doc.metadata());
            }
            return new Verdict(true, keyed.problems);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * The data key from the age entries an identity opens (top level, or key groups); null when none opens, or
     * when the key is split over several groups (Shamir) and fewer groups than the threshold open. Every entry
     * that opens in one group must give the same key or share: an entry wrapping another one leaves its
     * recipient with a key that decrypts nothing.
     */
    private static byte[] dataKey(SopsTree.Mapping meta, List<Identity> identities, List<EnvelopeProblem> problems) {
        List<SopsTree.Mapping> groups = new ArrayList<>();
        if (meta.get("key_groups") instanceof SopsTree.Sequence seq) {
            for (SopsTree.Item g : seq.items) {
                if (!g.isComment() && g.value() instanceof SopsTree.Mapping group) {
                    groups.add(group);
                }
            }
        }
        Counter n = new Counter();
        if (groups.size() <= 1) {
            List<SopsTree.Node> lists = new ArrayList<>();
            lists.add(meta.get("age"));
            groups.forEach(g -> lists.add(g.get("age")));
            return secret(lists, DATA_KEY, identities, problems, n);
        }
        List<byte[]> shares = new ArrayList<>();
        for (SopsTree.Mapping group : groups) {
            byte[] share = secret(java.util.Collections.singletonList(group.get("age")), DATA_KEY + 1, identities, problems, n);
            if (share != null) {
                shares.add(share);
            }
        }
        int threshold = groups.size();
        String t = SopsMetadata.text(meta, "shamir_threshold");
        if (t.matches("[1-9][0-9]{0,2}")) {
            threshold = Integer.parseInt(t);
        }
        return shares.size() < threshold || !problems.isEmpty() ? null : Shamir.combine(shares);
    }

    private static final class Counter {
        int value;
    }

    private static byte[] secret(List<SopsTree.Node> lists, int size, List<Identity> identities,
                                 List<EnvelopeProblem> problems, Counter n) {
        byte[] found = null;
        for (SopsTree.Node list : lists) {
            if (!(list instanceof SopsTree.Sequence seq)) {
                continue;
            }
            for (SopsTree.Item item : seq.items) {
                if (item.isComment() || !(item.value() instanceof SopsTree.Mapping entry)) {
                    continue;
                }
                n.value++;
                byte[] key = open(entry, n.value, size, identities, problems);
                if (key == null) {
                    continue;
                }
                if (found == null) {
                    found = key;
                } else if (!MessageDigest.isEqual(found, key)) {
                    problems.add(new EnvelopeProblem("data-key-mismatch", "age entry " + n.value
                            + " wraps another data key than the first entry this identity opens: its recipient gets a key"
                            + " that decrypts nothing", item.line()));
                }
            }
        }
        return found;
    }

    private static byte[] open(SopsTree.Mapping entry, int n, int size, List<Identity> identities,
                               List<EnvelopeProblem> problems) {
        String enc = SopsMetadata.text(entry, "enc");
        AgeDecryptor.Result r;
        try {
            r = AgeDecryptor.open(AgeArmor.decode(enc.getBytes(StandardCharsets.UTF_8)), identities, size);
        } catch (ProblemException e) {
            return null; // already reported by the keyless check
        }
        switch (r.outcome()) {
            case NO_MATCH:
                return null;
            case INVALID:
                problems.add(new EnvelopeProblem("data-key-invalid", "age entry " + n + " enc: " + r.problem().reason()
                        + ": " + r.problem().message(), entry.line()));
                return null;
            default:
                if (r.plaintext() == null || r.plaintext().length != size) {
                    problems.add(new EnvelopeProblem("data-key-invalid", "age entry " + n + " enc does not hold a " + size
                            + "-byte " + (size == DATA_KEY ? "data key" : "key share"),
                            entry.line()));
                    return null;
                }
                return r.plaintext();
        }
    }

    @Override
    public void value(SopsTree.Scalar scalar, List<String> path, boolean encrypted) {
        if (!encrypted) {
            if (!macOnlyEncrypted) {
                byte[] bytes = SopsMacBytes.ofClear(scalar);
                if (bytes != null) {
                    mac.update(bytes);
                }
            }
            return;
        }
        String where = "value at " + SopsPaths.describe(path);
        byte[] plain = decrypt(scalar.text(), aad(path), where, scalar.line());
        if (plain == null) {
            return;
        }
        try {
            mac.update(SopsMacBytes.ofDecrypted(plain, type(scalar.text())));
        } catch (IllegalArgumentException e) {
            problems.add(new EnvelopeProblem("value-does-not-decrypt", where + " decrypts, but not to a value of its ENC type"
                    + " (sops fails on it)", scalar.line()));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public void comment(String text, Integer line, List<String> path, boolean encrypted) {
        if (encrypted && SopsEncValue.looksEncrypted(text)) {
            byte[] plain = decrypt(text, aad(path), "comment at " + SopsPaths.describe(path), line);
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private void checkMac(SopsTree.Mapping meta) {
        String lastModified = SopsMetadata.text(meta, "lastmodified");
        byte[] stored = decrypt(SopsMetadata.text(meta, "mac"), goRfc3339(lastModified), null, null);
        if (stored == null) {
            problems.add(new EnvelopeProblem("sops-mac-mismatch", "the MAC does not decrypt with lastmodified as its"
                    + " additional data: lastmodified or the MAC was edited outside sops", null));
            return;
        }
        byte[] computed = HexFormat.of().withUpperCase().formatHex(mac.digest()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(stored, computed)) {
            problems.add(new EnvelopeProblem("sops-mac-mismatch", "the MAC over the values does not match the stored one:"
                    + " a value was edited, added, removed or replaced outside sops", null));
        }
    }

    /**
     * AES-256-GCM open of an ENC value; on failure records the problem (unless {@code where} is null) and returns
     * null.
     */
    private byte[] decrypt(String text, String aad, String where, Integer line) {
        try {
            SopsEncValue.Sealed sealed = SopsEncValue.sealed(text);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(128, sealed.iv()));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            c.update(sealed.data());
            return c.doFinal(sealed.tag());
        } catch (AEADBadTagException | SopsEncValue.Fault e) {
            if (where != null) {
                problems.add(new EnvelopeProblem("value-does-not-decrypt", where + " does not decrypt under its key path"
                        + " (moved from another key, copied from another file, or changed)", line));
            }
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from the JDK");
        }
    }

    private static String type(String text) {
        try {
            return SopsEncValue.sealed(text).type();
        } catch (SopsEncValue.Fault f) {
            return "";
        }
    }

    /** sops' additional data for a value: its key path joined with ':' and a final ':'. */
    private static String aad(List<String> path) {
        return String.join(":", path) + ":";
    }

    /** lastmodified as sops passes it: parsed as RFC 3339, formatted back (whole seconds, Z for UTC). */
    static String goRfc3339(String value) {
        try {
            OffsetDateTime t = OffsetDateTime.parse(value);
            String base = t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
            return base + (t.getOffset().equals(ZoneOffset.UTC) ? "Z" : t.getOffset().getId());
        } catch (RuntimeException e) {
            return value;
        }
    }

    private static boolean isTrue(SopsTree.Node node) {
        return node instanceof SopsTree.Scalar s && s.text().equalsIgnoreCase("true");
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK");
        }
    }
}
