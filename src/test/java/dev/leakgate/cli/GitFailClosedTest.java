package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakgate.source.TestRepo;
import dev.leakgate.source.TestRepo.Secrets;
import dev.leakgate.testing.Tokens;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git modes fail closed (issue 9) and gate new branches (issue 11): every case here passed,
 * or failed with the wrong words, before; each drives the real CLI on a real repository.
 */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES) // a reader that waits on a failed thread must fail the test, not hang the build
class GitFailClosedTest {
    @TempDir
    Path tmp;

    private static Cli run(String command, TestRepo r, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "-C", r.dir.toString(), "--format", "json"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private TestRepo cloneOf(TestRepo origin, String name, String... options) {
        TestRepo c = new TestRepo(tmp.resolve(name));
        List<String> args = new ArrayList<>(List.of("clone", "-q"));
        args.addAll(List.of(options));
        args.addAll(List.of("file://" + origin.dir, c.dir.toString()));
        origin.git(args.toArray(String[]::new));
        return c;
    }

    // ---- audit: what it must read -----------------------------------------------------------

    @Test
    void auditInAShallowCloneIsExit3WithTheUnshallowHint() {
        TestRepo origin = TestRepo.init(tmp.resolve("origin"));
        String s = Secrets.ghp();
        origin.write("ci.env", "TOKEN=" + s + "\n").commitAll("leak");
        origin.write("ci.env", "\n").commitAll("fix");
        TestRepo shallow = cloneOf(origin, "shallow", "--depth", "1");
        Cli res = run("audit", shallow).assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(3);
        assertThat(res.err()).contains("shallow").contains("git fetch --unshallow").doesNotContain("Exception");
        assertThat(res.err().lines().count()).isEqualTo(1);
    }

    @Test
    void auditReadsTheHeadOfEveryWorktree() {
        TestRepo main = TestRepo.init(tmp.resolve("main"));
        main.write("README", "hello\n").commitAll("base");
        main.git("worktree", "add", "-q", "--detach", tmp.resolve("wt").toString());
        TestRepo wt = new TestRepo(tmp.resolve("wt"));
        String inWt = Secrets.ghp();
        String wtCommit = wt.write("wt.env", "TOKEN=" + inWt + "\n").commitAll("only on the linked worktree's detached HEAD");
        main.git("checkout", "-q", "--detach");
        String inMain = Secrets.ghp();
        String mainCommit = main.write("main.env", "TOKEN=" + inMain + "\n").commitAll("only on the main worktree's detached HEAD");
        assertThat(main.git("rev-list", "--all")).contains(wtCommit).contains(mainCommit);

        Cli fromMain = run("audit", main).assertNoSecret(inWt, inMain);
        assertThat(fromMain.exit()).as(fromMain.toString()).isEqualTo(1);
        assertThat(Json.placed(fromMain)).containsExactly(Json.place("main.env", 1, mainCommit), Json.place("wt.env", 1, wtCommit));
        Cli fromWt = run("audit", wt).assertNoSecret(inWt, inMain);
        assertThat(Json.placed(fromWt)).containsExactly(Json.place("main.env", 1, mainCommit), Json.place("wt.env", 1, wtCommit));
    }

    @Test
    void commitAndTagMessagesAreAudited() {
        TestRepo r = TestRepo.init(tmp);
        r.write("README", "hello\n").commitAll("base");
        String inCommit = Tokens.githubPat();
        String inTag = Tokens.githubPat();
        r.write("README", "hello again\n").add("README");
        String commit = r.commit("deploy fix\n\nused TOKEN=" + inCommit + " to test it\n");
        r.git("tag", "-a", "-m", "release\n\nci token " + inTag + "\n", "v1.0");
        Cli res = run("audit", r).assertNoSecret(inCommit, inTag);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.placed(res)).containsExactlyInAnyOrder(
                Json.place(commit + ":message", 3, commit), Json.place("v1.0:message", 3, null));
    }

    @Test
    void aMissingTreeIsExit3NamingItNotAnInternalClassName() throws IOException {
        TestRepo r = TestRepo.init(tmp);
        r.write("conf/a.txt", "some content\n").commitAll("one");
        String tree = r.git("rev-parse", "HEAD:conf").trim();
        Files.delete(r.dir.resolve(".git/objects/" + tree.substring(0, 2) + "/" + tree.substring(2)));
        Cli res = run("audit", r);
        assertThat(res.exit()).as(res.toString()).isEqualTo(3);
        assertThat(res.err()).contains(tree).contains("repository corrupt").doesNotContain("org.eclipse")
                .doesNotContain("Exception").doesNotContain("--unshallow");
    }

