package dev.leakgate.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's pack reader against JGit, the slow obvious path: every object of a pack with long
 * delta chains is read exactly once, with JGit's type and exactly JGit's bytes, along the fast
 * path (bases held) and along the fallback (nothing held, JGit reads each delta).
 */
class PackReaderTest {
    @TempDir
    Path tmp;

    @Test
    void everyObjectIsReadOnceWithJGitsTypeAndBytes() throws Exception {
        Random rnd = dev.leakgate.testing.TestSeed.random("PackReaderTest.everyObjectIsReadOnceWithJGitsTypeAndBytes");
        TestRepo r = TestRepo.init(tmp);
        StringBuilder[] files = new StringBuilder[4];
        for (int f = 0; f < files.length; f++) {
            files[f] = new StringBuilder();
            for (int i = 0; i < 100 + rnd.nextInt(200); i++) {
                files[f].append("line ").append(i).append(" of file ").append(f).append(": ").append(rnd.nextInt(1000)).append('\n');
            }
        }
        for (int c = 0; c < 40; c++) {
            int f = rnd.nextInt(files.length);
            int at = rnd.nextInt(files[f].length());
            int cut = Math.min(files[f].length() - at, rnd.nextInt(40));
            files[f].replace(at, at + cut, "edit " + c + " " + rnd.nextInt() + "\n");
            r.write("dir" + (f % 2) + "/file" + f + ".txt", files[f].toString());
            if (c % 7 == 0) {
                r.write("big/blob" + c + ".bin", Tokens(rnd, 3000));
            }
            r.commitAll("commit " + c + "\n\nbody " + rnd.nextInt());
        }
        r.git("tag", "-a", "-m", "a tag", "v1");
        r.git("repack", "-adf", "--depth=" + (5 + rnd.nextInt(60)), "--window=" + (10 + rnd.nextInt(250)));
        for (long budget : new long[] {PackReader.HELD_BUDGET, 0}) {
            try (Repository repo = GitRepos.open(r.dir); ObjectReader reader = repo.newObjectReader()) {
                int deltas = 0;
                for (Pack pack : ((ObjectDirectory) repo.getObjectDatabase()).getPacks()) {
                    PackLayout l = PackLayout.read(pack.getPackFile(), pack.getIndex());
                    Map<ObjectId, Integer> reads = new HashMap<>();
                    try (FileChannel ch = FileChannel.open(l.file.toPath(), StandardOpenOption.READ);
                            PackReader pr = new PackReader(reader, Long.MAX_VALUE, budget)) {
                        for (int i = 0; i < l.count; i++) {
                            if (l.isDelta(i)) {
                                deltas++;
                            }
                            if (l.base[i] >= 0) {
                                continue;
                            }
                            pr.readTree(l, ch, ch.size(), i, (type, index, content, base, size, packed) -> {
                                ObjectId id = l.id[index];
                                ObjectLoader expected = reader.open(id);
                                assertThat(type).as("type of " + id.name()).isEqualTo(expected.getType());
                                assertThat(content).as("bytes of " + id.name()).isEqualTo(expected.getCachedBytes());
                                assertThat(size).isEqualTo(expected.getSize());
                                reads.merge(id, 1, Integer::sum);
                            });
                        }
                    }
                    assertThat(reads).as("every object of the pack, once").hasSize(l.count);
                    assertThat(reads.values()).allMatch(n -> n == 1);
                    for (int i = 0; i < l.count; i++) {
                        assertThat((int) l.type[i]).isEqualTo(reader.open(l.id[i]).getType());
                    }
                }
                assertThat(deltas).as("the pack must hold deltas for this test to mean anything").isGreaterThan(20);
            }
        }
    }

