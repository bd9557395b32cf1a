package dev.leakgate.envelope;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shapes of the stanza types age and its ssh recipients define. Other types (plugins, grease) only
 * have to follow the generic grammar, so they pass here untouched. Type names are case-sensitive:
 * {@code x25519} is an unknown type, not a malformed X25519 stanza.
 */
final class AgeStanzaRules {
    /** Every native stanza wraps the 16-byte file key with ChaCha20-Poly1305: 16 + 16 bytes. */
    private static final int WRAPPED_FILE_KEY = 32;
    private static final int MAX_SCRYPT_WORK_FACTOR = 64;
    private static final Set<Integer> RSA_MODULUS_BYTES = Set.of(256, 384, 512);

    private AgeStanzaRules() {
    }

    static List<EnvelopeProblem> check(List<AgeStanza> stanzas, boolean fileLines) {
        List<EnvelopeProblem> problems = new ArrayList<>();
        for (AgeStanza stanza : stanzas) {
            String fault = shapeFault(stanza);
            if (fault != null) {
                problems.add(new EnvelopeProblem("age-bad-stanza", "stanza " + stanza.number() + " (" + stanza.type() + "): " + fault,
                        fileLines ? stanza.line() : null));
            }
        }
        boolean hasScrypt = stanzas.stream().anyMatch(s -> s.type().equals("scrypt"));
        if (hasScrypt && stanzas.size() > 1) {
            // A passphrase file must not also open with a key: age refuses the mix.
            problems.add(new EnvelopeProblem("age-bad-stanza", "an scrypt stanza must be the only stanza in the header", null));
        }
        return problems;
    }

    private static String shapeFault(AgeStanza s) {
        switch (s.type()) {
            case "X25519":
                return firstFault(argCount(s, 1), arg(s, 0, "share", 32), body(s));
            case "scrypt":
                return firstFault(argCount(s, 2), arg(s, 0, "salt", 16), workFactor(s), body(s));
            case "mlkem768x25519":
                return firstFault(argCount(s, 1), arg(s, 0, "enc", 1120), body(s));
            case "p256tag":
                return firstFault(argCount(s, 2), arg(s, 0, "tag", 4), arg(s, 1, "enc", 65), body(s));
            case "mlkem768p256tag":
                return firstFault(argCount(s, 2), arg(s, 0, "tag", 4), arg(s, 1, "enc", 1153), body(s));
            case "ssh-ed25519":
                return firstFault(argCount(s, 2), arg(s, 0, "tag", 4), arg(s, 1, "share", 32), body(s));
            case "ssh-rsa":
                return firstFault(argCount(s, 1), arg(s, 0, "tag", 4),
                        RSA_MODULUS_BYTES.contains(s.body().length) ? null
                                : "body is " + s.body().length + " bytes; an RSA-OAEP body is 256, 384 or 512 bytes");
            default:
                return null;
        }
    }

    private static String firstFault(String... faults) {
        for (String f : faults) {
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static String argCount(AgeStanza s, int expected) {
        return s.args().size() == expected ? null
                : "has " + s.args().size() + " arguments after the type; expected " + expected;
    }

    private static String arg(AgeStanza s, int index, String name, int bytes) {
        if (index >= s.args().size()) {
            return null; // already reported by argCount
        }
        byte[] decoded = Base64Canonical.decodeUnpadded(s.args().get(index));
        if (decoded == null) {
            return name + " is not canonical unpadded base64";
        }
        return decoded.length == bytes ? null : name + " is " + decoded.length + " bytes; must be " + bytes;
    }

    private static String workFactor(AgeStanza s) {
        if (s.args().size() < 2) {
            return null;
        }
        String w = s.args().get(1);
        boolean digits = !w.isEmpty() && w.charAt(0) >= '1' && w.charAt(0) <= '9'
                && w.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits) {
            return "work factor is not a decimal number without leading zeros";
        }
        if (w.length() > 2 || Integer.parseInt(w) > MAX_SCRYPT_WORK_FACTOR) {
            return "work factor is out of range (1.." + MAX_SCRYPT_WORK_FACTOR + ")";
        }
        return null;
    }

    private static String body(AgeStanza s) {
        return s.body().length == WRAPPED_FILE_KEY ? null
                : "body is " + s.body().length + " bytes; a wrapped file key is 32";
    }
}
