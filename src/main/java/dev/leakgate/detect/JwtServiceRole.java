package dev.leakgate.detect;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Supabase project keys are JWTs that differ only in their {@code role} claim: {@code anon} keys
 * are meant to ship in client code, {@code service_role} keys bypass row-level security. Only the
 * payload tells them apart, so the rule decodes it instead of trusting the variable name.
 */
public final class JwtServiceRole {
    private static final Pattern ROLE = Pattern.compile("\"role\"\\s*:\\s*\"service_role\"");

    private JwtServiceRole() {
    }

    public static boolean valid(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return false;
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(stripPadding(parts[1]));
        } catch (IllegalArgumentException e) {
            return false; // not base64url: not a JWT, and the message would quote the input
        }
        return ROLE.matcher(new String(payload, StandardCharsets.UTF_8)).find();
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        return s.substring(0, end);
    }
}
