package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {
    @ParameterizedTest
    @ValueSource(strings = {"AKIAIOSFODNN7EXAMPLE", "xxxxxxxxxxxxxxxxxxxxxxxx", "${DB_PASSWORD}", "{{ .Values.token }}",
        "<your-api-key>", "changeme123456", "0000000000000000", "abcdefgh12", "1234567890abcd", "$SECRET_TOKEN",
        "%API_KEY%", "your_api_key_here", "REDACTED_TOKEN_VALUE"})
    void placeholders(String s) {
        assertThat(Placeholders.isPlaceholder(s)).isTrue();
    }

    @Test
    void realRandomTokensAreNotPlaceholders() {
        for (int i = 0; i < 50; i++) {
            assertThat(Placeholders.isPlaceholder(Tokens.githubPat())).isFalse();
            assertThat(Placeholders.isPlaceholder(Tokens.awsAccessKeyId())).isFalse();
        }
    }

    @Test
    void longKeyBodiesWithDerRunsAreNotPlaceholders() {
        String body = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"
                + "QyNTUxOQAAACBHdXo2Zkb1mRl3rcLtiN5XBbQKs9sdZAhQ2m0tWnDoVgAAAJhkR2CBZEdg";
        assertThat(Placeholders.isPlaceholder(body)).isFalse();
    }
}
