package dev.leakgate.envelope;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code sops} metadata of a file, checked for what makes it usable: version, lastmodified, an encrypted
 * MAC, at most one selection rule, and key sources that really wrap a data key. Also collects the age
 * recipients and pgp fingerprints it lists, for drift checks against the creation rules.
 */
final class SopsMetadata {
    static final List<String> KEY_SOURCES = List.of("age", "pgp", "kms", "gcp_kms", "azure_kv", "hc_vault", "hckms");
    private static final int DATA_KEY_BYTES = 32;
    /** A Shamir share of the data key carries one more byte (the x coordinate). */
    private static final int SHAMIR_SHARE_BYTES = 33;
    /** The MAC is 128 uppercase hex characters before encryption. */
    private static final int MAC_BYTES = 128;
    private static final Pattern RFC3339 =
            Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$");
    private static final String PGP_BEGIN = "-----BEGIN PGP MESSAGE-----";
    private static final String PGP_END = "-----END PGP MESSAGE-----";

    final List<EnvelopeProblem> problems = new ArrayList<>();
    final Set<String> ageRecipients = new LinkedHashSet<>();
    final Set<String> pgpFingerprints = new LinkedHashSet<>();
    SopsSelection selection = SopsSelection.DEFAULT;
    private final SopsTree.Mapping meta;
    /** Where the metadata starts: what is missing from it is reported there. */
    private final Integer blockLine;
    private int wrappedKeys;

    private SopsMetadata(SopsTree.Mapping meta, Integer blockLine) {
        this.meta = meta;
        this.blockLine = blockLine;
    }

    static SopsMetadata read(SopsTree.Mapping meta, Integer blockLine) {
        SopsMetadata m = new SopsMetadata(meta, blockLine);
        m.checkVersion();
        m.checkLastModified();
        m.checkMac();
        m.readSelection();
        m.readKeySources();
        return m;
    }

    private void checkVersion() {
        if (text(meta, "version").isEmpty()) {
            problems.add(new EnvelopeProblem("missing-version", "sops metadata has no version", blockLine));
        }
    }

    private void checkLastModified() {
        String value = text(meta, "lastmodified");
        if (value.isEmpty()) {
            problems.add(new EnvelopeProblem("missing-lastmodified", "sops metadata has no lastmodified", blockLine));
        } else if (!isRfc3339(value)) {
            problems.add(new EnvelopeProblem("bad-lastmodified", "sops metadata lastmodified is not an RFC 3339 timestamp",
                    line(meta, "lastmodified")));
        }
    }

