package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakgate.report.Reports;
import dev.leakgate.source.TestRepo;
import dev.leakgate.testing.Tokens;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The reports as people and tools read them, end to end through the CLI. (Every report any test
 * produces is also checked by {@link Reports}: SARIF against the official schema, JUnit counts,
 * JSON keys.)
 */
class ReportsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final String age = Tokens.ageIdentity();
    private final String pat = Tokens.githubPat();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void textShowsEveryFingerprintAndOneEntryPerValueWithItsOtherPlaces() throws Exception {
        for (int i = 1; i <= 5; i++) {
            Files.writeString(dir.resolve("k" + i + ".txt"), "# key " + i + "\n" + age + "\n");
        }
        Files.writeString(dir.resolve("ci.env"), "GH_TOKEN=" + pat + "\n");
        Cli text = Cli.run("scan", dir.toString()).assertNoSecret(age, pat);
        assertThat(text.exit()).isEqualTo(1);
        JsonNode report = json(Cli.run("scan", dir.toString(), "--format", "json").out());
        List<String> fingerprints = new ArrayList<>();
        report.get("findings").forEach(f -> fingerprints.add(f.get("fingerprint").asText()));
        assertThat(fingerprints).hasSize(6);
        for (String fp : fingerprints) {
            assertThat(text.out()).contains("fingerprint " + fp);
        }
        // One entry per value: the age key's first place, then its four others.
        assertThat(text.out().lines().filter(l -> !l.startsWith(" ")).count()).as(text.out()).isEqualTo(3);
        assertThat(text.out()).contains("k1.txt:2  secret/age-secret-key")
                .contains("the same value in 4 more places: k2.txt:2, k3.txt:2, k4.txt:2, and 1 more")
                .contains("6 findings (2 distinct values) in 6 targets");
        assertThat(text.out()).doesNotContain("k5.txt");
        Cli verbose = Cli.run("scan", dir.toString(), "--verbose");
        assertThat(verbose.out()).contains("the same value in 4 more places: k2.txt:2, k3.txt:2, k4.txt:2, k5.txt:2\n");
    }

    @Test
    void colourWhenAskedForAndNeverInAPipe() throws Exception {
        Files.writeString(dir.resolve("ci.env"), "GH_TOKEN=" + pat + "\n");
        Cli always = Cli.run("scan", dir.toString(), "--color=always");
        assertThat(always.out()).contains("\u001b[31msecret/github-pat\u001b[0m").contains("\u001b[1mci.env:1\u001b[0m")
                .contains("\u001b[1;31m1 finding in 1 target");
        Cli piped = Cli.run("scan", dir.toString());
        assertThat(piped.out()).doesNotContain("\u001b[");
        assertThat(Cli.run("scan", dir.toString(), "--color", "never").out()).doesNotContain("\u001b[");
        // Colour is for text only: a JSON report stays JSON.
        assertThat(Cli.run("scan", dir.toString(), "--color=always", "--format", "json").out()).doesNotContain("\u001b[");
        Cli clean = Cli.run("scan", dir.resolve("ci.env").toString(), "--color=always", "--config", emptyConfig(
                "allow: {paths: ['**']}\n").toString());
        assertThat(clean.out()).startsWith("\u001b[32m0 findings");
    }

    private Path emptyConfig(String yaml) throws Exception {
        Path cfg = Files.createTempFile(dir.getParent(), "cfg", ".yaml");
        Files.writeString(cfg, yaml);
        return cfg;
    }

    /** A tree with one of each thing a scan passes over. */
    private void skippable() throws Exception {
        Files.writeString(dir.resolve("ci.env"), "GH_TOKEN=" + pat + "\n");
        // Binary content is scanned, not skipped (issue 9): a FIFO is what a walk passes over instead.
        assertThat(new ProcessBuilder("mkfifo", dir.resolve("queue").toString()).start().waitFor()).isZero();
        Files.writeString(dir.resolve("big.log"), "x".repeat(5000) + "\n");
        Files.createSymbolicLink(dir.resolve("link.env"), dir.resolve("ci.env"));
    }

    @Test
    void verboseNamesEverySkippedFileOnStderrAndEveryReportNamesThem() throws Exception {
        skippable();
        Cli quiet = Cli.run("scan", dir.toString(), "--max-file-size", "1000");
        assertThat(quiet.err()).doesNotContain("skipped");
        assertThat(quiet.out()).contains("skipped 1 over the size limit, 1 symlink, 1 not a regular file)");
        Cli verbose = Cli.run("scan", dir.toString(), "--max-file-size", "1000", "-v");
        assertThat(verbose.err()).contains("leakgate: skipped big.log (over the size limit)\n")
                .contains("leakgate: skipped queue (not a regular file)\n").contains("leakgate: skipped link.env (symlink)\n");

        JsonNode stats = json(Cli.run("scan", dir.toString(), "--max-file-size", "1000", "--format", "json").out()).get("stats");
        List<String> skipped = new ArrayList<>();
        stats.get("skipped").forEach(s -> skipped.add(s.get("path").asText() + " " + s.get("reason").asText()));
        assertThat(skipped).containsExactly("big.log large", "link.env symlink", "queue special");

        JsonNode run = json(Cli.run("scan", dir.toString(), "--max-file-size", "1000", "--format", "sarif").out())
                .get("runs").get(0);
        JsonNode invocation = run.get("invocations").get(0);
        assertThat(invocation.get("executionSuccessful").asBoolean()).isTrue();
        List<String> notes = new ArrayList<>();
        invocation.get("toolExecutionNotifications").forEach(n -> notes.add(n.get("locations").get(0)
                .get("physicalLocation").get("artifactLocation").get("uri").asText() + " " + n.get("descriptor").get("id").asText()));
        assertThat(notes).containsExactly("big.log skipped-large", "link.env skipped-symlink", "queue skipped-special");

        Document junit = xml(Cli.run("scan", dir.toString(), "--max-file-size", "1000", "--format", "junit").out());
        assertThat(junit.getElementsByTagName("skipped").getLength()).isEqualTo(3);
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        assertThat(junit.getElementsByTagName("failure").getLength()).isEqualTo(1);
    }

    @Test
    void sarifUrisArePercentEncodedAndTheSchemaSaysWhyTheyMustBe() throws Exception {
        Files.createDirectories(dir.resolve("config dir"));
        Files.createDirectories(dir.resolve("données"));
        Files.writeString(dir.resolve("config dir/db.yml"), "token: " + pat + "\n");
        Files.writeString(dir.resolve("données/ré.toml"), "clé = \"" + age + "\"\n");
        Cli r = Cli.run("scan", dir.toString(), "--format", "sarif").assertNoSecret(pat, age);
        assertThat(r.exit()).isEqualTo(1);
        List<String> uris = new ArrayList<>();
        json(r.out()).get("runs").get(0).get("results").forEach(res -> uris.add(res.get("locations").get(0)
                .get("physicalLocation").get("artifactLocation").get("uri").asText()));
        assertThat(uris).containsExactlyInAnyOrder("config%20dir/db.yml", "donn%C3%A9es/r%C3%A9.toml");
        // columns count characters: the key after 'clé = "' starts at the 8th
        JsonNode run = json(r.out()).get("runs").get(0);
        assertThat(run.get("columnKind").asText()).isEqualTo("unicodeCodePoints");
        run.get("results").forEach(res -> {
            if (res.get("ruleId").asText().equals("age-secret-key")) {
                assertThat(res.get("locations").get(0).get("physicalLocation").get("region").get("startColumn").asInt())
                        .isEqualTo(8);
            }
        });
        assertThat(Reports.sarifErrors(r.out())).isEmpty();
        // The validator does hold uris to uri-reference: the same report unencoded fails it.
        String raw = r.out().replace("config%20dir/db.yml", "config dir/db.yml");
        assertThat(Reports.sarifErrors(raw)).isNotEmpty();
    }

    @Test
    void sarifListsOnlyTheRulesThatFiredWithHelpAndSeverity() throws Exception {
        Files.writeString(dir.resolve("ci.env"), "GH_TOKEN=" + pat + "\n");
        Files.writeString(dir.resolve("keys.txt"), Tokens.ageRecipient() + "\n");
        JsonNode run = json(Cli.run("scan", dir.toString(), "--format", "sarif").out()).get("runs").get(0);
        List<String> ids = new ArrayList<>();
        run.get("tool").get("driver").get("rules").forEach(rule -> {
            ids.add(rule.get("id").asText() + " " + rule.get("properties").get("security-severity").asText());
            assertThat(rule.get("help").get("text").asText()).contains("leakgate:allow");
        });
        assertThat(ids).containsExactlyInAnyOrder("github-pat 9.0", "age-recipient 5.0");
        run.get("results").forEach(res -> assertThat(ids.get(res.get("ruleIndex").asInt()))
                .startsWith(res.get("ruleId").asText() + " "));

        Path clean = Files.createDirectories(dir.resolve("clean"));
        Files.writeString(clean.resolve("README"), "nothing here\n");
        Cli none = Cli.run("scan", clean.toString(), "--format", "sarif");
        assertThat(none.exit()).isZero();
        assertThat(json(none.out()).get("runs").get(0).get("tool").get("driver").get("rules")).isEmpty();
        assertThat(none.out().length()).as("a clean run embeds no rule").isLessThan(2000);
    }

    @Test
    void junitHasATestCasePerTargetInEveryModeAndFailuresAsWritten() throws Exception {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write("README", "hello\n").write("src/a.txt", "a\n").commitAll("clean");
        Document audit = xml(Cli.run("audit", "-C", repo.dir.toString(), "--format", "junit").out());
        // Two blobs (README, src/a.txt) and the commit's message, each read once: each is a test case.
        assertThat(audit.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        assertThat(audit.getElementsByTagName("failure").getLength()).isZero();

        repo.write("ci.env", "A=" + pat + "\nB=" + Tokens.githubPat() + "\n").commitAll("two leaks, one file");
        Cli leak = Cli.run("audit", "-C", repo.dir.toString(), "--format", "junit");
        Document d = xml(leak.out());
        assertThat(d.getElementsByTagName("testcase").getLength()).isEqualTo(5);
        assertThat(d.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(d.getElementsByTagName("failure").item(0).getTextContent()).contains("ci.env:1").contains("ci.env:2");

        // nothing staged: still one test case, saying so (an empty report is rejected by some CI servers)
        Document none = xml(Cli.run("staged", "-C", repo.dir.toString(), "--format", "junit").out());
        assertThat(none.getElementsByTagName("testcase").getLength()).isEqualTo(1);
        assertThat(none.getElementsByTagName("testcase").item(0).getAttributes().getNamedItem("name").getNodeValue())
                .isEqualTo("nothing to scan");

        repo.write("more.env", "C=" + Tokens.githubPat() + "\n").add("more.env");
        for (String[] mode : List.of(new String[] {"staged"}, new String[] {"gate", "--base", "HEAD~1"},
                new String[] {"gate", "--root"})) {
            List<String> args = new ArrayList<>(List.of(mode));
            args.addAll(List.of("-C", repo.dir.toString(), "--format", "junit"));
            Cli r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", mode) + ": " + r).isEqualTo(1);
            assertThat(xml(r.out()).getElementsByTagName("testcase").getLength()).as(String.join(" ", mode)).isPositive();
        }
    }

    @Test
    void jsonFindingsHaveTheSameKeysInEveryModeWithNullsWhereNothingApplies() throws Exception {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write("README", "hello\n").commitAll("first");
        repo.write("ci.env", "A=" + pat + "\n").write("secrets/db.yaml", "password: hunter2hunter2\n").commitAll("leaks");
        repo.write("next.env", "B=" + Tokens.githubPat() + "\n").add("next.env");
        List<String[]> modes = List.of(new String[] {"scan", repo.dir.toString()}, new String[] {"staged", "-C", repo.dir.toString()},
                new String[] {"gate", "-C", repo.dir.toString(), "--base", "HEAD~1"},
                new String[] {"audit", "-C", repo.dir.toString()},
                new String[] {"envelope", repo.dir.resolve("secrets").toString()});
        for (String[] mode : modes) {
            List<String> args = new ArrayList<>(List.of(mode));
            args.addAll(List.of("--format", "json"));
            Cli r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(mode[0] + ": " + r).isEqualTo(1);
            JsonNode doc = json(r.out());
            assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
            for (JsonNode f : doc.get("findings")) {
                List<String> keys = new ArrayList<>();
                f.fieldNames().forEachRemaining(keys::add);
                assertThat(keys).as(mode[0]).isEqualTo(Reports.FINDING_KEYS);
                if (f.get("kind").asText().equals("envelope")) {
                    assertThat(f.get("column").isNull() && f.get("preview").isNull()).as(mode[0]).isTrue();
                }
            }
        }
        JsonNode scan = json(Cli.run("scan", repo.dir.resolve("ci.env").toString(), "--format", "json").out());
        JsonNode f = scan.get("findings").get(0);
        assertThat(f.get("commit").isNull()).isTrue();
        assertThat(f.get("otherPaths").isNull()).isTrue();
        assertThat(f.get("decoded").asBoolean(true)).isFalse();
    }

    @Test
    void aReportThatCannotBeWrittenIsExitThreeWithOneLineSayingWhy() throws Exception {
        Files.writeString(dir.resolve("ci.env"), "GH_TOKEN=" + pat + "\n");
        for (String format : List.of("text", "json", "sarif", "junit")) {
            if (Files.exists(Path.of("/dev/full"))) {
                Cli full = Cli.run("scan", dir.toString(), "--format", format, "--report", "/dev/full");
                assertThat(full.exit()).as(format + ": " + full).isEqualTo(3);
                assertThat(full.err()).as(format).isEqualTo("leakgate: cannot write the report to /dev/full: No space left on device\n");
            }
            Cli missing = Cli.run("scan", dir.toString(), "--format", format, "--report", dir.resolve("no/such/r.out").toString());
            assertThat(missing.exit()).as(format).isEqualTo(3);
            assertThat(missing.err()).as(format).isEqualTo("leakgate: cannot write the report to "
                    + dir.resolve("no/such/r.out") + ": no such folder " + dir.resolve("no/such") + "\n");
            Cli folder = Cli.run("scan", dir.toString(), "--format", format, "--report", dir.toString());
            assertThat(folder.exit()).as(format).isEqualTo(3);
            assertThat(folder.err()).as(format).startsWith("leakgate: cannot write the report to " + dir + ": ")
                    .doesNotContain("Exception").hasLineCount(1);
        }
    }

    @Test
    void aBlockedCommitSaysSoAndWhatToDoPerKind() throws Exception {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write("README", "hello\n").commitAll("first");
        repo.write("ci.env", "A=" + pat + "\n").add("ci.env");
        Cli secret = Cli.run("staged", "-C", repo.dir.toString()).assertNoSecret(pat);
        assertThat(secret.exit()).isEqualTo(1);
        assertThat(secret.err()).contains("commit blocked: 1 finding").contains("rotate").contains("does not un-publish")
                .contains("leakgate:allow").contains("allow.fingerprints").contains("--write-baseline")
                .contains("git commit --no-verify").doesNotContain("public surface").doesNotContain("sops updatekeys");

        repo.write("keys.txt", Tokens.ageRecipient() + "\n").write("secrets/db.yaml", "password: x\n").add("keys.txt", "secrets/db.yaml");
        Cli all = Cli.run("staged", "-C", repo.dir.toString());
        assertThat(all.err()).contains("commit blocked: 3 findings").contains("public surface").contains("sops updatekeys")
                .contains("sops -e");
        assertThat(all.err().indexOf("Secret:")).isLessThan(all.err().indexOf("Inventory:"));

        Cli gate = Cli.run("gate", "-C", repo.dir.toString(), "--root", "--format", "json");
        repo.commitAll("leaks");
        gate = Cli.run("gate", "-C", repo.dir.toString(), "--base", "HEAD~1", "--format", "json");
        assertThat(gate.exit()).isEqualTo(1);
        assertThat(gate.err()).contains("publish blocked").doesNotContain("--no-verify");
        // Outside the gating commands nothing is blocked: a scan just reports.
        assertThat(Cli.run("scan", repo.dir.toString()).err()).doesNotContain("blocked");
        // Nothing found, nothing said.
        assertThat(Cli.run("staged", "-C", repo.dir.toString()).err()).isEmpty();
    }

    @Test
    void gateShowsWhatTheRangeAddsApartFromWhatTheBaseAlreadyPublished() throws Exception {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        String old = Tokens.githubPat();
        String base = repo.write("old.env", "A=" + old + "\n").commitAll("old leak, published");
        repo.write("new.env", "B=" + pat + "\n").commitAll("new leak");
        Cli r = Cli.run("gate", "-C", repo.dir.toString(), "--base", base).assertNoSecret(old, pat);
        assertThat(r.exit()).isEqualTo(1);
        String out = r.out();
        int added = out.indexOf("new.env:1");
        int heading = out.indexOf("Already published at the base");
        int published = out.indexOf("old.env:1");
        assertThat(added).as(out).isNotNegative().isLessThan(heading);
        assertThat(heading).isLessThan(published);
        assertThat(out).contains("2 findings (1 added, 1 already published at the base)");
    }

    static Document xml(String s) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }
}
