package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakgate.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    @TempDir
    Path dir;

    private final String pat = Tokens.githubPat();
    private final String aws = Tokens.awsAccessKeyId();
    private final String pw = Tokens.password();
    private final String age = Tokens.ageIdentity();

    private void plant() throws Exception {
        Files.createDirectories(dir.resolve("src/app"));
        Files.writeString(dir.resolve("src/app/config.py"), "import os\n\nGITHUB_TOKEN = \"" + pat + "\"\n");
        Files.writeString(dir.resolve(".env"), "AWS_ACCESS_KEY_ID=" + aws + "\nDB_PASSWORD=" + pw + "\n");
        Files.writeString(dir.resolve("keys.txt"), "# created: 2026-01-01T00:00:00Z\n" + age + "\n");
        Files.writeString(dir.resolve("clean.md"), "Nothing here but a UUID 123e4567-e89b-12d3-a456-426614174000\n");
        Files.write(dir.resolve("blob.bin"), new byte[] {1, 0, 2, 3});
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/config"), "token = " + Tokens.githubPat() + "\n");
    }

    private void assertNoSecretIn(String text) {
        for (String s : List.of(pat, aws, pw, age)) {
            assertThat(text.contains(s)).as("output contains a planted secret").isFalse();
        }
    }

    @Test
    void findsEachPlantedSecretOnceWithPathAndLine() throws Exception {
        plant();
        Cli r = Cli.run("scan", dir.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        List<String> got = new java.util.ArrayList<>();
        doc.get("findings").forEach(f -> got.add(f.get("path").asText() + ":" + f.get("line").asInt() + " " + f.get("ruleId").asText()));
        assertThat(got).containsExactlyInAnyOrder(
                ".env:1 aws-access-key-id", ".env:2 generic-password", "keys.txt:2 age-secret-key",
                "src/app/config.py:3 github-pat");
        assertThat(doc.get("stats").get("skippedBinary").asInt()).isZero();
        assertThat(doc.get("stats").get("targets").asInt()).isEqualTo(5); // blob.bin too: binary is scanned
        assertNoSecretIn(r.all());
    }

    @Test
    void noFormatEverPrintsAPlantedSecret() throws Exception {
        plant();
        for (String format : List.of("text", "json", "sarif", "junit")) {
            Path report = dir.resolve("report." + format);
            Cli stdout = Cli.run("scan", dir.toString(), "--format", format);
            Cli file = Cli.run("scan", dir.toString(), "--format", format, "--report", report.toString());
            assertThat(stdout.exit()).as(format).isEqualTo(1);
            assertThat(file.exit()).as(format).isEqualTo(1);
            assertNoSecretIn(stdout.all());
            assertNoSecretIn(file.all());
            assertNoSecretIn(Files.readString(report));
            Files.delete(report);
        }
    }

    @Test
    void sarifCarriesRulesLocationsAndFingerprints() throws Exception {
        plant();
        JsonNode sarif = new ObjectMapper().readTree(Cli.run("scan", dir.toString(), "--format", "sarif").out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("rules").size()).isGreaterThan(3);
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt()).isPositive();
        assertThat(result.get("partialFingerprints").get("leakgate/v1").asText()).hasSize(32);
    }

    @Test
    void fingerprintIsStableAcrossFilesAndABaselineSilencesIt() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "t=" + pat + "\n");
        Files.writeString(dir.resolve("b.txt"), "\n\nother=" + pat + "\n");
        JsonNode doc = new ObjectMapper().readTree(Cli.run("scan", dir.toString(), "--format", "json").out());
        assertThat(doc.get("findings").get(0).get("fingerprint")).isEqualTo(doc.get("findings").get(1).get("fingerprint"));
        Path baseline = dir.resolve("../baseline-" + dir.getFileName() + ".json").normalize();
        Cli.run("scan", dir.toString(), "--format", "json", "--report", baseline.toString());
        Cli again = Cli.run("scan", dir.toString(), "--baseline", baseline.toString());
        assertThat(again.exit()).isZero();
        Files.delete(baseline);
    }

    @Test
    void cleanTreeExitsZero() throws Exception {
        Files.writeString(dir.resolve("readme.md"), "# hello\nsee https://example.org\n");
        Cli r = Cli.run("scan", dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("0 findings in 1 target");
    }

    @Test
    void badConfigIsExitTwoWithOneLine() throws Exception {
        Files.writeString(dir.resolve(".leakgate.yaml"), "disabel: [github-pat]\n");
        Cli r = Cli.run("scan", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("leakgate: ").contains("unknown key 'disabel'").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void missingAndUnreadableInputIsExitThree() throws Exception {
        Cli r = Cli.run("scan", dir.resolve("nope").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("cannot read").doesNotContain("Exception");
    }

    @Test
    void oversizedFilesAreSkippedAndCounted() throws Exception {
        Files.writeString(dir.resolve("big.txt"), "x".repeat(5000) + "\nt=" + pat + "\n");
        Cli r = Cli.run("scan", dir.toString(), "--max-file-size", "1000", "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("stats").get("skippedLarge").asInt()).isEqualTo(1);
    }

    @Test
    void symlinksAreNotFollowedOutOfTheTree() throws Exception {
        Path outside = Files.createTempFile("leakgate-outside", ".txt");
        try {
            Files.writeString(outside, "t=" + pat + "\n");
            Files.createSymbolicLink(dir.resolve("link.txt"), outside);
            Cli r = Cli.run("scan", dir.toString(), "--format", "json");
            assertThat(r.exit()).isZero();
            assertThat(new ObjectMapper().readTree(r.out()).get("stats").get("skippedSymlinks").asInt()).isEqualTo(1);
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void usageErrorsAreExitTwo() {
        assertThat(Cli.run("scan").exit()).isEqualTo(2);
        assertThat(Cli.run("scan", ".", "--format", "xml").exit()).isEqualTo(2);
        assertThat(Cli.run("frobnicate").exit()).isEqualTo(2);
    }

    @Test
    void pemBlockIsOneFindingAtTheFirstLineOfItsKey() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            body.append(Tokens.random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 64)).append('\n');
        }
        Files.writeString(dir.resolve("id_rsa"), "\n-----BEGIN RSA PRIVATE KEY-----\n" + body + "-----END RSA PRIVATE KEY-----\n");
        JsonNode doc = new ObjectMapper().readTree(Cli.run("scan", dir.toString(), "--format", "json").out());
        assertThat(doc.get("findings").size()).isEqualTo(1);
        // Placed at the secret: the base64 body under the BEGIN line.
        assertThat(doc.get("findings").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(doc.get("findings").get(0).get("column").asInt()).isEqualTo(1);
        assertThat(doc.get("findings").get(0).get("ruleId").asText()).isEqualTo("pem-rsa-private-key");
    }

    @Test
    void aSecretsFileIsCheckedWhateverTheSizeLimitAndOneTooLargeFailsClosed() throws Exception {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/db.yaml"), "password: " + "x".repeat(200) + "\n");
        Cli small = Cli.run("scan", dir.toString(), "--max-file-size", "50", "--format", "json");
        assertThat(small.exit()).isEqualTo(1);
        assertThat(small.out()).contains("envelope-invalid").contains("secrets/db.yaml");

        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(dir.resolve("secrets/huge.age"),
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            c.write(java.nio.ByteBuffer.wrap(new byte[] {1}), dev.leakgate.source.Content.ENVELOPE_MAX_SIZE); // sparse
        }
        Cli huge = Cli.run("scan", dir.toString());
        assertThat(huge.exit()).isEqualTo(3);
        assertThat(huge.err()).contains("cannot check secrets/huge.age as an envelope").doesNotContain("Exception");
    }
}