    @Test
    void aCorruptPackIsReportedAsSuchNotAsAShallowClone() throws IOException {
        TestRepo r = TestRepo.init(tmp);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            body.append("line ").append(i).append(" of a file big enough to be compressed in its own stretch\n");
        }
        r.write("big.txt", body.toString()).commitAll("one");
        r.git("gc", "-q");
        Path pack;
        try (Stream<Path> s = Files.list(r.dir.resolve(".git/objects/pack"))) {
            pack = s.filter(p -> p.toString().endsWith(".pack")).findFirst().orElseThrow();
        }
        pack.toFile().setWritable(true);
        try (RandomAccessFile f = new RandomAccessFile(pack.toFile(), "rw")) {
            long n = f.length();
            for (long at = 200; at < n - 100; at += 97) {
                f.seek(at);
                f.write(0x5a);
            }
        }
        for (String command : List.of("audit", "gate")) {
            Cli res = command.equals("gate") ? run(command, r, "--root") : run(command, r);
            assertThat(res.exit()).as(res.toString()).isEqualTo(3);
            assertThat(res.err()).as(command).contains("repository corrupt").doesNotContain("--unshallow")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void aPartialCloneSaysSoAndHowToFetchWhatIsMissing() {
        TestRepo origin = TestRepo.init(tmp.resolve("origin"));
        origin.git("config", "uploadpack.allowFilter", "true");
        origin.write("a.txt", "one\n").commitAll("1");
        origin.write("a.txt", "two\n").commitAll("2");
        TestRepo partial = cloneOf(origin, "partial", "--filter=blob:none", "--no-checkout");
        Cli res = run("audit", partial);
        assertThat(res.exit()).as(res.toString()).isEqualTo(3);
        assertThat(res.err()).contains("partial clone").contains("git fetch --refetch origin")
                .doesNotContain("--unshallow").doesNotContain("Exception");
    }

    // ---- gate ----------------------------------------------------------------------------------

    @Test
    void gateRootInAShallowCloneNamesTheHistoryNotNull() {
        TestRepo origin = TestRepo.init(tmp.resolve("origin"));
        origin.write("a.txt", "1\n").commitAll("1");
        origin.write("a.txt", "2\n").commitAll("2");
        TestRepo shallow = cloneOf(origin, "shallow", "--depth", "1");
        Cli res = run("gate", shallow, "--root");
        assertThat(res.exit()).as(res.toString()).isEqualTo(3);
        assertThat(res.err()).contains("history of HEAD is cut off").contains("--unshallow").doesNotContain("null");
    }

    @Test
    void gateReadsTheMessagesOfTheCommitsItGates() {
        TestRepo r = TestRepo.init(tmp);
        String base = r.write("README", "hello\n").commitAll("base");
        String s = Tokens.githubPat();
        r.write("README", "hello again\n").add("README");
        String leak = r.commit("fix the deploy (token was " + s + ")");
        Cli res = run("gate", r, "--base", base).assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.placed(res)).containsExactly(Json.place(leak + ":message", 1, leak));
    }

    @Test
    void gateHoldsTheRangeToThePolicyOfItsBaseNotItsOwn() throws IOException {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        String base = r.write("README", "hello\n").commitAll("base");
        String s = Secrets.ghp();
        r.write("app.env", "TOKEN=" + s + "\n").write(".leakgate.yaml", "allow:\n  paths: ['app.env']\n").commitAll("token, allowed by itself");
        Cli res = run("gate", r, "--base", base).assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactly("github-pat app.env:1");
        assertThat(res.err()).contains("changes .leakgate.yaml").contains(base);

        // nothing is published yet: the head's policy is the only one there is
        Cli root = run("gate", r, "--root").assertNoSecret(s);
        assertThat(root.exit()).as(root.toString()).isZero();
        // --config still pins the policy
        Path pinned = Files.writeString(tmp.resolve("pinned.yaml"), "allow:\n  paths: ['app.env']\n");
        Cli config = run("gate", r, "--base", base, "--config", pinned.toString()).assertNoSecret(s);
        assertThat(config.exit()).as(config.toString()).isZero();
    }

