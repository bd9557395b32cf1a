package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakgate.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finding's line and column are those of the secret itself, whatever the pattern matched before
 * it: several rules begin with a delimiter group, which for a secret at a line start is the
 * newline ending the line before.
 */
class FindingPositionsTest {
    @TempDir
    Path dir;

    private Cli scan(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return Cli.run("scan", file.toString(), "--format", "json");
    }

    /** "rule line:column" of each finding, in report order. */
    private static List<String> positions(Cli r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : Json.findings(r)) {
            out.add(f.get("ruleId").asText() + " " + f.get("line").asInt() + ":" + f.get("column").asInt());
        }
        return out;
    }

    @Test
    void sshKeysOnConsecutiveLinesAreEachReportedOnTheirOwnLine() throws Exception {
        String first = Tokens.sshEd25519PublicKey();
        String second = Tokens.sshEd25519PublicKey();
        Cli r = scan("authorized_keys", first + " alice@laptop\n" + second + " bob@desk\n");
        assertThat(r.exit()).as("%s", r).isEqualTo(1);
        assertThat(positions(r)).containsExactly("ssh-public-key 1:1", "ssh-public-key 2:1");
        r.assertNoSecret(first, second);
    }

    @Test
    void theColumnIsTheSecretsNotTheDelimiters() throws Exception {
        String key = Tokens.sshEd25519PublicKey();
        Cli r = scan("users.nix", "{\n  keys = [\n    \"" + key + "\"\n  ];\n}\n");
        assertThat(positions(r)).containsExactly("ssh-public-key 3:6");
        r.assertNoSecret(key);
    }

    @Test
    void thousandsOfKeysAreEachPlacedOnTheirOwnLineAndColumn() throws Exception {
        // Lines and columns come from one walk over the file, not a count from its start per finding.
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            keys.add(Tokens.sshRsaPublicKey(2048));
        }
        StringBuilder content = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int line = 1; line <= 3000; line++) {
            String indent = " ".repeat(line % 7);
            content.append(indent).append(keys.get(line % keys.size())).append(" host-").append(line).append('\n');
            expected.add("ssh-public-key " + line + ":" + (indent.length() + 1));
        }
        Cli r = scan("known_keys", content.toString());
        assertThat(r.exit()).as("exit").isEqualTo(1);
        assertThat(positions(r)).containsExactlyElementsOf(expected);
        r.assertNoSecret(keys.toArray(String[]::new));
    }

    @Test
    void aNixCacheKeyAtALineStartIsReportedOnItsLineNotTheMentionAbove() throws Exception {
        String key = Tokens.nixCachePublicKey("cache.fleet.internal-1");
        Cli r = scan("nix.conf", "# rotate name-1: keys yearly\n" + key + "\n");
        assertThat(r.exit()).as("%s", r).isEqualTo(1);
        assertThat(positions(r)).containsExactly("nix-cache-public-key 2:1");
        r.assertNoSecret(key);
    }
}
