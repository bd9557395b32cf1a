package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the secrets paths are, as a user writes them in .leakgate.yaml: end to end through the CLI. */
class ScanPolicyTest {
    @TempDir
    Path dir;

    /** A file under secrets/ that is no envelope: only the envelope check can report it. */
    private void plaintextSecretsFile(String path) throws Exception {
        Path f = dir.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "wireguard:\n  listen_port: 51820\n  peer: db.internal\n");
    }

    private static List<String> findings(Cli r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : Json.parse(r).get("findings")) {
            out.add(f.get("path").asText() + " " + f.get("ruleId").asText());
        }
        return out;
    }

    @Test
    void doubleStarSlashCoversATopLevelSecretsFolder() throws Exception {
        Files.writeString(dir.resolve(".leakgate.yaml"), "secretsPaths: ['**/secrets/**']\n");
        plaintextSecretsFile("secrets/wg.yaml");
        plaintextSecretsFile("hosts/web01/secrets/db.yaml");
        Cli r = Cli.run("scan", dir.toString(), "--format", "json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(findings(r)).containsExactlyInAnyOrder("secrets/wg.yaml envelope-invalid",
                "hosts/web01/secrets/db.yaml envelope-invalid");
    }

    @Test
    void aFolderPatternCoversEverythingBelowItAndBangTakesAFileOut() throws Exception {
        Files.writeString(dir.resolve(".leakgate.yaml"), "secretsPaths: ['secrets', '!secrets/secrets.nix']\n");
        plaintextSecretsFile("hosts/web01/secrets/db.yaml");
        plaintextSecretsFile("secrets/secrets.nix");
        Cli r = Cli.run("scan", dir.toString(), "--format", "json");
        assertThat(findings(r)).containsExactly("hosts/web01/secrets/db.yaml envelope-invalid");
    }

    @Test
    void aYamlAliasInTheConfigIsExitTwoNotASilentlyDroppedSecretsPath() throws Exception {
        Files.writeString(dir.resolve(".leakgate.yaml"), "x-paths: &main 'secrets/**'\nsecretsPaths: [*main]\n");
        plaintextSecretsFile("secrets/wg.yaml");
        Cli r = Cli.run("scan", dir.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("leakgate: ").contains("aliases are not supported").doesNotContain("\n");
    }

    @Test
    void aSecondYamlDocumentInTheConfigIsExitTwoNotIgnored() throws Exception {
        Files.writeString(dir.resolve(".leakgate.yaml"), "disable: [wifi-psk]\n---\nsecretsPaths: ['vault/**']\n");
        plaintextSecretsFile("vault/wg.yaml");
        Cli r = Cli.run("scan", dir.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("leakgate: ").contains("more than one YAML document").doesNotContain("\n");
    }

    @Test
    void aConfigThatIsNotUtf8IsExitTwoInOneLine() throws Exception {
        Files.write(dir.resolve(".leakgate.yaml"), "allow:\n  paths: ['caf\u00e9/**']\n".getBytes(StandardCharsets.ISO_8859_1));
        Cli r = Cli.run("scan", dir.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("leakgate: " + dir.resolve(".leakgate.yaml") + ": not valid UTF-8 (line 2): save the config as UTF-8");
    }
}
