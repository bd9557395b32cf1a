package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.leakgate.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * sops files that passed `envelope` although what sops would use of them is in clear or not what was
 * checked (issue 9): a file whose own rule exempts every value, a secret used as a key name, an alias bomb,
 * and a duplicated key.
 */
class SopsEnvelopeExactnessTest {
    private static final Path REAL = Path.of("test-fixtures/sops/real/sops-nix/pkgs/sops-install-secrets/test-assets/secrets.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The metadata of a real sops file (age + pgp key sources), as sops wrote it. */
    private static ObjectNode realMetadata() throws Exception {
        JsonNode doc = new YAMLMapper().readTree(REAL.toFile());
        return (ObjectNode) doc.get("sops").deepCopy();
    }

    /** The metadata as a YAML block under a top-level 'sops' key. */
    private static String yamlMetadata(ObjectNode meta) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.set("sops", meta);
        return new YAMLMapper().writeValueAsString(root).replaceFirst("^---\n", "");
    }

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve("secrets").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private Cli envelope(String format, String... more) {
        List<String> args = new ArrayList<>(List.of("envelope", dir.resolve("secrets").toString(), "--format", format));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static List<String> reasons(Cli r) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(r.out()).get("findings")) {
            out.add(f.get("description").asText().split(":", 2)[0]);
        }
        return out;
    }

    @Test
    void aFileWhoseOwnRuleExemptsEveryValueIsReportedInEveryStore() throws Exception {
        String pw = Tokens.password();
        ObjectNode meta = realMetadata();
        meta.remove("unencrypted_suffix");

        ObjectNode yamlMeta = meta.deepCopy().put("unencrypted_regex", ".*");
        write("db.yaml", "db_password: " + pw + "\ndb_host: db.internal\n" + yamlMetadata(yamlMeta));

        ObjectNode jsonDoc = JSON.createObjectNode().put("db_password", pw);
        jsonDoc.set("sops", meta.deepCopy().put("encrypted_regex", "^$"));
        write("db.json", JSON.writeValueAsString(jsonDoc));

        String env = Files.readString(Path.of("test-fixtures/sops/synthesized/app.env"));
        String clearEnv = env.replaceAll("(?m)^(DATABASE_URL|API_TOKEN|MULTI)=.*$", "$1=" + pw)
                .replaceAll("(?m)^#ENC.*\\n", "")
                .replace("sops_unencrypted_suffix=_unencrypted", "sops_unencrypted_regex=.");
        write("app.env", clearEnv);

        Cli r = envelope("json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        JsonNode findings = JSON.readTree(r.out()).get("findings");
        List<String> got = new ArrayList<>();
        findings.forEach(f -> got.add(Path.of(f.get("path").asText()).getFileName() + " " + f.get("description").asText().split(":", 2)[0]));
        assertThat(got).containsExactlyInAnyOrder("app.env exempts-all-values", "db.json exempts-all-values",
                "db.yaml exempts-all-values");
        r.assertNoSecret(pw);
    }

    @Test
    void aRuleThatExemptsSomeValuesOnlyStillPasses() throws Exception {
        Cli before = Cli.run("envelope", "test-fixtures/sops/synthesized/k8s-secret.encrypted_regex.yaml");
        assertThat(before.exit()).as(before.toString()).isZero();
    }

    @Test
    void aSecretUsedAsAKeyNameIsRedactedInEveryFormat() throws Exception {
        String slack = "xoxb-" + Tokens.random("0123456789", 12) + "-" + Tokens.random("0123456789", 13) + "-"
                + Tokens.random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 24);
        String pat = Tokens.githubPat();
        write("roles.yaml", "tokens:\n    " + slack + ": admin\n    " + pat + ": ci\n    viewer: guest\n"
                + yamlMetadata(realMetadata()));
        for (String format : List.of("text", "json", "sarif", "junit")) {
            Cli r = envelope(format);
            assertThat(r.exit()).as(format).isEqualTo(1);
            r.assertNoSecret(slack, pat, slack.substring(0, 24), pat.substring(0, 16));
            assertThat(r.out()).contains("redacted");
        }
        Cli text = envelope("text");
        assertThat(text.out()).contains("plaintext value at key path tokens.<redacted>")
                .contains("plaintext value at key path tokens.viewer");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aYamlAliasBombIsAnInvalidEnvelopeFoundQuickly() throws Exception {
        // 24 levels of two aliases each: 48 aliases (under SnakeYAML's cap of 50) for 2^24 leaves.
        StringBuilder bomb = new StringBuilder("l0: &l0 [ENC, ENC]\n");
        for (int i = 1; i <= 24; i++) {
            bomb.append('l').append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        }
        write("bomb.yaml", bomb + yamlMetadata(realMetadata()));
        Cli r = envelope("json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(reasons(r)).containsExactly("not-parseable");
        assertThat(r.out()).contains("alias bomb");
    }

    @Test
    void aSopsKeyGivenTwiceIsRefusedInJsonAndYamlAlike() throws Exception {
        // The first copy exempts db_password, the last (the one Go's JSON reader keeps) does not: a gate that
        // believed the first copy passed a plaintext password that sops itself cannot even decrypt.
        String pw = Tokens.password();
        ObjectNode meta = realMetadata();
        meta.remove("unencrypted_suffix");
        String exempting = JSON.writeValueAsString(meta.deepCopy().put("unencrypted_regex", "^db_"));
        String normal = JSON.writeValueAsString(realMetadata());
        write("db.json", "{\n\"sops\": " + exempting + ",\n\"db_password\": \"" + pw + "\",\n\"sops\": " + normal + "\n}\n");
        String yamlExempting = yamlMetadata(meta.deepCopy().put("unencrypted_regex", "^db_"));
        write("db.yaml", yamlExempting + "db_password: " + pw + "\n" + yamlMetadata(realMetadata()));

        Cli r = envelope("json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        List<String> got = new ArrayList<>();
        JSON.readTree(r.out()).get("findings").forEach(f -> got.add(Path.of(f.get("path").asText()).getFileName() + " "
                + f.get("description").asText().split(":", 2)[0]));
        assertThat(got).containsExactlyInAnyOrder("db.json duplicate-key", "db.yaml duplicate-key");
        assertThat(r.out()).contains("key sops appears twice");
        r.assertNoSecret(pw);
    }
}
