package dev.leakgate.envelope;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Builds age files byte by byte, so each grammar rule can be tested one change at a time. */
final class AgeSamples {
    static final String VERSION = "age-encryption.org/v1\n";

    private AgeSamples() {
    }

    static String b64(int bytes) {
        return b64(filled(bytes));
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] filled(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 3);
        }
        return b;
    }

    /** A stanza body wrapped the age way: 64-column lines, then a short (possibly empty) last line. */
    static String body(int bytes) {
        String all = b64(bytes);
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (all.length() - i >= 64) {
            sb.append(all, i, i + 64).append('\n');
            i += 64;
        }
        return sb.append(all.substring(i)).append('\n').toString();
    }

    static String stanza(String typeAndArgs, int bodyBytes) {
        return "-> " + typeAndArgs + "\n" + body(bodyBytes);
    }

    static String x25519() {
        return stanza("X25519 " + b64(32), 32);
    }

    static String mac() {
        return "--- " + b64(32) + "\n";
    }

    /** Header text + a nonce + one chunk sealing {@code plaintext} bytes. */
    static byte[] file(String stanzas, int plaintext) {
        return withPayload(VERSION + stanzas + mac(), 16 + plaintext + 16);
    }

    static byte[] withPayload(String header, long payloadBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[(int) payloadBytes]);
        return out.toByteArray();
    }

    static byte[] armor(byte[] binary, String eol) {
        String all = Base64.getEncoder().encodeToString(binary);
        List<String> lines = new ArrayList<>();
        lines.add(AgeArmor.BEGIN);
        for (int i = 0; i < all.length(); i += 64) {
            lines.add(all.substring(i, Math.min(all.length(), i + 64)));
        }
        lines.add(AgeArmor.END);
        return (String.join(eol, lines) + eol).getBytes(StandardCharsets.US_ASCII);
    }
}
