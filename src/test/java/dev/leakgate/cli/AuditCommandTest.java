package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakgate.source.TestRepo;
import dev.leakgate.source.TestRepo.Secrets;
import dev.leakgate.testing.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    @TempDir
    Path tmp;

    private static Cli audit(TestRepo r) {
        return Cli.run("audit", "-C", r.dir.toString(), "--format", "json");
    }

    @Test
    void aLeakAddedThenRemovedIsFoundInHistoryPackedOrNot() {
        TestRepo r = TestRepo.init(tmp);
        r.write("README", "hello\n").commitAll("base");
        String s = Secrets.ghp();
        String added = r.write("ci.env", "A=1\nTOKEN=" + s + "\n").commitAll("add");
        r.write("ci.env", "A=1\n").commitAll("remove");
        looseThenPacked(r, () -> {
            Cli res = audit(r).assertNoSecret(s);
            assertThat(res.exit()).as(res.toString()).isEqualTo(1);
            assertThat(res.err()).as("no progress when stderr is not a terminal").isEmpty();
            assertThat(Json.placed(res)).containsExactly(Json.place("ci.env", 2, added));
        });
    }

    @Test
    void aLeakOnlyOnAnUnmergedBranchIsFoundByAuditNotByTheGate() {
        TestRepo r = TestRepo.init(tmp);
        String base = r.write("README", "hello\n").commitAll("base");
        r.git("checkout", "-q", "-b", "wip");
        String s = Secrets.ghp();
        String onWip = r.write("wip.env", "TOKEN=" + s + "\n").commitAll("wip");
        r.git("checkout", "-q", "main");
        r.write("README", "hello again\n").commitAll("main");
        Cli gate = Cli.run("gate", "-C", r.dir.toString(), "--base", base).assertNoSecret(s);
        assertThat(gate.exit()).as(gate.toString()).isZero();
        Cli res = audit(r).assertNoSecret(s);
        assertThat(res.exit()).isEqualTo(1);
        assertThat(Json.findings(res).get(0).get("commit").asText()).isEqualTo(onWip);
    }

    @Test
    void aLeakOnlyInATagIsFound() {
        TestRepo r = TestRepo.init(tmp);
        r.write("README", "hello\n").commitAll("base");
        r.git("checkout", "-q", "--detach");
        String s = Secrets.age();
        String tagged = r.write("release/key.txt", s + "\n").commitAll("release with a key");
        r.git("tag", "-a", "-m", "v1", "v1.0");
        r.git("checkout", "-q", "main");
        Cli res = audit(r).assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactly("age-secret-key release/key.txt:1");
        assertThat(Json.findings(res).get(0).get("commit").asText()).isEqualTo(tagged);
    }

    /** A blob holding a fresh token, reachable from nothing yet; returns its id. */
    private static String leakBlob(TestRepo r, String token) {
        return r.gitInput(("x = 1\nTOKEN=" + token + "\n").getBytes(StandardCharsets.US_ASCII), "hash-object", "-w", "--stdin").trim();
    }

    /** Runs the check on loose objects, then again once git gc has packed them. */
    private static void looseThenPacked(TestRepo r, Runnable check) {
        check.run();
        r.git("gc", "-q");
        check.run();
    }

    private static String tree(TestRepo r, String entries) {
        return r.gitInput(entries.getBytes(StandardCharsets.US_ASCII), "mktree").trim();
    }

    @Test
    void aLeakInATreeOnlyATagPointsAtIsFoundAtItsPathInThatTree() {
        TestRepo r = TestRepo.init(tmp);
        r.write("README", "hello\n").commitAll("base");
        String lightweight = Tokens.githubPat();
        String annotated = Tokens.githubPat();
        String conf = tree(r, "100644 blob " + leakBlob(r, lightweight) + "\tapp.env\n");
        r.git("tag", "tree-only", tree(r, "040000 tree " + conf + "\tconf\n"));
        r.git("tag", "-a", "-m", "a tree", "annotated-tree", tree(r, "100644 blob " + leakBlob(r, annotated) + "\tdeploy.env\n"));
        looseThenPacked(r, () -> {
            Cli res = audit(r).assertNoSecret(lightweight, annotated);
            assertThat(res.exit()).as(res.toString()).isEqualTo(1);
            // No commit holds them: they carry none.
            assertThat(Json.placed(res)).containsExactly(Json.place("conf/app.env", 2, null), Json.place("deploy.env", 2, null));
            assertThat(Json.locations(res)).containsExactly("github-pat conf/app.env:2", "github-pat deploy.env:2");
        });
    }

    @Test
    void aLeakInABlobOnlyATagPointsAtIsFoundUnderTheTagsName() {
        TestRepo r = TestRepo.init(tmp);
        r.write("README", "hello\n").commitAll("base");
        String lightweight = Tokens.githubPat();
        String annotated = Tokens.githubPat();
        r.git("tag", "blob-only", leakBlob(r, lightweight));
        r.git("tag", "-a", "-m", "a blob", "annotated-blob", leakBlob(r, annotated));
        looseThenPacked(r, () -> {
            Cli res = audit(r).assertNoSecret(lightweight, annotated);
            assertThat(res.exit()).as(res.toString()).isEqualTo(1);
            // A blob has no path: the ref that reaches it names it.
            assertThat(Json.placed(res)).containsExactly(
                    Json.place("refs/tags/annotated-blob", 2, null), Json.place("refs/tags/blob-only", 2, null));
        });
    }

    @Test
    void anAnnotatedTagOfAnAnnotatedTagIsFollowedToWhatItTags() {
        TestRepo r = TestRepo.init(tmp);
        String base = r.write("README", "hello\n").commitAll("base");
        String inCommit = Tokens.githubPat();
        String inBlob = Tokens.githubPat();
        String leak = r.git("commit-tree", "-p", base, "-m", "only tagged",
                tree(r, "100644 blob " + leakBlob(r, inCommit) + "\tci.env\n")).trim();
        r.git("tag", "-a", "-m", "inner", "inner", leak);
        r.git("tag", "-a", "-m", "outer", "outer", "inner");
        r.git("tag", "-a", "-m", "inner blob", "inner-blob", leakBlob(r, inBlob));
        r.git("tag", "-a", "-m", "outer blob", "outer-blob", "inner-blob");
        // Only the outer tags are left: the inner ones are reachable through them alone.
        r.git("tag", "-d", "inner", "inner-blob");
        assertThat(r.git("cat-file", "-t", "outer^{}")).isEqualTo("commit\n");
        assertThat(r.git("cat-file", "-t", r.git("cat-file", "-p", "outer").lines().findFirst().orElseThrow().substring("object ".length())))
                .as("outer tags a tag").isEqualTo("tag\n");
        looseThenPacked(r, () -> {
            Cli res = audit(r).assertNoSecret(inCommit, inBlob);
            assertThat(res.exit()).as(res.toString()).isEqualTo(1);
            assertThat(Json.placed(res)).containsExactly(Json.place("ci.env", 2, leak), Json.place("refs/tags/outer-blob", 2, null));
        });
    }

    @Test
    void aLeakIntroducedByAMergeCommitIsBlamedOnTheMerge() {
        TestRepo r = TestRepo.init(tmp);
        r.write("app.conf", "a\nb\nc\n").commitAll("base");
        r.git("checkout", "-q", "-b", "topic");
        r.write("app.conf", "a\nb\nc\nd\n").commitAll("topic");
        r.git("checkout", "-q", "main");
        r.write("app.conf", "z\na\nb\nc\n").commitAll("main");
        r.git("merge", "-q", "--no-commit", "topic");
        String s = Secrets.ghp();
        r.write("app.conf", "z\na\nb\nTOKEN=" + s + "\nc\nd\n").add("app.conf");
        String merge = r.commit("evil merge");
        Cli res = audit(r).assertNoSecret(s);
        assertThat(Json.findings(res)).hasSize(1);
        assertThat(Json.findings(res).get(0).get("commit").asText()).isEqualTo(merge);
    }

    @Test
    void aRenamedFileIsOneFindingWithTheOtherPathCounted() {
        TestRepo r = TestRepo.init(tmp);
        String s = Secrets.ghp();
        String first = r.write("a/creds.txt", "TOKEN=" + s + "\n").commitAll("add");
        r.write("b/.keep", "").add("b/.keep");
        r.git("mv", "a/creds.txt", "b/creds.txt");
        r.commit("move");
        Cli res = audit(r).assertNoSecret(s);
        List<JsonNode> f = Json.findings(res);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).get("path").asText()).isEqualTo("a/creds.txt");
        assertThat(f.get(0).get("commit").asText()).isEqualTo(first);
        assertThat(f.get(0).get("otherPaths").asInt()).isEqualTo(1);
        assertThat(f.get(0).get("otherCommits").asInt()).isEqualTo(1);
    }

    @Test
    void theSameBlobInAThousandCommitsIsOneFinding() {
        TestRepo r = TestRepo.init(tmp);
        String s = Secrets.ghp();
        ByteArrayOutputStream fi = new ByteArrayOutputStream();
        byte[] leak = ("TOKEN=" + s + "\n").getBytes(StandardCharsets.US_ASCII);
        for (int c = 1; c <= 1000; c++) {
            String msg = "commit " + c;
            StringBuilder h = new StringBuilder("commit refs/heads/main\ncommitter T <t@example.org> ")
                    .append(1_600_000_000L + c).append(" +0000\ndata ").append(msg.length()).append('\n').append(msg).append('\n');
            fi.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
            if (c == 1) {
                fi.writeBytes(("M 100644 inline secrets.env\ndata " + leak.length + "\n").getBytes(StandardCharsets.US_ASCII));
                fi.writeBytes(leak);
                fi.write('\n');
            }
            byte[] counter = ("n = " + c + "\n").getBytes(StandardCharsets.US_ASCII);
            fi.writeBytes(("M 100644 inline counter.txt\ndata " + counter.length + "\n").getBytes(StandardCharsets.US_ASCII));
            fi.writeBytes(counter);
            fi.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        }
        r.gitInput(fi.toByteArray(), "fast-import", "--quiet");
        Cli res = audit(r).assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        List<JsonNode> f = Json.findings(res);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).get("otherCommits").asInt()).isEqualTo(999);
        assertThat(f.get(0).get("otherPaths").asInt()).isZero();
        assertThat(f.get(0).get("commit").asText()).isEqualTo(r.git("rev-list", "--max-parents=0", "main").trim());
    }

    @Test
    void aSecretInABinaryBlobIsFound() {
        TestRepo r = TestRepo.init(tmp);
        String s = Secrets.ghp();
        byte[] text = ("TOKEN=" + s + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] bin = new byte[text.length + 1];
        System.arraycopy(text, 0, bin, 1, text.length);
        r.write("image.bin", bin).commitAll("binary");
        Cli res = audit(r).assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactly("github-pat image.bin:1");
        assertThat(Json.parse(res).get("stats").get("skippedBinary").asInt()).isZero();
    }

    @Test
    void anEmptyRepositoryIsClean() {
        TestRepo r = TestRepo.init(tmp);
        Cli res = audit(r);
        assertThat(res.exit()).as(res.toString()).isZero();
        assertThat(Json.findings(res)).isEmpty();
    }

    @Test
    void aCommitOnlyOnADetachedHeadIsFound() {
        TestRepo r = TestRepo.init(tmp);
        r.write("README", "hello\n").commitAll("base");
        r.git("checkout", "-q", "--detach");
        String s = Secrets.ghp();
        String detached = r.write("x.env", "TOKEN=" + s + "\n").commitAll("detached");
        Cli res = audit(r).assertNoSecret(s);
        assertThat(res.exit()).isEqualTo(1);
        assertThat(Json.findings(res).get(0).get("commit").asText()).isEqualTo(detached);
    }

    @Test
    void aBareMirrorIsAudited() {
        TestRepo r = TestRepo.init(tmp.resolve("work"));
        String s = Secrets.ghp();
        r.write("x.env", "TOKEN=" + s + "\n").commitAll("leak");
        r.write("x.env", "\n").commitAll("fix");
        TestRepo bare = new TestRepo(tmp.resolve("mirror.git"));
        r.git("clone", "-q", "--mirror", r.dir.toString(), bare.dir.toString());
        Cli res = audit(bare).assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactly("github-pat x.env:1");
    }

    @Test
    void stashedLeaksAreFoundOlderEntriesToo() {
        TestRepo r = TestRepo.init(tmp);
        r.write("app.conf", "a\n").commitAll("base");
        String older = Secrets.ghp();
        String newer = Secrets.ghp();
        r.write("app.conf", "a\nOLD=" + older + "\n");
        r.git("stash", "-q");
        r.write("app.conf", "a\nNEW=" + newer + "\n");
        r.git("stash", "-q");
        Cli res = audit(r).assertNoSecret(older, newer);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.findings(res)).hasSize(2);
    }

    @Test
    void anUnreadableObjectIsExit3NamingIt() throws IOException {
        TestRepo r = TestRepo.init(tmp);
        r.write("a.txt", "some content\n").commitAll("one");
        String blob = r.git("rev-parse", "HEAD:a.txt").trim();
        Path loose = r.dir.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2));
        Files.delete(loose);
        Cli res = audit(r);
        assertThat(res.exit()).as(res.toString()).isEqualTo(3);
        assertThat(res.err()).contains(blob).doesNotContain("Exception");
        Cli gate = Cli.run("gate", "-C", r.dir.toString(), "--base", "HEAD");
        assertThat(gate.exit()).as(gate.toString()).isEqualTo(3);
        assertThat(gate.err()).contains(blob);
    }
}
