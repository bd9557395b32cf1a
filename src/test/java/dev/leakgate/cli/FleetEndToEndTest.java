package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet policy end to end: a sops-nix style repository scanned as a user would, findings
 * checked exactly (rule, path, line), decoys checked by their absence from the exact list.
 */
class FleetEndToEndTest {
    @TempDir
    Path repo;

    /** What the public surface of the fleet leaks, wherever .sops.yaml is kept. */
    static List<String> publicSurfaceLeaks() {
        return List.of(
                "age-recipient hosts/db01/key.txt:2",
                "age-secret-key hosts/db01/key.txt:3",
                "ssh-public-key hosts/db01/default.nix:" + Fleet.line(Fleet.DB01, "ssh-ed25519"),
                "wireguard-key hosts/db01/default.nix:" + Fleet.line(Fleet.DB01, "privateKey ="),
                "nix-cache-public-key hosts/web01/default.nix:" + Fleet.line(Fleet.WEB01, "nix-cache.fleet.internal-1"));
    }

    /** What is wrong under secrets/: files that are no envelope, or leave a value in clear. */
    static List<String> envelopeDefects(String prefix) {
        return List.of(
                "envelope-invalid " + prefix + "secrets/leaky.yaml:1",
                "envelope-invalid " + prefix + "secrets/plain.yaml",
                "envelope-invalid " + prefix + "secrets/truncated.age");
    }

    /** secrets/db01.yaml is encrypted to 2 age + 2 pgp recipients; its creation rule lists 1 of them. */
    static List<String> drift(String prefix) {
        return List.of(
                "sops-recipient-drift " + prefix + "secrets/db01.yaml",
                "sops-recipient-drift " + prefix + "secrets/db01.yaml",
                "sops-recipient-drift " + prefix + "secrets/db01.yaml");
    }

    static final List<String> SOPS_YAML_INVENTORY = List.of(
            "age-recipient .sops.yaml:2",
            "age-recipient .sops.yaml:3",
            "pgp-fingerprint-list .sops.yaml:4",
            "pgp-fingerprint-list .sops.yaml:5");

    private static List<String> sorted(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        all.sort(null);
        return all;
    }