    /**
     * A tree read as a delta takes the entries its bytes share with its base from the base's
     * parse: that must give exactly what parsing it alone gives, whatever was added, removed,
     * renamed or changed between them.
     */
    @Test
    void aTreeParsedFromItsBaseEqualsTheTreeParsedAlone() throws Exception {
        Random rnd = dev.leakgate.testing.TestSeed.random("PackReaderTest.aTreeParsedFromItsBaseEqualsTheTreeParsedAlone");
        TestRepo r = TestRepo.init(tmp);
        java.util.List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            paths.add((i % 5 == 0 ? "sub" + (i % 3) + "/" : "") + "f" + rnd.nextInt(100000) + (i % 4 == 0 ? ".txt" : ""));
        }
        for (String path : paths) {
            r.write(path, "v0 " + path + "\n");
        }
        r.commitAll("start");
        for (int c = 0; c < 60; c++) {
            for (int e = 0; e <= rnd.nextInt(3); e++) {
                int op = rnd.nextInt(4);
                String path = paths.get(rnd.nextInt(paths.size()));
                if (op == 0) {
                    String added = (rnd.nextBoolean() ? "sub" + rnd.nextInt(4) + "/" : "") + "n" + rnd.nextInt(100000);
                    paths.add(added);
                    r.write(added, "new " + c + "\n");
                } else if (op == 1 && paths.size() > 10) {
                    paths.remove(path);
                    java.nio.file.Files.deleteIfExists(r.dir.resolve(path));
                } else {
                    r.write(path, "v" + c + " " + rnd.nextInt() + "\n");
                }
            }
            r.commitAll("c" + c);
        }
        r.git("repack", "-adf", "--depth=" + (5 + rnd.nextInt(60)), "--window=" + (10 + rnd.nextInt(250)));
        try (Repository repo = GitRepos.open(r.dir); ObjectReader reader = repo.newObjectReader()) {
            Pack pack = ((ObjectDirectory) repo.getObjectDatabase()).getPacks().iterator().next();
            PackLayout l = PackLayout.read(pack.getPackFile(), pack.getIndex());
            ObjectTable table = new ObjectTable(l.count);
            for (int i = 0; i < l.count; i++) {
                table.add(l.id[i]);
            }
            NameTable names = new NameTable();
            TreeInfo.Lists lists = new TreeInfo.Lists();
            TreeInfo.Blobs blobs = g -> g % 7 == 0 ? 1 : 0; // some blobs "with matches", to be kept with their names
            TreeInfo.Parser fromBases = new TreeInfo.Parser(table, names.local(), lists, blobs);
            int trees = 0;
            int deltas = 0;
            try (FileChannel ch = FileChannel.open(l.file.toPath(), StandardOpenOption.READ);
                    PackReader pr = new PackReader(reader, Long.MAX_VALUE)) {
                for (int i = 0; i < l.count; i++) {
                    if (l.base[i] >= 0 || l.type[i] != Constants.OBJ_TREE) {
                        continue;
                    }
                    pr.readTree(l, ch, ch.size(), i, (type, index, content, base, size, packed) -> {
                        TreeInfo fast = fromBases.parse(content, base);
                        TreeInfo alone = new TreeInfo.Parser(table, names.local(), lists, blobs).parse(content, null);
                        assertThat(describe(fast, names)).as("tree " + l.id[index].name()).isEqualTo(describe(alone, names));
                    });
                }
                for (int i = 0; i < l.count; i++) {
                    if (l.type[i] == Constants.OBJ_TREE) {
                        trees++;
                        deltas += l.isDelta(i) ? 1 : 0;
                    }
                }
            }
            assertThat(deltas).as("trees stored as deltas, for this test to mean anything").isGreaterThan(20);
            assertThat(trees).isGreaterThan(deltas);
        }
    }

    private static String describe(TreeInfo t, NameTable names) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < t.subNames.length; k++) {
            b.append("tree ").append(names.name(t.subNames[k])).append(' ').append(t.subTrees[k]).append('\n');
        }
        for (int n : t.blobNames) {
            b.append("file ").append(names.name(n)).append('\n');
        }
        for (int k = 0; k < t.specialCount(); k++) {
            b.append("special ").append(t.specialKinds[k]).append(' ').append(names.name(t.specialNames[k])).append(' ')
                    .append(t.specialObjects[k]).append('\n');
        }
        return b.toString();
    }

    @Test
    void aBlobOverTheLimitThatNothingIsBasedOnIsNotRead() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        r.write("big.txt", "x".repeat(5000) + "\n").write("small.txt", "small\n").commitAll("one");
        r.git("gc", "-q");
        try (Repository repo = GitRepos.open(r.dir); ObjectReader reader = repo.newObjectReader()) {
            Pack pack = ((ObjectDirectory) repo.getObjectDatabase()).getPacks().iterator().next();
            PackLayout l = PackLayout.read(pack.getPackFile(), pack.getIndex());
            Map<String, Long> seen = new HashMap<>();
            try (FileChannel ch = FileChannel.open(l.file.toPath(), StandardOpenOption.READ);
                    PackReader pr = new PackReader(reader, 1000)) {
                for (int i = 0; i < l.count; i++) {
                    if (l.base[i] < 0 && l.type[i] == Constants.OBJ_BLOB) {
                        pr.readTree(l, ch, ch.size(), i, (type, index, content, base, size, packed) ->
                                seen.put(content == null ? "unread" : new String(content), size));
                    }
                }
            }
            assertThat(seen).containsEntry("unread", 5001L).containsEntry("small\n", 6L);
        }
    }

    private static byte[] Tokens(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }
}
