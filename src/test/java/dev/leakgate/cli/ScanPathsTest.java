package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakgate.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inside a git work tree, scan and envelope judge every path repository-relative and read the
 * repository's .leakgate.yaml, however the path is named. (Paths relative to the working folder
 * are in ScanPathsIT: only a process of its own has a working folder to set.)
 */
class ScanPathsTest {
    @TempDir
    Path tmp;

    private Path repo;

    @BeforeEach
    void repository() throws Exception {
        repo = tmp.resolve("fleet");
        Files.createDirectories(repo.resolve("secrets"));
        Git.init().setDirectory(repo.toFile()).call().close();
        Files.writeString(repo.resolve("secrets/wg.yaml"), "wireguard:\n  listen_port: 51820\n");
    }

    private static List<String> findings(Cli r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : Json.parse(r).get("findings")) {
            out.add(f.get("path").asText() + " " + f.get("ruleId").asText());
        }
        return out;
    }

    @ParameterizedTest(name = "scan {0}")
    @ValueSource(strings = {"secrets", "secrets/", "secrets/wg.yaml", "./secrets/wg.yaml", "secrets//wg.yaml",
        "./secrets/../secrets/wg.yaml", "secrets/./", "."})
    void aSecretsFileIsASecretsFileHoweverItsPathIsSpelled(String spelling) {
        Cli r = Cli.run("scan", repo + "/" + spelling, "--format", "json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(findings(r)).containsExactly("secrets/wg.yaml envelope-invalid");
    }

    @Test
    void theRepositorysConfigAppliesToAFolderScannedInIt() throws Exception {
        Files.writeString(repo.resolve(".leakgate.yaml"), "secretsPaths: ['vault/**']\n");
        Files.createDirectories(repo.resolve("vault/hosts"));
        Files.writeString(repo.resolve("vault/hosts/db.yaml"), "db:\n  host: db.internal\n");
        Cli r = Cli.run("scan", repo.resolve("vault/hosts").toString(), "--format", "json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(findings(r)).containsExactly("vault/hosts/db.yaml envelope-invalid");
        // secrets/ is no secrets path in this repository
        assertThat(Cli.run("scan", repo.resolve("secrets").toString()).exit()).isZero();
    }

    @Test
    void aLinkedWorkTreeHasItsOwnRoot() throws Exception {
        // A .git file (linked work trees, submodules) marks a work tree as a .git folder does.
        Path linked = tmp.resolve("linked");
        Files.createDirectories(linked.resolve("secrets"));
        Files.writeString(linked.resolve(".git"), "gitdir: " + repo.resolve(".git") + "\n");
        Files.writeString(linked.resolve("secrets/db.yaml"), "db:\n  host: db.internal\n");
        Cli r = Cli.run("scan", linked.resolve("secrets/db.yaml").toString(), "--format", "json");
        assertThat(findings(r)).containsExactly("secrets/db.yaml envelope-invalid");
    }

    @Test
    void envelopeNamesPathsInTheRepositoryAndReadsItsConfig() throws Exception {
        Files.writeString(repo.resolve(".leakgate.yaml"), "allow:\n  paths: ['secrets/legacy/**']\n");
        Files.createDirectories(repo.resolve("secrets/legacy"));
        Files.writeString(repo.resolve("secrets/legacy/old.yaml"), "old: value\n");
        Cli r = Cli.run("envelope", repo.resolve("secrets").toString(), "--format", "json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(findings(r)).containsExactly("secrets/wg.yaml envelope-invalid");
    }

    @Test
    void pathsInTwoRepositoriesAreAUsageError() throws Exception {
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Git.init().setDirectory(other.toFile()).call().close();
        Cli r = Cli.run("scan", repo.resolve("secrets").toString(), other.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("leakgate: ").contains("different git work trees");
        Path outside = Files.createDirectories(tmp.resolve("loose"));
        Cli mixed = Cli.run("envelope", repo.resolve("secrets").toString(), outside.toString());
        assertThat(mixed.exit()).as(mixed.toString()).isEqualTo(2);
        assertThat(mixed.err()).contains("is outside the git work tree");
    }

    @Test
    void outsideAnyWorkTreeANamedFolderIsItsOwnRoot() throws Exception {
        Path loose = tmp.resolve("loose");
        Files.createDirectories(loose.resolve("secrets"));
        Files.writeString(loose.resolve(".leakgate.yaml"), "allow:\n  paths: ['notes.txt']\n");
        Files.writeString(loose.resolve("notes.txt"), "GITHUB_TOKEN=" + Tokens.githubPat() + "\n");
        Files.writeString(loose.resolve("secrets/db.yaml"), "db:\n  host: db.internal\n");
        Cli r = Cli.run("scan", loose.toString(), "--format", "json");
        assertThat(findings(r)).containsExactly("secrets/db.yaml envelope-invalid");
    }
}