    @Test
    void scanReportsExactlyThePlantedLeaksAndNoDecoy() {
        Fleet.build(repo, true);
        FleetCli.Result r = FleetCli.inProcess("scan", repo.toString(), "--format", "json");
        assertThat(r.err()).isEmpty();
        assertThat(r.findings()).containsExactlyElementsOf(
                sorted(publicSurfaceLeaks(), SOPS_YAML_INVENTORY, envelopeDefects(""), drift("")));
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aSopsYamlKeptOutsideTheRepositoryLeavesNoInventoryBehind() throws Exception {
        Path repoDir = Files.createDirectory(repo.resolve("fleet"));
        Fleet.build(repoDir, false);
        Fleet.write(repo, "ops/.sops.yaml", Fleet.SOPS_YAML);
        FleetCli.Result r = FleetCli.inProcess("scan", repoDir.toString(), "--sops-config", repo.resolve("ops/.sops.yaml").toString(), "--format", "json");
        assertThat(r.err()).isEmpty();
        assertThat(r.findings()).containsExactlyElementsOf(sorted(publicSurfaceLeaks(), envelopeDefects(""), drift("")));
    }

    @Test
    void theConfigNamesTheSopsConfigAndTheSecretsPaths() throws Exception {
        Path repoDir = Files.createDirectory(repo.resolve("fleet"));
        Fleet.build(repoDir, false);
        Fleet.write(repo, "ops/.sops.yaml", Fleet.SOPS_YAML);
        // db01's files move out of the secrets paths: key.txt is then no longer on the public surface.
        Fleet.write(repoDir, ".leakgate.yaml", """
                secretsPaths: ['secrets/**', 'hosts/*/key.txt']
                publicSurface: ['hosts/**', 'flake.*']
                sopsConfig: ../ops/.sops.yaml
                disable: [wireguard-key]
                allow:
                  paths: ['secrets/truncated.age']
                """);
        FleetCli.Result r = FleetCli.inProcess("scan", repoDir.toString(), "--format", "json");
        assertThat(r.err()).isEmpty();
        assertThat(r.findings()).containsExactlyElementsOf(sorted(
                List.of("ssh-public-key hosts/db01/default.nix:" + Fleet.line(Fleet.DB01, "ssh-ed25519"),
                        "nix-cache-public-key hosts/web01/default.nix:" + Fleet.line(Fleet.WEB01, "nix-cache.fleet.internal-1"),
                        // With its specific rule disabled, the WireGuard key is still a generic secret.
                        "generic-api-key hosts/db01/default.nix:" + Fleet.line(Fleet.DB01, "privateKey ="),
                        // Under a secrets path the identity file must be an envelope: reported once, as not
                        // one (the validator blames line 1, where parsing it as a sops binary store fails).
                        "envelope-invalid hosts/db01/key.txt:1",
                        "envelope-invalid secrets/leaky.yaml:1",
                        "envelope-invalid secrets/plain.yaml"),
                drift("")));

        Fleet.write(repoDir, ".leakgate.yaml", "sopsConfig: ../nowhere/.sops.yaml\n");
        FleetCli.Result missing = FleetCli.inProcess("scan", repoDir.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("leakgate: sopsConfig: ").endsWith(".sops.yaml: no such file")
                .doesNotContain("\n");
    }

    @Test
    void envelopeChecksEveryFileUnderTheGivenFolders() {
        Fleet.build(repo, true);
        FleetCli.Result r = FleetCli.run(repo, "envelope", "secrets", "--format", "json");
        assertThat(r.err()).isEmpty();
        assertThat(r.findings()).containsExactlyElementsOf(sorted(envelopeDefects(""), drift("")));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().get("stats").get("targets").asInt()).isEqualTo(9);
    }

    @Test
    void envelopeExitsZeroWhenEveryFileIsAValidEnvelope() {
        Fleet.build(repo, true);
        FleetCli.Result r = FleetCli.run(repo, "envelope", "secrets/web01.yaml", "secrets/app.yaml", "secrets/wg-web01.age",
                "secrets/backup.age", "secrets/hosts");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("0 findings in 5 targets");
        assertThat(r.exit()).isZero();
    }

    @Test
    void envelopeRefusesToPassAFileItDidNotRead() {
        Fleet.build(repo, true);
        FleetCli.Result r = FleetCli.inProcess("envelope", repo.resolve("secrets/web01.yaml").toString(), "--max-file-size", "100");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().strip()).isEqualTo(
                "leakgate: 1 file(s) larger than --max-file-size were not checked; raise the limit to check them");
        FleetCli.Result missing = FleetCli.inProcess("envelope", repo.resolve("secrets/nope.age").toString());
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err().strip()).startsWith("leakgate: cannot read ").doesNotContain("\n");
    }

    @Test
    void envelopeFindingsSayWhyWithoutAValue() {
        Fleet.build(repo, true);
        FleetCli.Result r = FleetCli.run(repo, "envelope", "secrets/leaky.yaml", "secrets/plain.yaml", "secrets/truncated.age");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("secrets/leaky.yaml:1  envelope/envelope-invalid  plaintext-value: plaintext value at key path test_key")
                .contains("secrets/plain.yaml  envelope/envelope-invalid  missing-metadata: ")
                .contains("secrets/truncated.age  envelope/envelope-invalid  age-")
                .doesNotContain("Wq8rT2zLp5Nv9XcK");
    }

    @Test
    void driftNamesRecipientsOnlyByAShortHashBothWays() {
        Fleet.build(repo, false);
        // app.yaml is encrypted to age1yt3...; the rule swaps in another recipient for it.
        Fleet.write(repo, "ops/sops.yaml", """
                creation_rules:
                  - path_regex: ^secrets/app\\.yaml$
                    age: age1a8pk4akrdamj7nvqy3zywgtny8dxz7t5xzu7u8v9mhrayp9freqsqatyrs
                  - path_regex: ^secrets/web01\\.yaml$
                    age: >-
                      age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw,
                      age1a8pk4akrdamj7nvqy3zywgtny8dxz7t5xzu7u8v9mhrayp9freqsqatyrs
                    pgp: 7FB89715AADA920D65D25E63F9BA9DEBD03F57C0,2504791468B153B8A3963CC97BA53D1919C5DFD4
                """);
        FleetCli.Result r = FleetCli.run(repo, "envelope", "secrets/app.yaml", "secrets/web01.yaml", "secrets/db01.yaml",
                "--sops-config", "ops/sops.yaml", "--format", "json");
        List<String> messages = new ArrayList<>();
        r.json().get("findings").forEach(f -> {
            assertThat(f.get("ruleId").asText()).isEqualTo("sops-recipient-drift");
            assertThat(f.get("kind").asText()).isEqualTo("envelope");
            assertThat(f.has("line")).isTrue();
            assertThat(f.get("line").isNull()).isTrue();
            messages.add(f.get("path").asText() + " " + f.get("description").asText());
        });
        // db01.yaml matches no rule of this file: not a drift finding.
        assertThat(messages).containsExactlyInAnyOrder(
                "secrets/app.yaml encrypted to a recipient the creation rule does not list: "
                        + shortHash("age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw") + " (age) (creation rule 1)",
                "secrets/app.yaml missing recipient listed by creation rule: "
                        + shortHash("age1a8pk4akrdamj7nvqy3zywgtny8dxz7t5xzu7u8v9mhrayp9freqsqatyrs") + " (age) (creation rule 1)");
        assertThat(r.out()).doesNotContain("age1yt3tfq", "age1a8pk4a");
        assertThat(r.exit()).isEqualTo(1);
    }

    private static String shortHash(String recipient) throws RuntimeException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(recipient.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSopsYamlInASubfolderSeesPathsRelativeToItAsSopsDoes() {
        Fleet.copy(Fleet.SOPS_NIX_SECRETS, repo, "nixos/secrets/db01.yaml");
        Fleet.copy(Fleet.SOPS_NIX_SECRETS, repo, "nixos/secrets/web01.yaml");
        Fleet.write(repo, "nixos/.sops.yaml", Fleet.SOPS_YAML.replace("path_regex: secrets/", "path_regex: ^secrets/"));
        Fleet.write(repo, ".leakgate.yaml", """
                secretsPaths: ['nixos/secrets/**']
                sopsConfig: nixos/.sops.yaml
                allow: {paths: ['nixos/.sops.yaml']}
                """);
        FleetCli.Result r = FleetCli.inProcess("scan", repo.toString(), "--format", "json");
        assertThat(r.err()).isEmpty();
        assertThat(r.findings()).containsExactly(
                "sops-recipient-drift nixos/secrets/db01.yaml",
                "sops-recipient-drift nixos/secrets/db01.yaml",
                "sops-recipient-drift nixos/secrets/db01.yaml");
    }

    @Test
    void aBrokenSopsConfigIsAConfigError() {
        Fleet.build(repo, false);
        Fleet.write(repo, "bad.yaml", "creation_rules: {path_regex: x}\n");
        FleetCli.Result r = FleetCli.inProcess("envelope", repo.resolve("secrets").toString(), "--sops-config", repo.resolve("bad.yaml").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").endsWith("bad.yaml: .sops.yaml creation_rules is not a list");
        FleetCli.Result missing = FleetCli.inProcess("scan", repo.toString(), "--sops-config", repo.resolve("nope.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("leakgate: --sops-config: ").endsWith("nope.yaml: no such file");
    }

    @Test
    void sarifNamesTheEnvelopeRules() {
        Fleet.build(repo, true);
        FleetCli.Result r = FleetCli.inProcess("envelope", repo.resolve("secrets/plain.yaml").toString(), "--format", "sarif");
        JsonNode run = r.json().get("runs").get(0);
        List<String> ids = new ArrayList<>();
        run.get("tool").get("driver").get("rules").forEach(n -> ids.add(n.get("id").asText()));
        // Only the rules that fired are listed.
        assertThat(ids).containsExactly("envelope-invalid");
        assertThat(run.get("results").get(0).get("ruleId").asText()).isEqualTo("envelope-invalid");
        assertThat(run.get("results").get(0).get("ruleIndex").asInt()).isEqualTo(ids.indexOf("envelope-invalid"));
        FleetCli.Result scan = FleetCli.inProcess("scan", repo.resolve("hosts").toString(), "--format", "sarif");
        List<String> scanIds = new ArrayList<>();
        scan.json().get("runs").get(0).get("tool").get("driver").get("rules").forEach(n -> scanIds.add(n.get("id").asText()));
        java.util.Set<String> fired = new java.util.TreeSet<>();
        scan.json().get("runs").get(0).get("results").forEach(n -> fired.add(n.get("ruleId").asText()));
        assertThat(scanIds).contains("age-recipient", "wireguard-key").doesNotContain("envelope-invalid", "github-pat");
        assertThat(new java.util.TreeSet<>(scanIds)).isEqualTo(fired);
        assertThat(FleetCli.inProcess("rules", "list").out())
                .contains("envelope-invalid\tenvelope\t", "sops-recipient-drift\tenvelope\t");
    }

    @Test
    void noOutputFormatShowsAPlantedValue() {
        Fleet.build(repo, true);
        for (String format : List.of("text", "json", "sarif", "junit")) {
            FleetCli.Result r = FleetCli.inProcess("scan", repo.toString(), "--format", format);
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out() + r.err()).doesNotContain("Wq8rT2zLp5Nv9XcK", "j7IskiFrU+ISIr6LQEJ6ovQbtHksNObzyL9eUZdSc5c",
                    "HT80LMH7ALKYSP63DTA6VHJEMMG2SPYQM0DK6JW3LTVXCDQKPNTQ83LSPL", "AAAAC3NzaC1lZDI1NTE5AAAAILQnWegqClPPk8AcEdXX6aiweOGNZPQp",
                    "age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw", "7FB89715AADA920D65D25E63F9BA9DEBD03F57C0",
                    "MRJwVuLhqzlPukqEYLJR7mC57b4TxWQIeHJoiBg4vI0");
        }
    }
}
