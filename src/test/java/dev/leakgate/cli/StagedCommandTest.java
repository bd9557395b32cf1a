package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakgate.source.TestRepo;
import dev.leakgate.source.TestRepo.Secrets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedCommandTest {
    @TempDir
    Path tmp;

    private Cli staged(TestRepo r) {
        return Cli.run("staged", "-C", r.dir.toString(), "--format", "json");
    }

    @Test
    void onlyTheStagedLeakIsReportedNotUnstagedOrUntracked() {
        TestRepo r = TestRepo.init(tmp);
        r.write("app.conf", "a = 1\nb = 2\nc = 3\n").commitAll("first");
        String staged = Secrets.ghp();
        String unstaged = Secrets.ghp();
        String untracked = Secrets.ghp();
        r.write("app.conf", "a = 1\nb = 2\nGITHUB_TOKEN=" + staged + "\nc = 3\n").add("app.conf");
        r.write("app.conf", "a = 1\nb = 2\nGITHUB_TOKEN=" + staged + "\nc = 3\nOTHER=" + unstaged + "\n");
        r.write("notes.txt", "token " + untracked + "\n");
        Cli res = staged(r).assertNoSecret(staged, unstaged, untracked);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactly("github-pat app.conf:3");
        assertThat(Json.findings(res).get(0).get("commit").isNull()).isTrue();
    }

    @Test
    void onlyAddedLinesCountNotLinesAlreadyCommitted() {
        TestRepo r = TestRepo.init(tmp);
        String old = Secrets.ghp();
        r.write("app.conf", "x\nTOKEN=" + old + "\ny\n").commitAll("already there");
        r.write("app.conf", "x\nTOKEN=" + old + "\ny\nz = 4\n").add("app.conf");
        Cli res = staged(r).assertNoSecret(old);
        assertThat(res.exit()).as(res.toString()).isZero();
    }

    @Test
    void worksBeforeTheFirstCommit() {
        TestRepo r = TestRepo.init(tmp);
        String age = Secrets.age();
        r.write("keys/key.txt", "# created: today\n" + age + "\n").add("keys/key.txt");
        Cli res = staged(r).assertNoSecret(age);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactly("age-secret-key keys/key.txt:2");
    }

    @Test
    void emptyRepositoryWithNothingStagedIsClean() {
        TestRepo r = TestRepo.init(tmp);
        Cli res = staged(r);
        assertThat(res.exit()).as(res.toString()).isZero();
        assertThat(Json.findings(res)).isEmpty();
    }

    @Test
    void aRenamedFileAddsOnlyItsNewLines() {
        TestRepo r = TestRepo.init(tmp);
        String moved = Secrets.ghp();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            body.append("line ").append(i).append(" of a file that is long enough for rename detection\n");
        }
        r.write("old/name.txt", body + "TOKEN=" + moved + "\n").commitAll("first");
        r.write("new/.keep", "").add("new/.keep");
        r.git("mv", "old/name.txt", "new/name.txt");
        Cli pure = staged(r).assertNoSecret(moved);
        assertThat(pure.exit()).as(pure.toString()).isZero();

        String added = Secrets.ghp();
        r.write("new/name.txt", body + "TOKEN=" + moved + "\nNEW=" + added + "\n").add("new/name.txt");
        Cli edited = staged(r).assertNoSecret(moved, added);
        assertThat(edited.exit()).as(edited.toString()).isEqualTo(1);
        assertThat(Json.locations(edited)).containsExactly("github-pat new/name.txt:32");
    }

    @Test
    void deletionsAddNothing() {
        TestRepo r = TestRepo.init(tmp);
        String s = Secrets.ghp();
        r.write("leak.txt", "TOKEN=" + s + "\n").commitAll("oops");
        r.git("rm", "-q", "leak.txt");
        Cli res = staged(r).assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isZero();
    }

    @Test
    void intentToAddEntriesAreNotWhatACommitRecords() {
        TestRepo r = TestRepo.init(tmp);
        String gone = Secrets.ghp();
        r.write("app.conf", "a = 1\n").write("old.env", "TOKEN=" + gone + "\n").commitAll("first");
        String intended = Secrets.ghp();
        String staged = Secrets.ghp();
        // git add -N stages the empty blob as a placeholder; git commit writes none of these paths.
        r.write("notes.txt", "token " + intended + "\n").write("secrets/db.yaml", "password: plain\n");
        r.git("add", "-N", "notes.txt", "secrets/db.yaml");
        r.git("rm", "-q", "--cached", "old.env");
        r.git("add", "-N", "old.env");
        r.write("app.conf", "a = 1\nTOKEN=" + staged + "\n").add("app.conf");
        Cli res = staged(r).assertNoSecret(gone, intended, staged);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactly("github-pat app.conf:2");
        assertThat(r.git("diff", "--cached", "--name-status")).as("what git commit would record")
                .isEqualTo("M\tapp.conf\nD\told.env\n");

        r.git("reset", "-q", "app.conf");
        Cli none = staged(r).assertNoSecret(gone, intended, staged);
        assertThat(none.exit()).as(none.toString()).isZero();
        assertThat(Json.findings(none)).isEmpty();
    }

    @Test
    void aSecretInABinaryFileIsFound() {
        TestRepo r = TestRepo.init(tmp);
        String s = Secrets.ghp();
        byte[] text = ("TOKEN=" + s + "\n").getBytes();
        byte[] bin = new byte[text.length + 3];
        System.arraycopy(text, 0, bin, 3, text.length);
        r.write("blob.bin", bin).add("blob.bin");
        Cli res = staged(r).assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactly("github-pat blob.bin:1");
        assertThat(Json.parse(res).get("stats").get("skippedBinary").asInt()).isZero();
    }

    @Test
    void submodulesAreSkipped() {
        TestRepo r = TestRepo.init(tmp);
        r.write("a.txt", "a\n").commitAll("first");
        r.git("update-index", "--add", "--cacheinfo", "160000,1234567890123456789012345678901234567890,vendor/lib");
        Cli res = staged(r);
        assertThat(res.exit()).as(res.toString()).isZero();
    }

    @Test
    void aModifiedFileReportsTheLineInTheStagedFile() {
        TestRepo r = TestRepo.init(tmp);
        r.write("src/Config.java", "class Config {\n}\n").commitAll("first");
        String s = Secrets.ghp();
        r.write("src/Config.java", "class Config {\n  // a comment\n  String t = \"" + s + "\";\n}\n").add("src/Config.java");
        Cli res = staged(r).assertNoSecret(s);
        List<JsonNode> f = Json.findings(res);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(f.get(0).get("path").asText()).isEqualTo("src/Config.java");
    }

    @Test
    void notARepositoryIsExit3WithOneLine() {
        Cli res = Cli.run("staged", "-C", tmp.toString());
        assertThat(res.exit()).isEqualTo(3);
        assertThat(res.err()).startsWith("leakgate: not a git repository").doesNotContain("Exception");
        assertThat(res.err().lines().count()).isEqualTo(1);
    }

    @Test
    void aBareRepositoryHasNothingStaged() {
        TestRepo r = TestRepo.init(tmp.resolve("bare"), "--bare");
        Cli res = Cli.run("staged", "-C", r.dir.toString());
        assertThat(res.exit()).isEqualTo(3);
        assertThat(res.err()).contains("bare").doesNotContain("Exception");
    }

    @Test
    void theGitCommandsHaveHelp() {
        for (String cmd : new String[] {"staged", "gate", "audit", "install"}) {
            Cli res = Cli.run(cmd, "--help");
            assertThat(res.exit()).as(res.toString()).isZero();
            assertThat(res.out()).startsWith("Usage: leakgate " + cmd);
        }
    }

    @Test
    void aStagedSecretsFileOverTheSizeLimitIsStillCheckedAsAnEnvelope() {
        TestRepo r = TestRepo.init(tmp);
        r.write("secrets/db.yaml", "password: " + "q".repeat(300) + "\n").add("secrets/db.yaml");
        r.write("big.txt", "x".repeat(300) + "\n").add("big.txt");
        Cli res = Cli.run("staged", "-C", r.dir.toString(), "--format", "json", "--max-file-size", "100");
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.findings(res)).extracting(f -> f.get("ruleId").asText() + " " + f.get("path").asText())
                .containsExactly("envelope-invalid secrets/db.yaml");
    }
}
