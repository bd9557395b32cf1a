package dev.leakgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.testing.TestSeed;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fingerprints are what baselines and allow lists hold: they must never change. The two PBKDF2
 * implementations (the JDK's, Bouncy Castle's for JVMs without the optimizing compiler) must give
 * the same bytes, and a known secret its known fingerprint.
 */
class FingerprintsTest {
    @Test
    void bothImplementationsGiveTheSameBytesOnRandomSecretsAndSalts() {
        Random random = TestSeed.random("FingerprintsTest");
        for (int i = 0; i < 40; i++) {
            StringBuilder secret = new StringBuilder();
            int n = random.nextInt(60);
            for (int k = 0; k < n; k++) {
                // ASCII mostly, and characters of two, three and four UTF-8 bytes
                int pick = random.nextInt(10);
                secret.appendCodePoint(pick < 7 ? 0x21 + random.nextInt(94) : pick == 7 ? 0xe9 : pick == 8 ? 0x20ac : 0x1f511);
            }
            byte[] salt = ("leakgate/v1/rule-" + i + "/").getBytes(StandardCharsets.UTF_8);
            assertThat(Fingerprints.pbkdf2BouncyCastle(secret.toString(), salt))
                    .as("secret %d, %s", i, TestSeed.replayHint("FingerprintsTest"))
                    .isEqualTo(Fingerprints.pbkdf2Jdk(secret.toString(), salt));
        }
    }

    @Test
    void aKnownSecretKeepsItsFingerprint() {
        // computed once with the JDK's PBKDF2WithHmacSHA256 (10,000 rounds, 128 bits); a change here breaks every baseline
        byte[] salt = "leakgate/v1/generic-password/".getBytes(StandardCharsets.UTF_8);
        String expected = "43920a7ce724a75b2a9d634fa601c50c";
        assertThat(HexFormat.of().formatHex(Fingerprints.pbkdf2Jdk("hunter2-but-longer", salt))).isEqualTo(expected);
        assertThat(HexFormat.of().formatHex(Fingerprints.pbkdf2BouncyCastle("hunter2-but-longer", salt))).isEqualTo(expected);
        assertThat(Fingerprints.of("generic-password", "hunter2-but-longer")).isEqualTo(expected);
    }
}