    @Test
    void gateKeepsThePolicyOfTheBaseWhenTheRangeLoosensIt() {
        TestRepo r = TestRepo.init(tmp);
        r.write(".leakgate.yaml", "allow:\n  paths: ['docs/**']\n").write("docs/example.env", "TOKEN=x\n");
        String base = r.commitAll("base with a policy");
        String s = Secrets.ghp();
        r.write(".leakgate.yaml", "allow:\n  paths: ['docs/**', 'deploy/**']\n").write("deploy/prod.env", "TOKEN=" + s + "\n");
        r.commitAll("loosen the policy and add a token under it");
        Cli res = run("gate", r, "--base", base).assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactly("github-pat deploy/prod.env:1");
    }

    /**
     * The config's baseline is a file in the repository, so a range could accept its own leak by
     * writing it there: the gate reads it from the base's tree, as it reads the config.
     */
    @Test
    void gateHoldsTheRangeToTheBaselineOfTheBase() throws IOException {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        String old = Secrets.ghp();
        r.write("old.env", "TOKEN=" + old + "\n");
        Path baselineFile = r.dir.resolve("leakgate-baseline.json");
        assertThat(Cli.run("scan", r.dir.toString(), "--write-baseline", baselineFile.toString()).assertNoSecret(old).exit())
                .isZero();
        r.write(".leakgate.yaml", "baseline: leakgate-baseline.json\n");
        String base = r.commitAll("an old leak, accepted in a published baseline");

        String s = Secrets.ghp();
        r.write("app.env", "TOKEN=" + s + "\n");
        assertThat(Cli.run("scan", r.dir.toString(), "--write-baseline", baselineFile.toString()).assertNoSecret(s, old).exit())
                .isZero();
        r.commitAll("a new leak, and the baseline widened to accept it");
        assertThat(Cli.run("scan", r.dir.toString()).assertNoSecret(s, old).exit()).as("the work tree accepts both").isZero();

        Cli res = run("gate", r, "--base", base).assertNoSecret(s, old);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactly("github-pat app.env:1");
        assertThat(res.err()).contains("leakgate-baseline.json differs from " + base);

        // a baseline the range adds for the first time accepts nothing either
        TestRepo fresh = TestRepo.init(tmp.resolve("fresh"));
        String freshBase = fresh.write(".leakgate.yaml", "baseline: leakgate-baseline.json\n").write("README", "hi\n")
                .commitAll("a config naming a baseline not written yet");
        fresh.write("app.env", "TOKEN=" + s + "\n");
        Path noConfig = Files.writeString(tmp.resolve("empty.yaml"), "");
        Cli.run("scan", fresh.dir.toString(), "--config", noConfig.toString(),
                "--write-baseline", fresh.dir.resolve("leakgate-baseline.json").toString()).assertNoSecret(s);
        assertThat(Cli.run("scan", fresh.dir.toString()).assertNoSecret(s).exit()).as("the work tree accepts it").isZero();
        fresh.commitAll("a leak and its own baseline");
        Cli added = run("gate", fresh, "--base", freshBase).assertNoSecret(s);
        assertThat(added.exit()).as(added.toString()).isEqualTo(1);
        assertThat(Json.locations(added)).containsExactly("github-pat app.env:1");

        // --baseline on the command line is the operator's, read from disk as given
        Cli pinned = run("gate", r, "--base", base, "--baseline", baselineFile.toString()).assertNoSecret(s, old);
        assertThat(pinned.exit()).as(pinned.toString()).isZero();
    }

    @Test
    void aNewBranchBaseOfZerosGatesWhatNoRemoteBranchHolds() {
        TestRepo origin = TestRepo.init(tmp.resolve("origin"));
        String old = Secrets.ghp();
        origin.write("old.env", "TOKEN=" + old + "\n").commitAll("an old leak, published long ago");
        origin.write("README", "hello\n").commitAll("published");
        TestRepo work = cloneOf(origin, "work");
        work.git("checkout", "-q", "-b", "feature");
        String s = Secrets.ghp();
        String leak = work.write("new.env", "TOKEN=" + s + "\n").commitAll("a new leak on a new branch");
        work.write("README", "hello again\n").commitAll("more");
        String zeros = "0".repeat(40);

        Cli res = run("gate", work, "--base", zeros).assertNoSecret(s, old);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        List<JsonNode> f = Json.findings(res);
        assertThat(Json.placed(res)).containsExactly(Json.place("new.env", 1, leak), "old.env:1 @null");
        assertThat(f.get(1).get("inBase").asBoolean()).as("published before the branch").isTrue();
        assertThat(f.get(0).get("inBase").asBoolean(true)).as("the branch adds it").isFalse();
        assertThat(res.err()).contains("new branch").doesNotContain("unshallow");

        // in CI the checkout fetched the pushed branch itself: it publishes nothing of the branch yet
        work.git("update-ref", "refs/remotes/origin/feature", "HEAD");
        Cli ci = run("gate", work, "--base", zeros).assertNoSecret(s, old);
        assertThat(Json.placed(ci)).containsExactly(Json.place("new.env", 1, leak), "old.env:1 @null");
    }

