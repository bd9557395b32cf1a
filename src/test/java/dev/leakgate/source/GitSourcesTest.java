package dev.leakgate.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.report.ScanStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the git sources hand to the pipeline: whole content for the envelope checks, added lines for the rules. */
class GitSourcesTest {
    @TempDir
    Path tmp;

    private static List<Target> collect(Source s, ScanStats stats) {
        List<Target> out = new ArrayList<>();
        s.forEach(out::add, stats);
        return out;
    }

    @Test
    void stagedHandsTheWholeStagedFileWithOnlyItsAddedLinesMarked() {
        TestRepo r = TestRepo.init(tmp);
        r.write("secrets/db.yaml", "a: 1\nb: 2\nc: 3\n").commitAll("first");
        String staged = "a: 1\nb: 2\nnew: x\nc: 3\n";
        r.write("secrets/db.yaml", staged).add("secrets/db.yaml");
        r.write("secrets/db.yaml", staged + "unstaged: y\n");
        try (Repository repo = GitRepos.open(r.dir)) {
            List<Target> t = collect(new StagedSource(repo, StagedIndex.read(repo), Content.DEFAULT_MAX_SIZE, PathRules.secretsPaths(p -> p.startsWith("secrets/"))), new ScanStats());
            assertThat(t).hasSize(1);
            assertThat(new String(t.get(0).content(), StandardCharsets.UTF_8)).isEqualTo(staged);
            LineSet lines = t.get(0).addedLines();
            assertThat(lines.contains(3)).isTrue();
            assertThat(lines.contains(1) || lines.contains(2) || lines.contains(4)).isFalse();
        }
    }

    @Test
    void aBinaryFileIsHandedOverWholeWhereverItIs() {
        TestRepo r = TestRepo.init(tmp);
        byte[] bin = {'a', 'g', 'e', 0, 1, 2, 3};
        r.write("secrets/key.age", bin).write("img/logo.png", bin).add("secrets/key.age", "img/logo.png");
        ScanStats stats = new ScanStats();
        try (Repository repo = GitRepos.open(r.dir)) {
            List<Target> t = collect(new StagedSource(repo, StagedIndex.read(repo), Content.DEFAULT_MAX_SIZE, PathRules.secretsPaths(p -> p.startsWith("secrets/"))), stats);
            assertThat(t).extracting(Target::path).containsExactlyInAnyOrder("secrets/key.age", "img/logo.png");
            assertThat(t.get(0).content()).isEqualTo(bin);
            assertThat(t.get(1).content()).isEqualTo(bin);
            assertThat(stats.skips()).isEmpty();
        }
    }

    @Test
    void aSecretsFileMovedUnchangedIsStillHandedToTheEnvelopeCheckButAddsNoLine() {
        TestRepo r = TestRepo.init(tmp);
        r.write("secrets/a.yaml", "k: v\n").commitAll("first");
        r.write("secrets/b/.keep", "").add("secrets/b/.keep");
        r.git("mv", "secrets/a.yaml", "secrets/b/a.yaml");
        try (Repository repo = GitRepos.open(r.dir)) {
            List<Target> t = collect(new StagedSource(repo, StagedIndex.read(repo), Content.DEFAULT_MAX_SIZE, PathRules.secretsPaths(p -> p.startsWith("secrets/") && p.endsWith(".yaml"))), new ScanStats());
            assertThat(t).extracting(Target::path).containsExactlyInAnyOrder("secrets/b/a.yaml", "secrets/b/.keep");
            Target moved = t.stream().filter(x -> x.path().endsWith("a.yaml")).findFirst().orElseThrow();
            assertThat(moved.addedLines().isEmpty()).isTrue();
            assertThat(new String(moved.content(), StandardCharsets.UTF_8)).isEqualTo("k: v\n");
        }
    }

    @Test
    void filesOverTheSizeLimitAreSkippedAndCounted() {
        TestRepo r = TestRepo.init(tmp);
        r.write("big.txt", "x".repeat(2000)).add("big.txt");
        ScanStats stats = new ScanStats();
        try (Repository repo = GitRepos.open(r.dir)) {
            assertThat(collect(new StagedSource(repo, StagedIndex.read(repo), 1000, PathRules.secretsPaths(p -> false)), stats)).isEmpty();
            assertThat(stats.getSkippedLarge()).isEqualTo(1);
        }
    }

    @Test
    void submodulesAreNamedAsSkippedInEveryGitSource() {
        TestRepo r = TestRepo.init(tmp);
        String base = r.write("a.txt", "a\n").commitAll("first");
        r.git("update-index", "--add", "--cacheinfo", "160000,1234567890123456789012345678901234567890,vendor/lib");
        ScanStats staged = new ScanStats();
        try (Repository repo = GitRepos.open(r.dir)) {
            collect(new StagedSource(repo, StagedIndex.read(repo), Content.DEFAULT_MAX_SIZE, PathRules.secretsPaths(p -> false)), staged);
        }
        r.commit("add a submodule");
        r.git("update-index", "--cacheinfo", "160000,2234567890123456789012345678901234567890,vendor/lib");
        r.commit("move it");
        ScanStats range = new ScanStats();
        ScanStats tree = new ScanStats();
        ScanStats audit = new ScanStats();
        try (Repository repo = GitRepos.open(r.dir)) {
            GitRange g = GitRange.resolve(repo, base, "HEAD");
            collect(new RangeSource(repo, g, Content.DEFAULT_MAX_SIZE, PathRules.secretsPaths(p -> false)), range);
            collect(new TreeSource(repo, g.head(), "HEAD", Content.DEFAULT_MAX_SIZE, p -> false), tree);
            new AuditSource(repo, Content.DEFAULT_MAX_SIZE, p -> false, false).run((id, b, n) -> false, t -> { }, audit);
        }
        for (ScanStats s : List.of(staged, range, tree, audit)) {
            assertThat(s.skips()).as("named once, however many commits move it")
                    .containsExactly(new dev.leakgate.report.Skip("vendor/lib", dev.leakgate.report.Skip.Reason.SUBMODULE));
        }
    }

    @Test
    void lineSetIntersection() {
        LineSet a = new LineSet.Builder().add(1, 5).add(10, 12).build();
        LineSet b = new LineSet.Builder().add(4, 11).build();
        LineSet both = a.intersect(b);
        assertThat(both.toString()).isEqualTo("[4-5, 10-11]");
        assertThat(a.intersect(new LineSet.Builder().build()).isEmpty()).isTrue();
    }
}
