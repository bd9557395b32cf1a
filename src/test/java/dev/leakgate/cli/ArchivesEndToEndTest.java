package dev.leakgate.cli;

import static dev.leakgate.testing.ArchiveMaker.files;
import static dev.leakgate.testing.ArchiveMaker.tool;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakgate.source.TestRepo;
import dev.leakgate.testing.ArchiveMaker;
import dev.leakgate.testing.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading inside archives, through the CLI, in every mode: scan, staged, gate, audit. */
class ArchivesEndToEndTest {
    @TempDir
    Path tmp;

    private String token;
    private Path src;

    @BeforeEach
    void source() {
        token = Tokens.githubPat();
        src = tmp.resolve("src");
        ArchiveMaker.write(src, files("dir/.env", "APP=web\nGITHUB_TOKEN=" + token + "\n", "README", "nothing here\n"));
    }

    /** Makes {@code name} in {@code tmp} from the source folder with a real tool; returns its bytes. */
    private byte[] made(String name, String... command) throws IOException {
        tool(src, command);
        return Files.readAllBytes(tmp.resolve(name));
    }

    private byte[] zip() throws IOException {
        Files.deleteIfExists(tmp.resolve("a.zip"));
        return made("a.zip", "zip", "-qr", "../a.zip", "dir", "README");
    }

    private byte[] tgz() throws IOException {
        return made("a.tgz", "tar", "czf", "../a.tgz", "dir", "README");
    }

    private static List<String> skipped(Cli res) {
        List<String> out = new ArrayList<>();
        Json.parse(res).get("stats").get("skipped").forEach(s -> out.add(s.get("path").asText() + " " + s.get("reason").asText()));
        return out;
    }

    @Test
    void scanFindsTheLeakInsideEveryKindOfArchiveAtItsPlaceInside() throws IOException {
        Path repo = tmp.resolve("plain");
        Files.createDirectories(repo.resolve("pkg"));
        Files.write(repo.resolve("pkg/a.zip"), zip());
        Files.write(repo.resolve("pkg/a.tgz"), tgz());
        Files.write(repo.resolve("pkg/a.tar.xz"), made("a.tar.xz", "tar", "cJf", "../a.tar.xz", "dir"));
        Files.write(repo.resolve("pkg/a.tar.zst"), made("a.tar.zst", "tar", "--zstd", "-cf", "../a.tar.zst", "dir"));
        Files.write(repo.resolve("pkg/a.tar.bz2"), made("a.tar.bz2", "tar", "cjf", "../a.tar.bz2", "dir"));
        Files.write(repo.resolve("pkg/a.tar"), made("a.tar", "tar", "cf", "../a.tar", "dir"));
        Files.write(repo.resolve("pkg/a.7z"), ArchiveMaker.sevenZ(Map.of("dir/.env", Files.readAllBytes(src.resolve("dir/.env"))), null));
        Files.write(repo.resolve("pkg/dot.env.gz"), made("dot.env.gz", "sh", "-c", "gzip -c dir/.env > ../dot.env.gz"));
        Files.write(repo.resolve("pkg/app.jar.bin"), zip()); // by its bytes, not its name
        Files.write(repo.resolve("pkg/nested.zip"), ArchiveMaker.zip(Map.of("inner/a.tgz", tgz()), false));
        for (String format : List.of("json", "text", "sarif", "junit")) {
            Cli.run("scan", repo.toString(), "--format", format).assertNoSecret(token);
        }
        Cli res = Cli.run("scan", repo.toString(), "--format", "json").assertNoSecret(token);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactlyInAnyOrder(
                "github-pat pkg/a.7z!dir/.env:2",
                "github-pat pkg/a.tar!dir/.env:2",
                "github-pat pkg/a.tar.bz2!dir/.env:2",
                "github-pat pkg/a.tar.xz!dir/.env:2",
                "github-pat pkg/a.tar.zst!dir/.env:2",
                "github-pat pkg/a.tgz!dir/.env:2",
                "github-pat pkg/a.zip!dir/.env:2",
                "github-pat pkg/app.jar.bin!dir/.env:2",
                "github-pat pkg/dot.env.gz!dot.env:2",
                "github-pat pkg/nested.zip!inner/a.tgz!dir/.env:2");
        for (JsonNode f : Json.findings(res)) {
            assertThat(f.get("column").asInt()).as(f.get("path").asText()).isEqualTo("GITHUB_TOKEN=".length() + 1);
        }
        assertThat(skipped(res)).isEmpty();
    }

