package dev.leakgate.envelope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Compares the recipients a sops file lists with those its creation rule expects. */
final class RecipientDrift {
    static final String REASON = "sops-recipient-drift";

    private RecipientDrift() {
    }

    static List<EnvelopeProblem> between(EnvelopeResult file, SopsCreationRules.Rule rule) {
        List<EnvelopeProblem> problems = new ArrayList<>();
        if (!file.format().name().startsWith("SOPS_")) {
            return problems;
        }
        compare(file.ageRecipients(), rule.ageRecipients(), String::strip, "age", problems);
        // Fingerprints are hex: case and grouping spaces carry no meaning.
        compare(file.pgpFingerprints(), rule.pgpFingerprints(),
                RecipientDrift::normalizeFingerprint, "pgp", problems);
        return problems;
    }

    private static void compare(List<String> inFile, List<String> inRule, UnaryOperator<String> normalize, String kind,
                                List<EnvelopeProblem> problems) {
        Set<String> actual = normalized(inFile, normalize);
        Set<String> expected = normalized(inRule, normalize);
        for (String r : actual) {
            if (!expected.contains(r)) {
                problems.add(new EnvelopeProblem(REASON,
                        "encrypted to a recipient the creation rule does not list: " + shortHash(r) + " (" + kind + ")", null));
            }
        }
        for (String r : expected) {
            if (!actual.contains(r)) {
                problems.add(new EnvelopeProblem(REASON,
                        "missing recipient listed by creation rule: " + shortHash(r) + " (" + kind + ")", null));
            }
        }
    }

    private static String normalizeFingerprint(String fp) {
        StringBuilder sb = new StringBuilder();
        fp.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(sb::appendCodePoint);
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private static Set<String> normalized(List<String> recipients, UnaryOperator<String> normalize) {
        Set<String> out = new LinkedHashSet<>();
        for (String r : recipients) {
            String n = normalize.apply(r);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }

    /** First 12 hex characters of SHA-256 of the recipient: enough to tell recipients apart, not to list them. */
    static String shortHash(String recipient) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(recipient.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
