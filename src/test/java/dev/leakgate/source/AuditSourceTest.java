package dev.leakgate.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.report.ScanStats;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's reading against git's own list of objects: every blob and commit checked, each once. */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES) // a reader that waits on a failed thread must fail the test, not hang the build
class AuditSourceTest {
    @TempDir
    Path tmp;

    @Test
    void everyBlobAndMessageIsCheckedExactlyOnceLongDeltaTreesSplitAcrossThreadsIncluded() {
        Random rnd = dev.leakgate.testing.TestSeed.random("AuditSourceTest.everyBlobAndMessageIsChecked");
        TestRepo r = TestRepo.init(tmp);
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            big.append("line ").append(i).append(" of one file edited in every commit\n");
        }
        for (int c = 0; c < 150; c++) {
            int at = rnd.nextInt(big.length());
            big.insert(at - at % 10, "edit " + c + "\n");
            r.write("src/Main.txt", big.toString());
            if (c % 10 == 0) {
                r.write("other/f" + c + ".txt", "file " + c + " " + rnd.nextInt() + "\n");
            }
            r.commitAll("commit " + c);
        }
        r.git("repack", "-adf", "--depth=200", "--window=50");
        // a second pack on top of the first, as fetches leave them: one reader goes from one to the other
        for (int c = 0; c < 20; c++) {
            big.insert(rnd.nextInt(big.length() / 10) * 10, "later edit " + c + "\n");
            r.write("src/Main.txt", big.toString()).commitAll("later " + c);
        }
        r.git("repack", "-d");
        assertThat(r.dir.resolve(".git/objects/pack").toFile().list((d, n) -> n.endsWith(".pack"))).hasSize(2);
        r.write("loose.txt", "a loose blob " + rnd.nextInt() + "\n").commitAll("a loose commit");
        Set<String> blobs = r.git("rev-list", "--objects", "--all").lines().map(l -> l.split(" ")[0])
                .filter(id -> r.git("cat-file", "-t", id).trim().equals("blob")).collect(Collectors.toSet());
        Set<String> commits = r.git("rev-list", "--all").lines().collect(Collectors.toSet());
        Map<String, Integer> checked = new ConcurrentHashMap<>();
        try (Repository repo = GitRepos.open(r.dir)) {
            new AuditSource(repo, Content.DEFAULT_MAX_SIZE, p -> false, false)
                    .run((id, content, n) -> {
                        checked.merge(id, 1, Integer::sum);
                        return false;
                    }, t -> { }, new ScanStats());
        }
        assertThat(checked.keySet()).containsAll(blobs).containsAll(commits);
        assertThat(checked.entrySet()).allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo(1));
    }

    @Test
    void aCloneThatBorrowsItsObjectsFromAnotherIsReadThroughItsAlternates() {
        TestRepo origin = TestRepo.init(tmp.resolve("origin"));
        for (int c = 0; c < 20; c++) {
            origin.write("a.txt", "version " + c + "\n".repeat(c + 1)).commitAll("c" + c);
        }
        origin.git("gc", "-q");
        TestRepo shared = new TestRepo(tmp.resolve("shared"));
        origin.git("clone", "-q", "--shared", origin.dir.toString(), shared.dir.toString());
        shared.write("b.txt", "own object\n").commitAll("one of its own");
        Set<String> blobs = shared.git("rev-list", "--objects", "--all").lines().map(l -> l.split(" ")[0])
                .filter(id -> shared.git("cat-file", "-t", id).trim().equals("blob")).collect(Collectors.toSet());
        Map<String, Integer> checked = new ConcurrentHashMap<>();
        try (Repository repo = GitRepos.open(shared.dir)) {
            new AuditSource(repo, Content.DEFAULT_MAX_SIZE, p -> false, false)
                    .run((id, content, n) -> {
                        checked.merge(id, 1, Integer::sum);
                        return false;
                    }, t -> { }, new ScanStats());
        }
        assertThat(blobs).hasSizeGreaterThan(20);
        assertThat(checked.keySet()).containsAll(blobs);
        assertThat(checked.entrySet()).allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo(1));
    }
}