    @Test
    void aStoredEntryIsReportedOnceAtItsPlaceInsideNotAgainInTheArchiveBytes() throws IOException {
        Path dir = tmp.resolve("stored");
        Files.createDirectories(dir);
        Files.write(dir.resolve("store.zip"), made("store.zip", "zip", "-q0r", "../store.zip", "dir"));
        Cli res = Cli.run("scan", dir.toString(), "--format", "json").assertNoSecret(token);
        assertThat(Json.locations(res)).containsExactly("github-pat store.zip!dir/.env:2");
        // Not read inside, the archive's own bytes still hold the stored token.
        Cli off = Cli.run("scan", dir.toString(), "--format", "json", "--max-archive-depth", "0").assertNoSecret(token);
        assertThat(Json.findings(off)).hasSize(1);
        assertThat(Json.findings(off).get(0).get("path").asText()).isEqualTo("store.zip");
    }

    @Test
    void stagedBlocksACommitThatAddsAnArchiveHoldingALeak() throws IOException {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        r.write("README", "hello\n").commitAll("base");
        r.write("release/app.tgz", tgz()).add("release/app.tgz");
        Cli res = Cli.run("staged", "-C", r.dir.toString(), "--format", "json").assertNoSecret(token);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactly("github-pat release/app.tgz!dir/.env:2");
        Cli text = Cli.run("staged", "-C", r.dir.toString()).assertNoSecret(token);
        assertThat(text.out()).contains("release/app.tgz!dir/.env:2");
        Cli off = Cli.run("staged", "-C", r.dir.toString(), "--max-archive-depth", "0", "--format", "json").assertNoSecret(token);
        assertThat(off.exit()).as("deflated: nothing in the archive's own bytes").isZero();
    }

