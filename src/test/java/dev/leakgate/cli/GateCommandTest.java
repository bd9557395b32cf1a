package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakgate.source.TestRepo;
import dev.leakgate.source.TestRepo.Secrets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCommandTest {
    @TempDir
    Path tmp;

    private static Cli gate(TestRepo r, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("gate", "-C", r.dir.toString(), "--format", "json"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aLeakAddedThenRemovedIsFoundWithTheCommitThatAddedIt() {
        TestRepo r = TestRepo.init(tmp);
        String base = r.write("README", "hello\n").commitAll("base");
        String s = Secrets.ghp();
        String added = r.write("ci.env", "A=1\nTOKEN=" + s + "\n").commitAll("add ci env");
        r.write("ci.env", "A=1\n").commitAll("remove the token");
        Cli res = gate(r, "--base", base).assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.placed(res)).containsExactly(Json.place("ci.env", 2, added));
    }

    @Test
    void aLeakInHistoryAndInTheTreeIsReportedOnceWithItsCommit() {
        TestRepo r = TestRepo.init(tmp);
        String base = r.write("README", "hello\n").commitAll("base");
        String s = Secrets.ghp();
        String added = r.write("ci.env", "TOKEN=" + s + "\n").commitAll("add");
        r.write("ci.env", "# header\nTOKEN=" + s + "\n").commitAll("move it down");
        Cli res = gate(r, "--base", base).assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        List<JsonNode> f = Json.findings(res);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).get("commit").asText()).isEqualTo(added);
        assertThat(f.get(0).get("line").asInt()).as("the place in the published tree").isEqualTo(2);
    }

    @Test
    void aLeakAlreadyThereBeforeBaseIsStillPublishedSoItFails() {
        TestRepo r = TestRepo.init(tmp);
        String s = Secrets.ghp();
        String base = r.write("old.env", "TOKEN=" + s + "\n").commitAll("long ago");
        r.write("README", "more\n").commitAll("unrelated");
        Cli res = gate(r, "--base", base).assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactly("github-pat old.env:1");
    }

    @Test
    void aCleanRangeIsExit0() {
        TestRepo r = TestRepo.init(tmp);
        String base = r.write("README", "hello\n").commitAll("base");
        r.write("README", "hello\nworld\n").commitAll("more");
        Cli res = gate(r, "--base", base, "--head", "main");
        assertThat(res.exit()).as(res.toString()).isZero();
    }

    @Test
    void aCleanMergeAddsNothingTheBranchCommitIsBlamed() {
        TestRepo r = TestRepo.init(tmp);
        String base = r.write("README", "hello\n").commitAll("base");
        r.git("checkout", "-q", "-b", "topic");
        String s = Secrets.ghp();
        String onTopic = r.write("topic.env", "TOKEN=" + s + "\n").commitAll("topic work");
        r.git("checkout", "-q", "main");
        r.write("main.txt", "main work\n").commitAll("main work");
        r.git("merge", "-q", "--no-ff", "-m", "merge topic", "topic");
        Cli res = gate(r, "--base", base).assertNoSecret(s);
        List<JsonNode> f = Json.findings(res);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).get("commit").asText()).isEqualTo(onTopic);
    }

    @Test
    void aLeakIntroducedByAMergeCommitIsBlamedOnTheMerge() {
        TestRepo r = TestRepo.init(tmp);
        String base = r.write("app.conf", "a\nb\nc\n").commitAll("base");
        r.git("checkout", "-q", "-b", "topic");
        r.write("app.conf", "a\nb\nc\nd\n").commitAll("topic adds d");
        r.git("checkout", "-q", "main");
        r.write("app.conf", "z\na\nb\nc\n").commitAll("main adds z");
        r.git("merge", "-q", "--no-commit", "topic");
        String s = Secrets.ghp();
        r.write("app.conf", "z\na\nb\nTOKEN=" + s + "\nc\nd\n").add("app.conf");
        String merge = r.commit("evil merge");
        Cli res = gate(r, "--base", base).assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        List<JsonNode> f = Json.findings(res);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).get("commit").asText()).isEqualTo(merge);
        assertThat(f.get(0).get("line").asInt()).isEqualTo(4);
    }

    @Test
    void aBaseThatDoesNotResolveIsExit3WithHowToFixIt() {
        TestRepo r = TestRepo.init(tmp);
        r.write("README", "hello\n").commitAll("base");
        Cli res = gate(r, "--base", "origin/nowhere");
        assertThat(res.exit()).isEqualTo(3);
        assertThat(res.err()).contains("origin/nowhere").contains("fetch").doesNotContain("Exception");
        assertThat(res.err().lines().count()).isEqualTo(1);
        assertThat(res.out()).isEmpty();
    }

    @Test
    void aHeadThatNamesABlobIsExit3NotAMissingCommit() {
        TestRepo r = TestRepo.init(tmp);
        String base = r.write("README", "hello\n").commitAll("base");
        String blob = r.gitInput("just a file\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "hash-object", "-w", "--stdin").trim();
        r.git("tag", "-a", "-m", "a blob", "blob-tag", blob);
        Cli res = gate(r, "--base", base, "--head", "blob-tag");
        assertThat(res.exit()).as(res.toString()).isEqualTo(3);
        assertThat(res.err()).contains("head blob-tag is not a commit").doesNotContain("fetch");
        assertThat(res.err().lines().count()).isEqualTo(1);
    }

    @Test
    void aShallowCloneWithoutTheBaseIsExit3() {
        TestRepo origin = TestRepo.init(tmp.resolve("origin"));
        String first = origin.write("a.txt", "1\n").commitAll("1");
        origin.write("a.txt", "2\n").commitAll("2");
        origin.write("a.txt", "3\n").commitAll("3");
        TestRepo shallow = new TestRepo(tmp.resolve("shallow"));
        origin.git("clone", "-q", "--depth", "1", "file://" + origin.dir, shallow.dir.toString());
        Cli bySha = gate(shallow, "--base", first);
        assertThat(bySha.exit()).as(bySha.toString()).isEqualTo(3);
        assertThat(bySha.err()).contains(first).contains("fetch").doesNotContain("Exception");
        Cli byName = gate(shallow, "--base", "HEAD~2");
        assertThat(byName.exit()).as(byName.toString()).isEqualTo(3);
    }

    @Test
    void aShallowCloneThatCutsTheRangeIsExit3NotAPass() {
        TestRepo origin = TestRepo.init(tmp.resolve("origin"));
        String first = origin.write("a.txt", "1\n").commitAll("1");
        origin.git("branch", "old");
        origin.write("a.txt", "2\n").commitAll("2");
        origin.write("a.txt", "3\n").commitAll("3");
        TestRepo shallow = new TestRepo(tmp.resolve("shallow"));
        origin.git("clone", "-q", "--depth", "1", "--no-single-branch", "file://" + origin.dir, shallow.dir.toString());
        // the base is present (branch old), but the history from head down to it is cut
        Cli res = gate(shallow, "--base", "origin/old");
        assertThat(res.exit()).as(res.toString()).isEqualTo(3);
        assertThat(res.err()).contains("is cut off at commit").doesNotContain("Exception");
        assertThat(first).isNotEmpty();
    }

    @Test
    void aRenamedFileIsNotAnAdditionButTheTreeStillShowsTheLeak() {
        TestRepo r = TestRepo.init(tmp);
        String s = Secrets.ghp();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            body.append("setting").append(i).append(" = value number ").append(i).append('\n');
        }
        String base = r.write("conf/app.conf", body + "TOKEN=" + s + "\n").commitAll("base");
        r.write("conf2/.keep", "").add("conf2/.keep");
        r.git("mv", "conf/app.conf", "conf2/app.conf");
        r.commit("rename");
        Cli res = gate(r, "--base", base).assertNoSecret(s);
        List<JsonNode> f = Json.findings(res);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).get("path").asText()).isEqualTo("conf2/app.conf");
        assertThat(f.get(0).hasNonNull("commit")).as("not introduced in the range").isFalse();
    }

    @Test
    void rootGatesEveryCommitAndBaseOrRootIsRequired() {
        TestRepo r = TestRepo.init(tmp);
        String s = Secrets.ghp();
        String first = r.write("a.env", "TOKEN=" + s + "\n").commitAll("first");
        r.write("a.env", "\n").commitAll("fixed");
        Cli res = gate(r, "--root").assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.findings(res).get(0).get("commit").asText()).isEqualTo(first);
        Cli neither = gate(r);
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("--base").contains("--root");
        Cli both = gate(r, "--root", "--base", first);
        assertThat(both.exit()).isEqualTo(2);
    }
}
