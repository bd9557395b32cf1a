package dev.leakgate.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.testing.Tokens;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SopsPathsTest {
    /** Key names as real sops, Kubernetes, NixOS and application files spell them. */
    private static final List<String> NAMES = List.of("db_password", "app2", "an_array", "somelist_unencrypted",
            "anEmptyValue", "awsSecretAccessKeyId", "AWS_SECRET_ACCESS_KEY", "ssh_host_ed25519_key", "tls.crt",
            "app.kubernetes.io/name", "stringData", "DATABASE_URL", "wg0", "foo ", "getHTTPResponse", "ipv6",
            "sha256sum", "DEFAULT", "phoneNumbers", "user@example.com", "x-api-key", "2024-01-01", "10.0.0.1",
            "mysql_root_password", "nixosHostKeyEd25519", "getHTTPResponse2", "webhook-signing-secret", "");

    @Test
    void namesAPersonWroteAreShown() {
        for (String name : NAMES) {
            assertThat(SopsPaths.printable(name)).as(name).isEqualTo(name);
        }
        assertThat(SopsPaths.describe(List.of("app2", "db", "password"))).isEqualTo("key path app2.db.password");
    }

    @Test
    void tokensAndCredentialsUsedAsKeysAreRedacted() {
        List<String> secrets = List.of(Tokens.githubPat(), Tokens.awsAccessKeyId(), Tokens.password(), Tokens.ageIdentity(),
                "xoxb-" + Tokens.random("0123456789", 12) + "-" + Tokens.random("0123456789", 13) + "-"
                        + Tokens.random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 24),
                "postgres://app:hunter2@db.internal:5432/app", "kR7vQ2mZx9Lw4Tp", "Winter2025Password!x7",
                "5f4dcc3b5aa765d61d8327deb882cf99", "kQ3v8ZpLr2Tx9Wm4Yc7Nb1Hd6Sf0Ga5Je8Ku2Pq4Ro=");
        for (String s : secrets) {
            assertThat(SopsPaths.looksLikeName(s)).as("a secret-shaped key is shown").isFalse();
        }
        assertThat(SopsPaths.describe(List.of("tokens", secrets.get(0)))).isEqualTo("key path tokens.<redacted>");
    }

    /** Random base62 of 24 or more is always redacted; from 16 on, the few that read like words are rare. */
    @Test
    void randomBase62KeysOfSixteenOrMoreAreRedacted() {
        long seed = System.nanoTime();
        System.out.println("SopsPathsTest seed " + seed);
        Random random = new Random(seed);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        int shown = 0;
        for (int i = 0; i < 10_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = 16 + random.nextInt(48);
            for (int k = 0; k < length; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (SopsPaths.looksLikeName(sb.toString())) {
                assertThat(length).as("a random key of 24 or more shown (seed " + seed + ")").isLessThan(24);
                shown++;
            }
        }
        // About 1 in 70 of 16..23 characters (1 in 5 of the lengths drawn) has the shape of camelCase words.
        assertThat(shown).as("random keys shown (seed " + seed + ")").isLessThan(100);
    }
}
