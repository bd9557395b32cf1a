package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.testing.Jar;
import dev.leakgate.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged jar, run from a working folder, as a user types paths: relative spellings, the
 * repository found from a subfolder, and what a shell hands over (standard input, a pipe).
 */
class ScanPathsIT {
    @TempDir
    Path tmp;

    private Path fleet() throws Exception {
        Path repo = tmp.resolve("fleet");
        Files.createDirectories(repo.resolve("secrets"));
        Files.createDirectories(repo.resolve("hosts/web01"));
        Git.init().setDirectory(repo.toFile()).call().close();
        Files.writeString(repo.resolve("secrets/wg.yaml"), "wireguard:\n  listen_port: 51820\n");
        return repo;
    }

    @ParameterizedTest(name = "in {0}: {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            .             | scan     | ./secrets/wg.yaml
            .             | scan     | secrets
            .             | scan     | secrets/
            secrets       | scan     | .
            secrets       | scan     | wg.yaml
            hosts/web01   | scan     | ../../secrets
            hosts/web01   | scan     | ../..
            secrets       | envelope | .
            hosts         | envelope | ../secrets/wg.yaml
            """)
    void aPlaintextSecretsFileFailsFromAnyFolderAndSpelling(String cwd, String command, String path) throws Exception {
        Path repo = fleet();
        Jar.Result r = Jar.run(repo.resolve(cwd), command, path);
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(1);
        assertThat(r.out()).contains("secrets/wg.yaml  envelope/envelope-invalid");
    }

    @Test
    void theRepositorysConfigIsFoundFromASubfolder() throws Exception {
        Path repo = fleet();
        Files.writeString(repo.resolve(".leakgate.yaml"), "secretsPaths: ['hosts/*/secrets/**']\n");
        Files.createDirectories(repo.resolve("hosts/web01/secrets"));
        Files.writeString(repo.resolve("hosts/web01/secrets/db.yaml"), "db:\n  host: db.internal\n");
        Jar.Result r = Jar.run(repo.resolve("hosts/web01"), "scan", ".");
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(1);
        assertThat(r.out()).contains("hosts/web01/secrets/db.yaml  envelope/envelope-invalid").doesNotContain("secrets/wg.yaml");
    }

    @Test
    void outsideAWorkTreeAFileIsNamedRelativeToTheWorkingFolder() throws Exception {
        Path loose = tmp.resolve("loose");
        Files.createDirectories(loose.resolve("secrets"));
        Files.writeString(loose.resolve("secrets/wg.yaml"), "wireguard:\n  listen_port: 51820\n");
        Jar.Result r = Jar.run(loose, "scan", "./secrets/wg.yaml");
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(1);
        assertThat(r.out()).contains("secrets/wg.yaml  envelope/envelope-invalid");
    }

    @Test
    void namedSymlinksAreFollowedAsTheShellHandsThemOver() throws Exception {
        String pat = Tokens.githubPat();
        Path real = Files.createDirectories(tmp.resolve("real/app"));
        Files.writeString(real.resolve("deploy.env"), "GITHUB_TOKEN=" + pat + "\n");
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.createSymbolicLink(work.resolve("link.env"), real.resolve("deploy.env"));
        Files.createSymbolicLink(work.resolve("dirlink"), tmp.resolve("real"));
        Jar.Result file = Jar.run(work, "scan", "link.env");
        Jar.Result folder = Jar.run(work, "scan", "dirlink/");
        for (Jar.Result r : List.of(file, folder)) {
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            assertThat(r.out() + r.err()).doesNotContain(pat);
        }
        assertThat(file.out()).contains("link.env:1");
        assertThat(folder.out()).contains("app/deploy.env:1");
    }

    @Test
    void standardInputAndPipesAreRead() throws Exception {
        String pat = Tokens.githubPat();
        byte[] leak = ("GITHUB_TOKEN=" + pat + "\n").getBytes(StandardCharsets.UTF_8);
        Jar.Result dash = Jar.runWithInput(tmp, leak, "scan", "-");
        Jar.Result devStdin = Jar.runWithInput(tmp, leak, "scan", "/dev/stdin");
        Files.write(tmp.resolve("leak.env"), leak);
        List<String> shell = new ArrayList<>(List.of("bash", "-c", "exec \"$@\" scan <(cat leak.env)", "bash"));
        shell.addAll(Jar.command());
        Jar.Result substitution = Jar.exec(tmp, new byte[0], shell);
        for (Jar.Result r : List.of(dash, devStdin, substitution)) {
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).contains("github-pat").doesNotContain(pat);
            assertThat(r.err()).doesNotContain(pat);
        }
        assertThat(dash.out()).contains("<stdin>:1");
    }
}
