package dev.leakgate.detect;

import static dev.leakgate.detect.TestSecrets.alnum;
import static dev.leakgate.detect.TestSecrets.b64;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ValidatorsTest {
    private static String seg(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String sig() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(TestSecrets.randomBytes(32));
    }

    @Test
    void jwtNeedsJsonHeaderWithAlgAndASignature() {
        String header = seg("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = seg("{\"sub\":\"" + alnum(8) + "\"}");
        assertThat(Jwt.valid(header + "." + payload + "." + sig())).as("signed JWT").isTrue();
        assertThat(Jwt.valid(header + "." + payload + ".")).as("HS256 without signature").isFalse();
        assertThat(Jwt.valid(seg("{\"alg\":\"none\"}") + "." + payload + ".")).as("alg none, empty signature").isTrue();
        assertThat(Jwt.valid(seg("{\"typ\":\"JWT\"}") + "." + payload + "." + sig())).as("no alg").isFalse();
        assertThat(Jwt.valid("eyJ" + alnum(20) + ".eyJ" + alnum(20) + "." + sig())).as("random eyJ segments").isFalse();
    }

    @Test
    void jweNeedsEnc() {
        String key = sig();
        String jwe = seg("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + "." + key + "." + sig() + "." + sig() + "." + sig();
        assertThat(Jwt.valid(jwe)).as("JWE").isTrue();
        String noEnc = seg("{\"alg\":\"RSA-OAEP\"}") + "." + key + "." + sig() + "." + sig() + "." + sig();
        assertThat(Jwt.valid(noEnc)).as("five segments without enc").isFalse();
    }

    @Test
    void base64UserPass() {
        assertThat(Base64Credentials.userPass(b64("deploy:" + alnum(16)))).as("user:password").isTrue();
        assertThat(Base64Credentials.userPass(b64("deploy" + alnum(16)))).as("no colon").isFalse();
        assertThat(Base64Credentials.userPass(b64(":" + alnum(16)))).as("empty user").isFalse();
        assertThat(Base64Credentials.userPass(Base64.getEncoder().encodeToString(TestSecrets.randomBytes(24))))
                .as("binary").isFalse();
    }

    @Test
    void base64PrivateKeyNeedsAPrivateKeyLabelAndBody() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(TestSecrets.randomBytes(200));
        assertThat(Base64Credentials.privateKey(b64("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n")))
                .as("PKCS#8").isTrue();
        assertThat(Base64Credentials.privateKey(b64("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n")))
                .as("certificate").isFalse();
    }

    @Test
    void genericEntropyFloorDependsOnTheAlphabet() {
        // A random 32-hex value below 3.5 bits/char: about one in five genuine hex secrets look like this.
        java.util.Random random = new java.util.Random(7);
        String hex;
        do {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 32; i++) {
                sb.append("0123456789abcdef".charAt(random.nextInt(16)));
            }
            hex = sb.toString();
        } while (Entropy.shannon(hex) >= 3.5 || Entropy.shannon(hex) < 3.0);
        assertThat(GenericEntropy.valid(hex)).as("32 hex digits between 3.0 and 3.5 bits").isTrue();
        assertThat(GenericEntropy.valid(hex.substring(0, 31))).as("31 hex digits get the 3.5 floor")
                .isEqualTo(Entropy.shannon(hex.substring(0, 31)) >= 3.5);
        assertThat(GenericEntropy.valid("abababababababab1212")).as("low-entropy alnum").isFalse();
        assertThat(GenericEntropy.valid(alnum(24))).as("random alnum").isTrue();
    }

    @Test
    void everyValidatorNamedByARuleExists() {
        assertThat(Validators.names()).as("validator names")
                .contains("jwt", "base64-jwt", "base64-userpass", "base64-private-key", "bech32", "crc32-base62", "generic-entropy");
    }
}
