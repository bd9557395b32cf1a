package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakgate.source.TestRepo;
import dev.leakgate.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accepting findings: inline allow comments, and a baseline that is written, refreshed and reports what it no longer matches. */
class AcceptingFindingsTest {
    @TempDir
    Path dir;

    private static List<String> located(Cli r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : Json.findings(r)) {
            out.add(f.get("path").asText() + (f.hasNonNull("line") ? ":" + f.get("line").asInt() : ""));
        }
        return out;
    }

    @Test
    void aLeakgateAllowCommentAcceptsTheFindingsOfItsLineInAnyCommentSyntax() throws Exception {
        String[] pats = new String[7];
        for (int i = 0; i < pats.length; i++) {
            pats[i] = Tokens.githubPat();
        }
        Files.writeString(dir.resolve("app.py"), "A = '" + pats[0] + "'  # leakgate:allow test fixture\n"
                + "B = '" + pats[1] + "'\n");
        Files.writeString(dir.resolve("App.java"), "String a = \"" + pats[2] + "\"; // leakgate:allow\n"
                + "String b = \"" + pats[3] + "\"; /* leakgate:allow */\n");
        Files.writeString(dir.resolve("page.html"), "<meta content=\"" + pats[4] + "\"> <!-- leakgate:allow -->\n");
        Files.writeString(dir.resolve("near.env"), "C=" + pats[5] + " # leakgate:allowed is not the mark\n"
                + "# leakgate:allow (on the line above, not this one)\nD=" + pats[6] + "\n");
        Cli r = Cli.run("scan", dir.toString(), "--format", "json").assertNoSecret(pats);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(located(r)).containsExactlyInAnyOrder("app.py:2", "near.env:1", "near.env:3");

        // a team that reviews every exception turns them off: in the config, or on the command line
        Cli flag = Cli.run("scan", dir.toString(), "--format", "json", "--no-inline-allow");
        assertThat(located(flag)).hasSize(7);
        Path cfg = dir.getParent().resolve("strict.yaml");
        Files.writeString(cfg, "inlineAllow: false\n");
        assertThat(located(Cli.run("scan", dir.toString(), "--format", "json", "--config", cfg.toString()))).hasSize(7);
        Files.writeString(cfg, "inlineAllow: nope\n");
        Cli bad = Cli.run("scan", dir.toString(), "--config", cfg.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("inlineAllow: expected true or false");
    }

    @Test
    void anInlineAllowDoesNotMakeAFileAnEnvelopeAndTheGateCanRefuseIt() throws Exception {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        String base = repo.write("README", "hello\n").commitAll("first");
        String pat = Tokens.githubPat();
        repo.write("secrets/db.yaml", "password: hunter2hunter2hunter2  # leakgate:allow\n")
                .write("ci.env", "TOKEN=" + pat + "  # leakgate:allow\n").commitAll("accepted inline");
        Cli gate = Cli.run("gate", "-C", repo.dir.toString(), "--base", base, "--format", "json").assertNoSecret(pat);
        assertThat(located(gate)).containsExactly("secrets/db.yaml");
        Cli strict = Cli.run("gate", "-C", repo.dir.toString(), "--base", base, "--format", "json", "--no-inline-allow");
        assertThat(located(strict)).containsExactlyInAnyOrder("ci.env:1", "secrets/db.yaml");

        repo.write("more.env", "X=" + Tokens.githubPat() + " # leakgate:allow\n").add("more.env");
        Cli staged = Cli.run("staged", "-C", repo.dir.toString(), "--format", "json");
        assertThat(staged.exit()).as(staged.toString()).isZero();
    }

    @Test
    void writeBaselineAcceptsEverythingAndRefreshingItKeepsWhatIsStillFound() throws Exception {
        String a = Tokens.githubPat();
        String b = Tokens.githubPat();
        Files.writeString(dir.resolve("a.env"), "A=" + a + "\n");
        Path baseline = dir.getParent().resolve("baseline.json");
        Cli write = Cli.run("scan", dir.toString(), "--write-baseline", baseline.toString()).assertNoSecret(a);
        assertThat(write.exit()).as(write.toString()).isZero();
        assertThat(write.err()).contains("baseline written to " + baseline + ": 1 finding accepted");
        assertThat(Files.readString(baseline)).doesNotContain(a).contains("\"baselineMatch\" : \"value\"");
        Cli clean = Cli.run("scan", dir.toString(), "--baseline", baseline.toString(), "--format", "json");
        assertThat(clean.exit()).isZero();
        assertThat(Json.parse(clean).get("stats").get("baselineUnused").asInt()).isZero();

        // refresh: a new finding joins the one the baseline already accepted
        Files.writeString(dir.resolve("b.env"), "B=" + b + "\n");
        assertThat(Cli.run("scan", dir.toString(), "--baseline", baseline.toString()).exit()).isEqualTo(1);
        Cli refresh = Cli.run("scan", dir.toString(), "--baseline", baseline.toString(), "--write-baseline", baseline.toString());
        assertThat(refresh.exit()).isZero();
        assertThat(refresh.err()).contains("2 findings accepted (1 new)");
        assertThat(Cli.run("scan", dir.toString(), "--baseline", baseline.toString()).exit()).isZero();

        // a fixed finding leaves an entry that matches nothing: said on stderr and in the stats
        Files.writeString(dir.resolve("a.env"), "A=from-the-vault\n");
        Cli stale = Cli.run("scan", dir.toString(), "--baseline", baseline.toString(), "--format", "json");
        assertThat(stale.exit()).isZero();
        assertThat(Json.parse(stale).get("stats").get("baselineUnused").asInt()).isEqualTo(1);
        assertThat(stale.err()).contains("1 baseline entry matches nothing any more").contains("--write-baseline");
        Cli again = Cli.run("scan", dir.toString(), "--baseline", baseline.toString(), "--write-baseline", baseline.toString());
        assertThat(again.err()).contains("1 finding accepted (0 new)");
        assertThat(new ObjectMapper().readTree(baseline.toFile()).get("findings")).hasSize(1);
        // without a baseline there is nothing to be unused
        assertThat(Json.parse(Cli.run("scan", dir.toString(), "--format", "json")).get("stats").get("baselineUnused").isNull()).isTrue();
    }

    @Test
    void aPathBoundBaselineReportsTheSameValueCopiedIntoANewFile() throws Exception {
        String a = Tokens.githubPat();
        Files.writeString(dir.resolve("a.env"), "A=" + a + "\n");
        Path byValue = dir.getParent().resolve("by-value.json");
        Path byPath = dir.getParent().resolve("by-path.json");
        assertThat(Cli.run("scan", dir.toString(), "--write-baseline", byValue.toString()).exit()).isZero();
        Cli bound = Cli.run("scan", dir.toString(), "--write-baseline", byPath.toString(), "--baseline-match", "value-and-path");
        assertThat(bound.exit()).isZero();
        assertThat(bound.err()).contains("each at its path only");
        Files.writeString(dir.resolve("copy.env"), "A=" + a + "\n");
        assertThat(Cli.run("scan", dir.toString(), "--baseline", byValue.toString()).exit()).isZero();
        Cli copied = Cli.run("scan", dir.toString(), "--baseline", byPath.toString(), "--format", "json").assertNoSecret(a);
        assertThat(copied.exit()).isEqualTo(1);
        assertThat(located(copied)).containsExactly("copy.env:1");
        Cli bad = Cli.run("scan", dir.toString(), "--write-baseline", byPath.toString(), "--baseline-match", "path");
        assertThat(bad.exit()).isEqualTo(2);
    }

    @Test
    void aBaselineFromAnAuditAcceptsHistoryAndPartialViewsDoNotCallItStale() throws Exception {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        String old = Tokens.githubPat();
        repo.write("old.env", "A=" + old + "\n").commitAll("old leak");
        repo.write("old.env", "A=\n").commitAll("removed, still in history");
        Path baseline = dir.resolve("baseline.json");
        assertThat(Cli.run("audit", "-C", repo.dir.toString(), "--write-baseline", baseline.toString()).exit()).isZero();
        Cli audit = Cli.run("audit", "-C", repo.dir.toString(), "--baseline", baseline.toString(), "--format", "json");
        assertThat(audit.exit()).isZero();
        assertThat(Json.parse(audit).get("stats").get("baselineUnused").asInt()).isZero();
        repo.write("b.txt", "b\n").add("b.txt");
        Cli staged = Cli.run("staged", "-C", repo.dir.toString(), "--baseline", baseline.toString(), "--format", "json");
        assertThat(staged.exit()).isZero();
        assertThat(Json.parse(staged).get("stats").get("baselineUnused").isNull()).as("staged sees only the change").isTrue();
        assertThat(staged.err()).doesNotContain("baseline");
    }
}
