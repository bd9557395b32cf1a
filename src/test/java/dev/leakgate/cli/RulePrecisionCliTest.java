package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakgate.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The precision and recall cases of issues 9 and 12, each as a file a user would scan, through the
 * CLI: what real code holds and is no secret gives exit 0, what is a secret gives exit 1 with the
 * rule that names it, and nothing prints the value.
 */
class RulePrecisionCliTest {
    private static final String HEX = "0123456789abcdef";
    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @TempDir
    Path dir;

    static Stream<Arguments> notSecrets() {
        return Stream.of(
                Arguments.of("wincred.c", "static void release(struct token_data *token_data)\n{\n"
                        + "\ttoken_data->client_ref_count++;\n}\n"),
                Arguments.of("Makefile", "contrib/credential/osxkeychain/git-credential-osxkeychain.o: "
                        + "contrib/credential/osxkeychain/git-credential-osxkeychain.c GIT-CFLAGS\n"
                        + "\t$(QUIET_CC)$(CC) -o $@ -c $(ALL_CFLAGS) $<\n"),
                Arguments.of("postfix.nix", "{\n  services.postfix.config = {\n"
                        + "    smtp_sasl_password_maps = \"texthash:/run/secrets/relay-sasl\";\n  };\n}\n"),
                Arguments.of(".gitleaksignore", "Fingerprint: " + Tokens.random(HEX, 40) + ":src/main.go:generic-api-key:12\n"
                        + Tokens.random(HEX, 40) + ":config/app.env:stripe-access-token:3\n"),
                Arguments.of("index.html", "<link rel=\"icon\" href=\"/assets/favicon-ico-" + Tokens.random(HEX, 32) + ".png\">\n"),
                Arguments.of("objects.txt", "cryptopro 14 1 : id-Gost28147-89-None-KeyMeshing\n"
                        + "  gost_key_meshing: id-Gost28147-89-None-KeyMeshing\n"),
                Arguments.of("build.sbt", "    token:jjwt-jackson-0.11.2\n"),
                Arguments.of("stripe.js", "const stripe_publishable_key = \"pk_test_51" + Tokens.random(B64.substring(0, 62), 90) + "\";\n"),
                Arguments.of("dkg_vectors.json", "{\"participants\": [{\"index\": 1, \"secret_share\": \""
                        + Tokens.random(HEX, 64) + "\"}]}\n"),
                Arguments.of("LocalSettings.php", "<?php\n$wgPasswordSender = \"apache@localhost\";\n"),
                Arguments.of("Auth.java", "String header = Password = \"application:\" + appKey;\n"),
                Arguments.of("app.env", "API_KEY=px-api-a1b2c3d4-e5f6-g7h8-i9j0-k1l2m3n4o5p6\n"),
                Arguments.of("claude.env", "ANTHROPIC_API_KEY=sk-ant-api03-abc123xyz-456def789ghi012jkl345mno678pqr901stu234vwx567yz0"
                        + "-AbCdEfGhIjKlMnOpQrStUvWx123456AA\n"),
                Arguments.of("t5000-test.sh", "\tGIT_SIGNING_KEY_0= a7Qx2Lm9Tz4Kp1Vr8Nc3 git commit -S -m msg &&\n"),
                Arguments.of("secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: git\ndata:\n  token: YS1naXQtdG9rZW4=\n"),
                Arguments.of("app.yaml", "app:\n  api_key_file: /run/secrets/api-key\n  client_secret_path: ./secrets/client-secret\n"
                        + "  token: ${{ secrets.DEPLOY_TOKEN }}\n  secret_key: !Ref AppSecretKey\n"
                        + "  db_password: vault:secret/data/db#password\n  admin_password: op://Private/admin/password\n"
                        + "  smtp_password_file: /run/agenix/smtp\n  relay_password_maps: texthash:/run/secrets/relay-sasl\n"),
                Arguments.of("lambda.js", "const names = tokens.map(token => tokenName7Kq2Lm9Xz4);\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notSecrets")
    void realCodeThatHoldsNoSecretPasses(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Cli r = Cli.run("scan", file.toString(), "--format", "json");
        assertThat(rules(r)).as(name).isEmpty();
        assertThat(r.exit()).as(name).isZero();
    }

    static Stream<Arguments> secrets() {
        String fp = Tokens.random("0123456789ABCDEF", 40);
        return Stream.of(
                Arguments.of("SECURITY.md", "Release tags are signed.\n\n- Key fingerprint: `" + fp + "`\n", fp, "pgp-fingerprint"),
                Arguments.of(".env", "DB_PASSWORD='$kR7vQ2mZx9Lw4Tp'\n", "$kR7vQ2mZx9Lw4Tp", "generic-password"),
                Arguments.of("admin.env", "ADMIN_PASSWORD=Winter2025Password!x7\n", "Winter2025Password!x7", "generic-password"),
                Arguments.of("db.tf", "resource \"x\" \"y\" {\n  db_password = \"/kR7vQ2mZx9Lw4Tp\"\n}\n", "/kR7vQ2mZx9Lw4Tp",
                        "generic-password"),
                Arguments.of("main.tf", "provider \"minio\" {\n  minio_secret_key = \"/vJ4Rq8Lm2Xz7Tk1Pw9Nc3Hb6Fd0Gs5Ya8Ue2Wi4\"\n}\n",
                        "/vJ4Rq8Lm2Xz7Tk1Pw9Nc3Hb6Fd0Gs5Ya8Ue2Wi4", "generic-api-key"),
                Arguments.of("config.yml", "service:\n  api_key: \"+Qm4Xr8Tz2Lw7Pv1Ks9Nd3Hb6Jc0Fy5Gt\"\n", "+Qm4Xr8Tz2Lw7Pv1Ks9Nd3Hb6Jc0Fy5Gt",
                        "generic-api-key"),
                Arguments.of("twilio.env", "TWILIO_ACCOUNT_SID=AC" + Tokens.random(HEX, 32) + "\nTWILIO_API_KEY=SK7c1e94b0d25a8f36e4a97d1203bc5f8e\n",
                        "SK7c1e94b0d25a8f36e4a97d1203bc5f8e", "twilio-api-key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void secretsAreFound(String name, String content, String secret, String rule) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Cli r = Cli.run("scan", file.toString(), "--format", "json");
        r.assertNoSecret(secret);
        assertThat(r.exit()).as(name).isEqualTo(1);
        assertThat(rules(r)).as(name).containsExactly(rule);
    }

    /** gpg's listing below a 'pgp' mention: one key, one finding (not one per rule that sees it). */
    @Test
    void aGpgListingIsOneFindingPerKey() throws Exception {
        String fp = Tokens.random("0123456789ABCDEF", 40);
        Path file = dir.resolve("KEYS.md");
        Files.writeString(file, "# Our pgp keys\n\n```\n$ gpg --list-secret-keys\nsec   ed25519 2025-01-12 [SC]\n      " + fp
                + "\nuid           [ultimate] Fleet Admin <admin@example.org>\nssb   cv25519 2025-01-12 [E]\n```\n");
        Cli r = Cli.run("scan", file.toString(), "--format", "json");
        r.assertNoSecret(fp);
        assertThat(rules(r)).containsExactly("pgp-fingerprint");
    }

    /** A Secret manifest's value is reported on its own line, past a short username before it (issue 12). */
    @Test
    void aKubernetesSecretValueIsReportedOnItsLine() throws Exception {
        String value = java.util.Base64.getEncoder().encodeToString(Tokens.password().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path file = dir.resolve("db-secret.yaml");
        Files.writeString(file, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  username: YWRtaW4=\n"
                + "  password: " + value + "\n");
        Cli r = Cli.run("scan", file.toString(), "--format", "json");
        r.assertNoSecret(value);
        JsonNode f = new ObjectMapper().readTree(r.out()).get("findings");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).get("ruleId").asText()).isEqualTo("kubernetes-secret-data");
        assertThat(f.get(0).get("line").asInt()).isEqualTo(8);
    }

    /** A base64 line of an OpenSSH key body with "/EAAA" in it: the key is one finding, not a Square token too. */
    @Test
    void aKeyBodyLineIsNoSquareToken() throws Exception {
        StringBuilder key = new StringBuilder("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE" + Tokens.random(B64, 51) + "\n");
        for (int i = 0; i < 4; i++) {
            key.append(Tokens.random(B64, 70)).append('\n');
        }
        key.append(Tokens.random(B64, 20)).append("/EAAA").append(Tokens.random(B64.substring(0, 62), 30)).append('+')
                .append(Tokens.random(B64, 14)).append('\n');
        key.append(Tokens.random(B64, 30)).append("==\n-----END OPENSSH PRIVATE KEY-----\n");
        Path file = dir.resolve("id_ed25519");
        Files.writeString(file, key.toString());
        Cli r = Cli.run("scan", file.toString(), "--format", "json");
        assertThat(rules(r)).containsExactly("openssh-private-key");
    }

    private static List<String> rules(Cli r) throws Exception {
        JsonNode doc = new ObjectMapper().readTree(r.out());
        List<String> ids = new ArrayList<>();
        doc.get("findings").forEach(f -> ids.add(f.get("ruleId").asText()));
        return ids;
    }
}
