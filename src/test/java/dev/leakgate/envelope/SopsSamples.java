package dev.leakgate.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds sops files that are structurally what sops writes, with made-up (not decryptable) ciphertext. */
final class SopsSamples {
    static final String RECIPIENT = "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqtestonly";

    private SopsSamples() {
    }

    static String b64(int bytes) {
        return Base64.getEncoder().encodeToString(AgeSamples.filled(bytes));
    }

    static String enc(int dataBytes, String type) {
        return "ENC[AES256_GCM,data:" + b64(dataBytes) + ",iv:" + b64(32) + ",tag:" + b64(16) + ",type:" + type + "]";
    }

    static String str() {
        return enc(6, "str");
    }

    static String comment() {
        return enc(9, "comment");
    }

    /** An armored age file whose payload carries {@code plaintext} bytes (32 for a data key). */
    static String ageEnc(int plaintext) {
        return new String(AgeSamples.armor(AgeSamples.file(AgeSamples.x25519(), plaintext), "\n"), StandardCharsets.US_ASCII);
    }

    static String indent(String text, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            sb.append(prefix).append(line).append('\n');
        }
        return sb.toString();
    }

    /** A YAML sops file: the given data, one age key source, and extra metadata lines (4-space indented). */
    static String yaml(String data, String extraMetadata) {
        return data
                + "sops:\n"
                + "    age:\n"
                + "        - recipient: " + RECIPIENT + "\n"
                + "          enc: |\n"
                + indent(ageEnc(32), "            ")
                + "    lastmodified: \"2026-06-01T12:00:00Z\"\n"
                + "    mac: " + enc(128, "str") + "\n"
                + extraMetadata
                + "    version: 3.10.2\n";
    }

    static EnvelopeResult checkYaml(String text) {
        return EnvelopeValidator.check("secrets/test.yaml", text.getBytes(StandardCharsets.UTF_8));
    }
}
