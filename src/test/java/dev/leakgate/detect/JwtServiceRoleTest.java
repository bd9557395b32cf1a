package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtServiceRoleTest {
    private static final String HEADER = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    private static final String SIGNATURE = "q7Hn2VxR0cLmT9pWz4KsYb1eJf8GdAu6NtEyCiXoZgM";

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String jwt(String payload) {
        return HEADER + "." + b64(payload) + "." + SIGNATURE;
    }

    @Test
    void serviceRoleKeyIsAccepted() {
        assertThat(JwtServiceRole.valid(jwt("{\"iss\":\"supabase\",\"role\":\"service_role\",\"iat\":1700000000}"))).isTrue();
    }

    @Test
    void spacingInTheClaimDoesNotMatter() {
        assertThat(JwtServiceRole.valid(jwt("{\"iss\": \"supabase\", \"role\" : \"service_role\"}"))).isTrue();
    }

    @Test
    void paddedPayloadIsAccepted() {
        String padded = Base64.getUrlEncoder().encodeToString(
                "{\"role\":\"service_role\",\"x\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(padded).endsWith("=");
        assertThat(JwtServiceRole.valid(HEADER + "." + padded + "." + SIGNATURE)).isTrue();
    }

    @Test
    void anonKeyIsRejected() {
        assertThat(JwtServiceRole.valid(jwt("{\"iss\":\"supabase\",\"role\":\"anon\",\"iat\":1700000000}"))).isFalse();
    }

    @Test
    void serviceRoleOutsideTheRoleClaimIsRejected() {
        assertThat(JwtServiceRole.valid(jwt("{\"sub\":\"service_role\",\"role\":\"authenticated\"}"))).isFalse();
    }

    @Test
    void malformedTokensAreRejected() {
        assertThat(JwtServiceRole.valid("")).isFalse();
        assertThat(JwtServiceRole.valid(HEADER + "." + SIGNATURE)).isFalse();
        assertThat(JwtServiceRole.valid(HEADER + "..sig")).isFalse();
        assertThat(JwtServiceRole.valid(HEADER + ".not*base64!." + SIGNATURE)).isFalse();
        assertThat(JwtServiceRole.valid(jwt("{\"role\":\"service_role\"}") + ".extra")).isFalse();
    }
}