    @Test
    void aNewBranchWithNoRemoteAtAllGatesEveryCommit() {
        TestRepo r = TestRepo.init(tmp);
        String s = Secrets.ghp();
        String first = r.write("a.env", "TOKEN=" + s + "\n").commitAll("first");
        r.write("a.env", "\n").commitAll("removed");
        Cli res = run("gate", r, "--base", "0".repeat(40)).assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.placed(res)).containsExactly(Json.place("a.env", 1, first));
    }

    @Test
    void gateMarksFindingsAlreadyInTheBaseApartFromWhatTheRangeAdds() {
        TestRepo r = TestRepo.init(tmp);
        String old = Secrets.ghp();
        String base = r.write("old.env", "TOKEN=" + old + "\n").commitAll("old leak");
        String s = Secrets.ghp();
        String leak = r.write("new.env", "TOKEN=" + s + "\n").commitAll("new leak");
        Cli res = run("gate", r, "--base", base).assertNoSecret(s, old);
        List<JsonNode> f = Json.findings(res);
        assertThat(Json.placed(res)).containsExactly(Json.place("new.env", 1, leak), "old.env:1 @null");
        assertThat(f.get(0).get("inBase").asBoolean(true)).isFalse();
        assertThat(f.get(1).get("inBase").asBoolean()).isTrue();
        // with nothing published there is no base to be in
        Cli root = run("gate", r, "--root").assertNoSecret(s, old);
        assertThat(Json.findings(root)).allSatisfy(x -> assertThat(x.get("inBase").isNull()).as("no base").isTrue());
    }

    // ---- staged --------------------------------------------------------------------------------

    @Test
    void aRenameOutOfAnAllowlistedFolderIsNewContent() {
        TestRepo r = TestRepo.init(tmp);
        String s = Secrets.ghp();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            body.append("SETTING_").append(i).append("=value ").append(i).append('\n');
        }
        r.write(".leakgate.yaml", "allow:\n  paths: ['docs/**']\n")
                .write("docs/example.env", body + "TOKEN=" + s + "\n").commitAll("an example, allowlisted");
        r.write("config/.keep", "").add("config/.keep");
        r.git("mv", "docs/example.env", "config/prod.env");
        Cli res = Cli.run("staged", "-C", r.dir.toString(), "--format", "json").assertNoSecret(s);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactly("github-pat config/prod.env:11");
    }

    @Test
    void anAgeIdentityMovedOutOfAnAllowlistedFolderIsFound() {
        TestRepo r = TestRepo.init(tmp);
        String age = Secrets.age();
        r.write(".leakgate.yaml", "allow:\n  paths: ['examples/**']\n")
                .write("examples/key.txt", "# created: 2024-01-01T00:00:00Z\n# public key: age1example\n" + age + "\n")
                .commitAll("example key, allowlisted");
        r.write("config/.keep", "").add("config/.keep");
        r.git("mv", "examples/key.txt", "config/key.txt");
        Cli res = Cli.run("staged", "-C", r.dir.toString(), "--format", "json").assertNoSecret(age);
        assertThat(res.exit()).as(res.toString()).isEqualTo(1);
        assertThat(Json.locations(res)).containsExactly("age-secret-key config/key.txt:3");
        // and in a gate of the commit that moves it
        String before = r.head();
        r.commit("move the key");
        Cli gate = run("gate", r, "--base", before).assertNoSecret(age);
        assertThat(gate.exit()).as(gate.toString()).isEqualTo(1);
        assertThat(Json.findings(gate).get(0).get("commit").asText()).isEqualTo(r.head());
    }
}
