package dev.leakgate.envelope;

import java.util.Set;

/**
 * The {@code ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]} form sops writes for every encrypted value, checked
 * for what can be seen without the data key: field order, base64, iv and tag sizes, a known type.
 *
 * @param dataBytes length of the ciphertext, which GCM keeps equal to the plaintext's
 */
record SopsEncValue(String type, int dataBytes) {
    static final String PREFIX = "ENC[";
    static final Set<String> VALUE_TYPES = Set.of("str", "int", "float", "bool", "bytes", "time");
    static final String COMMENT_TYPE = "comment";
    private static final int IV_BYTES = 32;
    private static final int TAG_BYTES = 16;

    /** Why a string is not a well-formed ENC value; the detail never repeats any of it. */
    static final class Fault extends Exception {
        final String reason;

        Fault(String reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    /** The fields of a well-formed ENC value, decoded, for a check that holds the data key. */
    record Sealed(byte[] data, byte[] iv, byte[] tag, String type) {
    }

    /** @throws Fault when {@code text} is not a well-formed ENC value */
    static Sealed sealed(String text) throws Fault {
        SopsEncValue checked = parse(text);
        String[] parts = text.stripTrailing().substring(PREFIX.length(), text.stripTrailing().length() - 1).split(",", -1);
        return new Sealed(decode(field(parts[1], "data"), "data"), decode(field(parts[2], "iv"), "iv"),
                decode(field(parts[3], "tag"), "tag"), checked.type());
    }

    static boolean looksEncrypted(String text) {
        return text.startsWith(PREFIX);
    }

    static SopsEncValue parse(String text) throws Fault {
        // A block scalar ('|') keeps a final newline; sops reads past it, so only trailing whitespace is allowed.
        String s = text.stripTrailing();
        if (!s.startsWith(PREFIX) || !s.endsWith("]")) {
            throw new Fault("enc-malformed", "ENC value is not closed by ']'");
        }
        String[] parts = s.substring(PREFIX.length(), s.length() - 1).split(",", -1);
        if (parts.length != 5) {
            throw new Fault("enc-malformed", "ENC value does not have the five fields cipher,data,iv,tag,type");
        }
        if (!parts[0].equals("AES256_GCM")) {
            throw new Fault("enc-malformed", "ENC cipher is not AES256_GCM");
        }
        String data = field(parts[1], "data");
        String iv = field(parts[2], "iv");
        String tag = field(parts[3], "tag");
        String type = field(parts[4], "type");
        if (data.isEmpty()) {
            throw new Fault("enc-empty-data", "ENC data is empty (sops never encrypts an empty value)");
        }
        byte[] dataBytes = decode(data, "data");
        byte[] ivBytes = decode(iv, "iv");
        byte[] tagBytes = decode(tag, "tag");
        if (ivBytes.length != IV_BYTES) {
            throw new Fault("enc-bad-iv-length", "ENC iv is " + ivBytes.length + " bytes; sops writes 32");
        }
        if (tagBytes.length != TAG_BYTES) {
            throw new Fault("enc-bad-tag-length", "ENC tag is " + tagBytes.length + " bytes; a GCM tag is 16");
        }
        if (type.isEmpty()) {
            throw new Fault("enc-bad-type", "ENC type is empty");
        }
        return new SopsEncValue(type, dataBytes.length);
    }

    /** As the value of a key or list item: a value type, and a bool that can only be True or False. */
    void checkAsValue() throws Fault {
        if (type.equals(COMMENT_TYPE)) {
            throw new Fault("enc-bad-type", "ENC type comment is only valid for comments");
        }
        if (!VALUE_TYPES.contains(type)) {
            throw new Fault("enc-bad-type", "ENC type is not a sops value type (str, int, float, bool, bytes, time)");
        }
        if (type.equals("bool") && dataBytes != 4 && dataBytes != 5) {
            throw new Fault("enc-malformed", "bool ENC data is " + dataBytes + " bytes; True or False is 4 or 5");
        }
    }

    void checkAsComment() throws Fault {
        if (!type.equals(COMMENT_TYPE)) {
            throw new Fault("enc-bad-type", "encrypted comment is not of ENC type comment");
        }
    }

    private static String field(String part, String name) throws Fault {
        if (!part.startsWith(name + ":")) {
            throw new Fault("enc-malformed", "ENC field '" + name + "' missing or out of order");
        }
        return part.substring(name.length() + 1);
    }

    private static byte[] decode(String b64, String name) throws Fault {
        byte[] decoded = Base64Canonical.decodePaddedLenient(b64);
        if (decoded == null) {
            throw new Fault("enc-bad-base64", "ENC " + name + " is not padded base64");
        }
        return decoded;
    }
}