    static boolean isRfc3339(String value) {
        if (!RFC3339.matcher(value).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void checkMac() {
        SopsTree.Node node = meta.get("mac");
        Integer line = line(meta, "mac");
        if (node == null || (node instanceof SopsTree.Scalar s && (s.kind() == SopsTree.Kind.NULL || s.text().isEmpty()))) {
            problems.add(new EnvelopeProblem("missing-mac", "missing mac: sops refuses the file without --ignore-mac", blockLine));
            return;
        }
        if (!(node instanceof SopsTree.Scalar s) || s.kind() != SopsTree.Kind.STRING || !SopsEncValue.looksEncrypted(s.text())) {
            problems.add(new EnvelopeProblem("mac-not-encrypted", "mac is not an ENC value", line));
            return;
        }
        try {
            SopsEncValue mac = SopsEncValue.parse(s.text());
            if (!mac.type().equals("str")) {
                problems.add(new EnvelopeProblem("enc-bad-type", "mac: ENC type is not str", line));
            } else if (mac.dataBytes() != MAC_BYTES) {
                problems.add(new EnvelopeProblem("enc-malformed",
                        "mac: ENC data is " + mac.dataBytes() + " bytes; a MAC is 128 hex characters", line));
            }
        } catch (SopsEncValue.Fault f) {
            problems.add(new EnvelopeProblem(f.reason, "mac: " + f.getMessage(), line));
        }
    }

    private void readSelection() {
        List<SopsSelection> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SopsSelection.Kind kind : SopsSelection.Kind.values()) {
            String argument = text(meta, kind.metadataKey);
            if (argument.isEmpty()) {
                continue;
            }
            names.add(kind.metadataKey);
            try {
                found.add(SopsSelection.of(kind, argument));
            } catch (IllegalArgumentException e) {
                problems.add(new EnvelopeProblem("bad-selection-rule", "sops metadata " + e.getMessage(), line(meta, kind.metadataKey)));
            }
        }
        if (names.size() > 1) {
            problems.add(new EnvelopeProblem("conflicting-rules",
                    "sops metadata names more than one selection rule (" + String.join(", ", names) + "); sops refuses the file", blockLine));
        }
        if (!found.isEmpty()) {
            selection = found.size() == 1 ? found.get(0) : SopsSelection.anyOf(found);
        }
    }

    private void readKeySources() {
        readGroup(meta, "", DATA_KEY_BYTES);
        SopsTree.Node groups = meta.get("key_groups");
        if (groups instanceof SopsTree.Sequence seq) {
            List<SopsTree.Item> elements = seq.items.stream().filter(i -> !i.isComment()).toList();
            int keyBytes = elements.size() > 1 ? SHAMIR_SHARE_BYTES : DATA_KEY_BYTES;
            for (int g = 0; g < elements.size(); g++) {
                String where = "key group " + (g + 1) + " ";
                if (elements.get(g).value() instanceof SopsTree.Mapping group) {
                    readGroup(group, where, keyBytes);
                } else {
                    problems.add(new EnvelopeProblem("bad-key-source", where.strip() + " is not a mapping", elements.get(g).line()));
                }
            }
        } else if (groups != null && !isNull(groups)) {
            problems.add(new EnvelopeProblem("bad-key-source", "sops metadata key_groups is not a list", groups.line()));
        }
        if (wrappedKeys == 0) {
            problems.add(new EnvelopeProblem("no-key-sources",
                    "no key source (age, pgp, kms, gcp_kms, azure_kv, hc_vault, hckms) wraps the data key", blockLine));
        }
    }

    private void readGroup(SopsTree.Mapping group, String where, int keyBytes) {
        for (String source : KEY_SOURCES) {
            SopsTree.Node node = group.get(source);
            if (node == null || isNull(node)) {
                continue;
            }
            if (!(node instanceof SopsTree.Sequence seq)) {
                problems.add(new EnvelopeProblem("bad-key-source", where + source + " is not a list", node.line()));
                continue;
            }
            int n = 0;
            for (SopsTree.Item item : seq.items) {
                if (item.isComment()) {
                    continue;
                }
                n++;
                String entryName = where + source + " entry " + n;
                if (!(item.value() instanceof SopsTree.Mapping entry)) {
                    problems.add(new EnvelopeProblem("bad-key-source", entryName + " is not a mapping", item.line()));
                    continue;
                }
                readEntry(source, entry, entryName, keyBytes);
            }
        }
    }

    private void readEntry(String source, SopsTree.Mapping entry, String name, int keyBytes) {
        String enc = text(entry, "enc");
        Integer encLine = line(entry, "enc");
        switch (source) {
            case "age" -> {
                String recipient = text(entry, "recipient");
                if (recipient.isEmpty()) {
                    problems.add(new EnvelopeProblem("bad-age-enc", name + " has no recipient", entry.line()));
                } else {
                    ageRecipients.add(recipient.strip());
                }
                checkAgeEnc(enc, name, keyBytes, encLine == null ? entry.line() : encLine);
            }
            case "pgp" -> {
                String fp = text(entry, "fp");
                if (!fp.isEmpty()) {
                    pgpFingerprints.add(fp.strip());
                }
                String armor = enc.strip();
                if (!armor.startsWith(PGP_BEGIN) || !armor.endsWith(PGP_END)) {
                    problems.add(new EnvelopeProblem("bad-pgp-enc", name + " enc is not an armored PGP MESSAGE",
                            encLine == null ? entry.line() : encLine));
                }
            }
            default -> {
                if (enc.isEmpty()) {
                    problems.add(new EnvelopeProblem("bad-key-source", name + " has no enc", entry.line()));
                }
            }
        }
        if (!enc.isEmpty()) {
            wrappedKeys++;
        }
    }

    /** sops wraps the data key (or a Shamir share of it) in an armored age file per age recipient. */
    private void checkAgeEnc(String enc, String name, int keyBytes, Integer line) {
        byte[] bytes = enc.getBytes(StandardCharsets.UTF_8);
        if (enc.isBlank() || !AgeArmor.looksArmored(bytes)) {
            problems.add(new EnvelopeProblem("bad-age-enc", name + " enc is not an armored age file", line));
            return;
        }
        AgeFile.Check check = AgeFile.armored(bytes);
        if (!check.valid()) {
            problems.add(new EnvelopeProblem("bad-age-enc", name + " enc is not a valid age file: " + check.problems().get(0).message(), line));
        } else if (check.plaintextLength() != keyBytes) {
            problems.add(new EnvelopeProblem("bad-age-enc", name + " enc carries " + check.plaintextLength()
                    + " bytes; expected " + keyBytes + (keyBytes == DATA_KEY_BYTES ? " (the data key)" : " (a Shamir share)"), line));
        }
    }

    private static boolean isNull(SopsTree.Node node) {
        return node instanceof SopsTree.Scalar s && s.kind() == SopsTree.Kind.NULL;
    }

    /** The text of a scalar under {@code key}, or "" when absent, null or not a scalar. */
    static String text(SopsTree.Mapping m, String key) {
        SopsTree.Node node = m.get(key);
        if (node instanceof SopsTree.Scalar s && s.kind() != SopsTree.Kind.NULL) {
            return s.text();
        }
        return "";
    }

    private static Integer line(SopsTree.Mapping m, String key) {
        SopsTree.Item item = m.entry(key);
        return item == null ? null : item.line();
    }
}
