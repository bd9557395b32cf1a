package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    @ParameterizedTest
    @ValueSource(strings = {"${DB_PASSWORD}", "{{ vault_token }}", "$API_TOKEN", "<your-token>", "%API_KEY%",
            "@TOKEN@", "{0}", "{password}", "#{ApiToken}#", "$(cat /run/secrets/token)", "%(password)s", "%s",
            "[PASSWORD]", "password123", "mypassword", "changeme", "AKIAIOSFODNN7EXAMPLE", "xxxxxxxxxxxxxxxx", "0000000000000000",
            "aaaaaaaaaaaaaaaaaaaaaa", "abcdefghij1234", "Zk81Pq3Lr0Tx123456", "********", "your_api_key_here",
            "user:%s@%s"})
    void documentationShapesArePlaceholders(String value) {
        assertThat(Placeholders.isPlaceholder(value)).as("placeholder").isTrue();
    }

    /** One value per WORDS alternative, inside random text: the cue filter in front of WORDS must let each through, or it is not a placeholder. */
    @ParameterizedTest
    @ValueSource(strings = {"EXAMPLE", "Placeholder", "CHANGE_ME", "changeit", "Dummy", "REDACTED", "sample",
            "your-api", "YOUR_OWN", "insertKey", "replace_with", "put-your", "not_a_real", "Password", "passwd",
            "fake", "XXXX", "****", "...", "\u2026"})
    void eachPlaceholderWordIsFoundInsideARandomValue(String word) {
        String value = "q8Zr" + word + "T5wK";
        assertThat(Placeholders.isPlaceholder(value)).as("placeholder").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${DB}", "{{ x }}", "}}", "$API", "%KEY%", "@TOKEN@", "<your-token>", "a<b c>d", "{0}", "{name}",
            "#{Api}", "$(cat f)", "%(pw)s", "[PASSWORD]"})
    void eachInterpolationShapeIsFoundPastItsCue(String value) {
        assertThat(Placeholders.isPlaceholder(value)).isTrue();
    }

    @Test
    void randomValuesAreNotPlaceholders() {
        for (int i = 0; i < 200; i++) {
            String s = TestSecrets.rawAlnum(24);
            assertThat(Placeholders.isPlaceholder(s)).as("random value #%d", i).isFalse();
        }
    }

    @Test
    void oneFormatVerbInsideALongRandomValueIsNotAFormatString() {
        // Django keys draw from a set with '%' and letters: "%s" occurs by chance in about 1 in 20.
        String key = TestSecrets.alnum(20) + "%s" + TestSecrets.alnum(20);
        assertThat(Placeholders.isPlaceholder(key)).as("random key containing one verb").isFalse();
    }

    @Test
    void freshTokensAreNotPlaceholders() {
        for (int i = 0; i < 50; i++) {
            assertThat(Placeholders.isPlaceholder(dev.leakgate.testing.Tokens.githubPat())).isFalse();
            assertThat(Placeholders.isPlaceholder(dev.leakgate.testing.Tokens.awsAccessKeyId())).isFalse();
        }
    }

    @Test
    void longKeyBodiesWithDerRunsAreNotPlaceholders() {
        String body = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"
                + "QyNTUxOQAAACBHdXo2Zkb1mRl3rcLtiN5XBbQKs9sdZAhQ2m0tWnDoVgAAAJhkR2CBZEdg";
        assertThat(Placeholders.isPlaceholder(body)).isFalse();
    }
}
