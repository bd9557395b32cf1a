package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakgate.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the user names is read, whatever it is; nothing in a walked folder can hang the scan. */
class ScanNamedInputsTest {
    @TempDir
    Path dir;

    private final String pat = Tokens.githubPat();

    private static List<String> findings(Cli r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : Json.parse(r).get("findings")) {
            out.add(f.get("path").asText() + " " + f.get("ruleId").asText());
        }
        return out;
    }

    @Test
    void aNamedSymlinkToAFileIsRead() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("real.env"), "GITHUB_TOKEN=" + pat + "\n");
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createSymbolicLink(work.resolve("link.env"), outside.resolve("real.env"));
        Cli r = Cli.run("scan", work.resolve("link.env").toString(), "--format", "json").assertNoSecret(pat);
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(findings(r)).containsExactly(work.resolve("link.env") + " github-pat");
    }

    @Test
    void aNamedSymlinkToAFolderIsWalked() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real/app"));
        Files.writeString(real.resolve("deploy.sh"), "export GH_TOKEN=" + pat + "\n");
        Files.createSymbolicLink(dir.resolve("dirlink"), dir.resolve("real"));
        Cli r = Cli.run("scan", dir.resolve("dirlink") + "/", "--format", "json").assertNoSecret(pat);
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(findings(r)).containsExactly("app/deploy.sh github-pat");
    }

    @Test
    void dashIsStandardInput() {
        Cli r = Cli.runWithInput(("GITHUB_TOKEN=" + pat + "\n").getBytes(StandardCharsets.UTF_8), "scan", "-", "--format", "json")
                .assertNoSecret(pat);
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(findings(r)).containsExactly("<stdin> github-pat");
        assertThat(Cli.runWithInput("nothing here\n".getBytes(StandardCharsets.UTF_8), "scan", "-").exit()).isZero();
    }

    @Test
    void aNamedFifoIsRead() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "GITHUB_TOKEN=" + pat + "\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        Cli r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("scan", fifo.toString(), "--format", "json"));
        writer.join();
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(findings(r)).containsExactly(fifo + " github-pat");
    }

    @Test
    void anEndlessDeviceEndsAtTheSizeLimitAndIsNamedSkippedLarge() {
        Cli r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Cli.run("scan", "/dev/zero", "--max-file-size", "100000", "--format", "json"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Json.parse(r).get("stats").get("skippedLarge").asInt()).isEqualTo(1);
        assertThat(Json.parse(r).get("stats").get("targets").asInt()).isZero();
    }

    @Test
    void anEmptyDeviceIsAnEmptyTarget() {
        Cli r = Cli.run("scan", "/dev/null", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Json.parse(r).get("stats").get("targets").asInt()).isEqualTo(1);
    }

    @Test
    void aFifoInAWalkedFolderDoesNotHangTheScan() throws Exception {
        Files.writeString(dir.resolve("app.env"), "GITHUB_TOKEN=" + pat + "\n");
        assertThat(new ProcessBuilder("mkfifo", dir.resolve("waiting").toString()).start().waitFor()).isZero();
        Cli r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("scan", dir.toString(), "--format", "json"));
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(findings(r)).containsExactly("app.env github-pat");
    }

    @Test
    void aSymlinkUnderASecretsPathIsNoEnvelopeAsInGit() throws Exception {
        Files.createDirectories(dir.resolve("secrets"));
        Files.createDirectories(dir.resolve("plain"));
        Files.writeString(dir.resolve("plain/db.yaml"), "password: hunter2\n");
        Files.createSymbolicLink(dir.resolve("secrets/db.yaml"), Path.of("../plain/db.yaml"));
        Cli envelope = Cli.run("envelope", dir.resolve("secrets").toString(), "--format", "json");
        assertThat(envelope.exit()).as(envelope.toString()).isEqualTo(1);
        assertThat(findings(envelope)).containsExactly(dir.resolve("secrets/db.yaml") + " envelope-invalid");
        Cli scan = Cli.run("scan", dir.toString(), "--format", "json");
        assertThat(scan.exit()).as(scan.toString()).isEqualTo(1);
        assertThat(findings(scan)).contains("secrets/db.yaml envelope-invalid");
    }

    @Test
    void aSymlinkElsewhereInAWalkedFolderIsNotFollowed() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("real.env"), "GITHUB_TOKEN=" + pat + "\n");
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createSymbolicLink(work.resolve("link.env"), outside.resolve("real.env"));
        Cli r = Cli.run("scan", work.toString(), "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Json.parse(r).get("stats").get("skippedSymlinks").asInt()).isEqualTo(1);
    }
}
