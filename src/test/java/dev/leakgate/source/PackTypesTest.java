package dev.leakgate.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackTypesTest {
    @TempDir
    Path tmp;

    @Test
    void typesFromHeadersAgreeWithJGitForEveryObjectDeltasIncluded() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("line ").append(i).append(" of a file that changes a little in every commit\n");
        }
        for (int c = 0; c < 30; c++) {
            text.append("change ").append(c).append('\n');
            r.write("dir/sub/file.txt", text.toString()).write("dir/other" + (c % 3) + ".txt", text.substring(c)).commitAll("c" + c);
        }
        r.git("tag", "-a", "-m", "a tag", "v1");
        r.git("gc", "-q", "--aggressive");
        try (Repository repo = GitRepos.open(r.dir); ObjectReader reader = repo.newObjectReader()) {
            int checked = 0;
            int deltas = 0;
            for (Pack pack : ((ObjectDirectory) repo.getObjectDatabase()).getPacks()) {
                List<long[]> offs = new ArrayList<>();
                List<ObjectId> ids = new ArrayList<>();
                for (PackIndex.MutableEntry e : pack) {
                    offs.add(new long[] {e.getOffset(), ids.size()});
                    ids.add(e.toObjectId());
                }
                offs.sort((a, b) -> Long.compare(a[0], b[0]));
                long[] sorted = offs.stream().mapToLong(a -> a[0]).toArray();
                byte[] types = PackTypes.of(pack.getPackFile(), sorted);
                for (int i = 0; i < sorted.length; i++) {
                    ObjectId id = ids.get((int) offs.get(i)[1]);
                    assertThat(types[i]).as("type of " + id.name()).isEqualTo((byte) reader.open(id).getType());
                    checked++;
                }
            }
            String verify = r.git("verify-pack", "-v", r.dir.resolve(".git/objects/pack").toFile().listFiles((d, n) -> n.endsWith(".idx"))[0].toString());
            for (String line : verify.split("\n")) {
                if (line.matches("[0-9a-f]{40} .* [0-9a-f]{40}$")) {
                    deltas++;
                }
            }
            assertThat(checked).isGreaterThan(90);
            assertThat(deltas).as("the pack must hold deltas for this test to mean anything").isGreaterThan(10);
        }
    }

    @Test
    void anUnreadablePackGivesUnknownNotAGuess() {
        byte[] types = PackTypes.of(tmp.resolve("nope.pack").toFile(), new long[] {12, 40});
        assertThat(types).containsExactly(PackTypes.UNKNOWN, PackTypes.UNKNOWN);
    }
}
