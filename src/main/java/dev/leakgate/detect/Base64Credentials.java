package dev.leakgate.detect;

import com.google.re2j.Pattern;

/** Validators for credentials that are base64 of something recognisable. */
public final class Base64Credentials {
    private static final Pattern PRIVATE_KEY_PEM = Pattern.compile(
            "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----\\s*(?:[A-Za-z-]+: [^\\n]*\\s+)*[A-Za-z0-9+/=\\s]{50,}");

    private Base64Credentials() {
    }

    /** HTTP Basic / Docker / npm `_auth`: base64 of printable "user:password", both sides non-empty. */
    public static boolean userPass(String run) {
        String text = Base64Text.decodeText(run, 1.0);
        if (text == null) {
            return false;
        }
        int colon = text.indexOf(':');
        return colon > 0 && colon < text.length() - 1 && text.chars().noneMatch(c -> c == '\n' || c == '\r');
    }

    /** A PEM private key block (with a body), base64-encoded once more. */
    public static boolean privateKey(String run) {
        String text = Base64Text.decodeText(run, 0.99);
        return text != null && PRIVATE_KEY_PEM.matcher(text).find();
    }
}