    @Test
    void theGateFindsTheArchiveInTheRangeWithTheCommitThatAddedIt() throws IOException {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        String base = r.write("README", "hello\n").commitAll("base");
        String added = r.write("dist/bundle.tgz", tgz()).commitAll("ship the bundle");
        Cli res = Cli.run("gate", "-C", r.dir.toString(), "--base", base, "--format", "json").assertNoSecret(token);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.placed(res)).containsExactly(Json.place("dist/bundle.tgz!dir/.env", 2, added));
        assertThat(Json.parse(res).get("stats").get("archiveFiles").asInt()).as("in the commit and the tree: read once").isEqualTo(2);
        // removed again: the range still publishes it in its history
        r.git("rm", "-q", "dist/bundle.tgz");
        r.commit("oops");
        Cli history = Cli.run("gate", "-C", r.dir.toString(), "--base", base, "--format", "json").assertNoSecret(token);
        assertThat(Json.placed(history)).containsExactly(Json.place("dist/bundle.tgz!dir/.env", 2, added));
    }

    @Test
    void theAuditReadsEachArchiveBlobOnceAndNamesEveryPathThatHoldsIt() throws IOException {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        r.write("README", "hello\n").commitAll("base");
        byte[] tgz = tgz();
        String added = r.write("dist/bundle.tgz", tgz).write("mirror/copy.tgz", tgz).commitAll("bundle, twice");
        r.git("rm", "-q", "-r", "dist", "mirror");
        r.commit("removed");
        for (int pass = 0; pass < 2; pass++) {
            Cli res = Cli.run("audit", "-C", r.dir.toString(), "--format", "json").assertNoSecret(token);
            assertThat(res.exit()).as(res.toString()).isEqualTo(1);
            assertThat(Json.placed(res)).hasSize(1).first().asString()
                    .isIn(Json.place("dist/bundle.tgz!dir/.env", 2, added), Json.place("mirror/copy.tgz!dir/.env", 2, added));
            assertThat(Json.findings(res).get(0).get("otherPaths").asInt()).isEqualTo(1);
            assertThat(Json.parse(res).get("stats").get("archiveFiles").asInt()).as("the two files inside, read once").isEqualTo(2);
            r.git("gc", "-q"); // and again from a pack
        }
    }

    @Test
    void anArchiveUnderASecretsPathIsNoEnvelopeAndIsNotReadInside() throws IOException {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        r.write("secrets/backup.zip", zip()).commitAll("backup");
        Cli res = Cli.run("audit", "-C", r.dir.toString(), "--format", "json").assertNoSecret(token);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactly("envelope-invalid secrets/backup.zip:1");
        Cli scan = Cli.run("scan", r.dir.toString(), "--format", "json").assertNoSecret(token);
        assertThat(Json.locations(scan)).containsExactly("envelope-invalid secrets/backup.zip:1");
    }

    @Test
    void allowPathsMatchTheArchiveThePathInsideOrTheArchiveAsAFolder() throws IOException {
        Path dir = tmp.resolve("allow");
        Files.createDirectories(dir.resolve("vendor"));
        Files.createDirectories(dir.resolve("fixtures"));
        Files.createDirectories(dir.resolve("lib"));
        byte[] zip = zip();
        Files.write(dir.resolve("vendor/dep.zip"), zip);
        Files.write(dir.resolve("fixtures/sample.zip"), zip);
        Files.write(dir.resolve("lib/app.zip"), ArchiveMaker.zip(Map.of("testdata/.env", Files.readAllBytes(src.resolve("dir/.env")),
                "conf/.env", Files.readAllBytes(src.resolve("dir/.env"))), false));
        Files.writeString(dir.resolve(".leakgate.yaml"), "allow:\n  paths: ['vendor/**', 'fixtures/*.zip!**', '**/testdata/**']\n");
        Cli res = Cli.run("scan", dir.toString(), "--format", "json").assertNoSecret(token);
        assertThat(Json.locations(res)).containsExactly("github-pat lib/app.zip!conf/.env:2");
    }

    @Test
    void inventoryInsideAnArchiveOnThePublicSurfaceIsReported() throws IOException {
        Path dir = tmp.resolve("inv");
        Files.createDirectories(dir);
        String recipient = Tokens.ageRecipient();
        Files.write(dir.resolve("keys.zip"), ArchiveMaker.zip(files("recipients.txt", recipient + "\n"), false));
        Cli res = Cli.run("scan", dir.toString(), "--format", "json").assertNoSecret(recipient);
        assertThat(Json.locations(res)).containsExactly("age-recipient keys.zip!recipients.txt:1");
        Files.writeString(dir.resolve(".leakgate.yaml"), "publicSurface: ['docs/**']\n");
        assertThat(Cli.run("scan", dir.toString(), "--format", "json").exit()).as("not on the public surface").isZero();
    }

    @Test
    void aZipBombIsNamedAndTheRunEndsWithoutFindings() {
        Path dir = tmp.resolve("bomb");
        ArchiveMaker.write(dir, Map.of("42.zip", ArchiveMaker.nestedZipBomb(4, 16, 4 << 20))); // 4 TiB expanded
        Cli res = Cli.run("scan", dir.toString(), "--format", "json", "--max-archive-depth", "8");
        assertThat(res.exit()).as(res.toString()).isZero();
        assertThat(skipped(res)).contains("42.zip archive-limit");
        Cli text = Cli.run("scan", dir.toString(), "-v", "--max-archive-depth", "8", "--max-archive-bytes", "1000000");
        assertThat(text.err()).contains("skipped 42.zip (archive past the expansion limits: the rest of it not read)");
        Cli entries = Cli.run("scan", dir.toString(), "--format", "json", "--max-archive-entries", "20");
        assertThat(skipped(entries)).contains("42.zip archive-limit");
    }

    @Test
    void nestingPastTheDepthLimitIsNamed() {
        Path dir = tmp.resolve("deep");
        ArchiveMaker.write(dir, Map.of("deep.zip", ArchiveMaker.nestedChain(5, files(".env", "GITHUB_TOKEN=" + token + "\n"))));
        Cli res = Cli.run("scan", dir.toString(), "--format", "json").assertNoSecret(token);
        assertThat(res.exit()).as(res.toString()).isZero();
        assertThat(skipped(res)).containsExactly("deep.zip!level1.zip!level2.zip!level3.zip archive-depth");
        Cli deeper = Cli.run("scan", dir.toString(), "--format", "json", "--max-archive-depth", "5").assertNoSecret(token);
        assertThat(Json.locations(deeper)).containsExactly(
                "github-pat deep.zip!level1.zip!level2.zip!level3.zip!level4.zip!.env:1");
    }

    @Test
    void corruptAndEncryptedArchivesAreNamedNotFailedNorPassedInSilence() throws IOException {
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir);
        byte[] tgz = tgz();
        Files.write(dir.resolve("cut.tgz"), java.util.Arrays.copyOf(tgz, tgz.length / 2));
        tool(src, "zip", "-q", "-P", "not-the-point", "../enc.zip", "dir/.env");
        Files.copy(tmp.resolve("enc.zip"), dir.resolve("enc.zip"));
        Cli res = Cli.run("scan", dir.toString(), "--format", "json").assertNoSecret(token);
        assertThat(res.exit()).as(res.toString()).isZero();
        assertThat(skipped(res)).containsExactlyInAnyOrder("cut.tgz archive-unreadable", "enc.zip!dir/.env archive-encrypted");
        Cli sarif = Cli.run("scan", dir.toString(), "--format", "sarif");
        assertThat(sarif.out()).contains("enc.zip!dir/.env");
    }

    @Test
    void badLimitsAreUsageErrors() {
        for (String[] bad : List.of(new String[] {"--max-archive-depth", "-1"}, new String[] {"--max-archive-entries", "0"},
                new String[] {"--max-archive-bytes", "lots"})) {
            Cli res = Cli.run("scan", tmp.toString(), bad[0], bad[1]);
            assertThat(res.exit()).as(res.toString()).isEqualTo(2);
            assertThat(res.err()).contains(bad[0]);
        }
    }
}
