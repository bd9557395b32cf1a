package dev.leakgate.envelope;

import dev.leakgate.identity.Identity;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Keyless structural check of a file that should be an encrypted envelope: an age file (binary or armored)
 * or a sops file in the store sops would pick from the extension. It decides nothing that needs a key.
 */
public final class EnvelopeValidator {
    static final String NOT_AN_ENVELOPE = "not an age or sops envelope: ";
    private static final byte[] AGE_PREFIX = "age-encryption.org/".getBytes(StandardCharsets.US_ASCII);

    private EnvelopeValidator() {
    }

    /**
     * Never throws on bad input: whatever the bytes are, the answer is a result, with {@code not-parseable}
     * when nothing more precise can be said.
     *
     * @param path    the file's path (only its extension is used, as sops uses it)
     * @param content the file's bytes
     */
    public static EnvelopeResult check(String path, byte[] content) {
        String p = path == null ? "" : path;
        byte[] bytes = content == null ? new byte[0] : content;
        try {
            return detectAndCheck(p, bytes);
        } catch (RuntimeException e) {
            return EnvelopeResult.of(EnvelopeFormat.NONE,
                    List.of(new EnvelopeProblem("not-parseable", NOT_AN_ENVELOPE + "the file could not be parsed", null)));
        }
    }

    /**
     * {@link #check(String, byte[])}, then, for a file that passes it, what the identities can prove: an age
     * file opened whole (header MAC, every chunk), a sops file's data key, values and MAC. Without identities,
     * or for a file already invalid, the result is exactly the keyless one.
     */
    public static EnvelopeResult check(String path, byte[] content, List<Identity> identities) {
        EnvelopeResult keyless = check(path, content);
        if (identities.isEmpty() || !keyless.valid()) {
            return keyless;
        }
        byte[] bytes = content == null ? new byte[0] : content;
        try {
            switch (keyless.format()) {
                case AGE_BINARY:
                    return age(keyless, bytes, identities);
                case AGE_ARMORED:
                    return age(keyless, AgeArmor.decode(bytes), identities);
                case NONE:
                    return keyless;
                default:
                    SopsKeyed.Verdict v = SopsValidator.verify(path, bytes, identities);
                    return keyless.verified(v.verified() ? EnvelopeResult.Verification.OPENED
                            : EnvelopeResult.Verification.NOT_OPENED, v.problems());
            }
        } catch (ProblemException e) {
            return keyless.verified(EnvelopeResult.Verification.OPENED, List.of(e.problem()));
        } catch (RuntimeException e) {
            // Not a silent pass, and no message or cause that could carry key material or plaintext.
            return keyless.verified(EnvelopeResult.Verification.NOT_OPENED, List.of(new EnvelopeProblem("not-verifiable",
                    "the keyed check could not read this envelope (" + e.getClass().getSimpleName() + ")", null)));
        }
    }

    private static EnvelopeResult age(EnvelopeResult keyless, byte[] binary, List<Identity> identities) {
        AgeDecryptor.Result r = AgeDecryptor.open(binary, identities, 0);
        return switch (r.outcome()) {
            case NO_MATCH -> keyless.verified(EnvelopeResult.Verification.NOT_OPENED, List.of());
            case VERIFIED -> keyless.verified(EnvelopeResult.Verification.OPENED, List.of());
            case INVALID -> keyless.verified(EnvelopeResult.Verification.OPENED, List.of(r.problem()));
        };
    }

    private static EnvelopeResult detectAndCheck(String path, byte[] bytes) {
        if (isBlank(bytes)) {
            return EnvelopeResult.of(EnvelopeFormat.NONE,
                    List.of(new EnvelopeProblem("empty-file", NOT_AN_ENVELOPE + "the file is empty", null)));
        }
        if (startsWith(bytes, AGE_PREFIX)) {
            return EnvelopeResult.of(EnvelopeFormat.AGE_BINARY, AgeFile.binary(bytes).problems());
        }
        if (AgeArmor.looksArmored(bytes)) {
            if (!AgeArmor.mentionsAge(bytes)) {
                return EnvelopeResult.of(EnvelopeFormat.NONE, List.of(new EnvelopeProblem("not-an-envelope",
                        NOT_AN_ENVELOPE + "a PEM block that is not age armor", null)));
            }
            return EnvelopeResult.of(EnvelopeFormat.AGE_ARMORED, AgeFile.armored(bytes).problems());
        }
        if (path.endsWith(".age")) {
            Integer beginLine = lineOf(bytes, AgeArmor.BEGIN);
            if (beginLine != null) {
                return EnvelopeResult.of(EnvelopeFormat.AGE_ARMORED,
                        List.of(new EnvelopeProblem("age-bad-armor", "text before the BEGIN line", beginLine)));
            }
        }
        return SopsValidator.check(path, bytes);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Integer lineOf(byte[] bytes, String marker) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(marker);
        if (at < 0) {
            return null;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
