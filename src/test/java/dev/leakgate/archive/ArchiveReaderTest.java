package dev.leakgate.archive;

import static dev.leakgate.testing.ArchiveMaker.files;
import static dev.leakgate.testing.ArchiveMaker.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakgate.report.Skip;
import dev.leakgate.testing.ArchiveMaker;
import dev.leakgate.testing.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {
    private static final long MIB = 1024 * 1024;
    private static final ArchiveLimits DEFAULTS = ArchiveLimits.defaults(10 * MIB);

    @TempDir
    Path tmp;

    private Path src;
    private Map<String, byte[]> tree;

    /** What a read found: each file by its shown path (inside "A"), and each skip as "path reason". */
    private static final class Found implements ArchiveReader.Visitor {
        final Map<String, byte[]> files = new LinkedHashMap<>();
        final List<String> skips = new ArrayList<>();
        long bytes;

        @Override
        public void file(List<String> levels, byte[] content) {
            files.put(ArchivePath.render("A", levels), content);
            bytes += content.length;
        }

        @Override
        public void skipped(List<String> levels, Skip.Reason reason) {
            skips.add(ArchivePath.render("A", levels) + " " + reason.code());
        }

        Map<String, String> texts() {
            Map<String, String> out = new LinkedHashMap<>();
            files.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
            return out;
        }
    }

    private static Found read(byte[] archive, ArchiveLimits limits) {
        Found f = new Found();
        assertThat(ArchiveReader.read(archive, archive.length, limits, f)).as("read as an archive").isTrue();
        return f;
    }

    private byte[] made(String name) throws IOException {
        return Files.readAllBytes(tmp.resolve(name));
    }

    @BeforeEach
    void tree() {
        src = tmp.resolve("src");
        tree = files("dir/.env", "TOKEN=" + Tokens.githubPat() + "\n", "top.txt", "hello\n");
        ArchiveMaker.write(src, tree);
    }

    @Test
    void everyFormatMadeByItsOwnToolIsReadInsideWithTheFilesAsTheyWere() throws IOException {
        tool(src, "zip", "-qr", "../a.zip", "dir", "top.txt");
        tool(src, "tar", "cf", "../a.tar", "dir", "top.txt");
        tool(src, "tar", "czf", "../a.tgz", "dir", "top.txt");
        tool(src, "tar", "cjf", "../a.tar.bz2", "dir", "top.txt");
        tool(src, "tar", "cJf", "../a.tar.xz", "dir", "top.txt");
        tool(src, "tar", "--zstd", "-cf", "../a.tar.zst", "dir", "top.txt");
        tool(src, "tar", "--format=v7", "-cf", "../v7.tar", "dir", "top.txt");
        tool(src, "sh", "-c", "tar cf - dir top.txt | lz4 -q > ../a.tar.lz4");
        Map<String, String> expected = new LinkedHashMap<>();
        tree.forEach((k, v) -> expected.put("A!" + k, new String(v, StandardCharsets.UTF_8)));
        for (String name : List.of("a.zip", "a.tar", "a.tgz", "a.tar.bz2", "a.tar.xz", "a.tar.zst", "v7.tar", "a.tar.lz4")) {
            Found f = read(made(name), DEFAULTS);
            assertThat(f.skips).as(name).isEmpty();
            assertThat(f.texts()).as(name).containsExactlyInAnyOrderEntriesOf(expected);
        }
        Found seven = read(ArchiveMaker.sevenZ(tree, null), DEFAULTS);
        assertThat(seven.texts()).as("7z").containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void aSingleCompressedFileIsOneFileNamedAfterItWithoutItsSuffix() throws IOException {
        String env = new String(tree.get("dir/.env"), StandardCharsets.UTF_8);
        Path dir = src.resolve("dir");
        tool(dir, "sh", "-c", "gzip -c .env > ../../env.gz && xz -c .env > ../../env.xz && bzip2 -c .env > ../../env.bz2"
                + " && zstd -q -c .env > ../../env.zst && lz4 -q -c .env > ../../env.lz4");
        for (String name : List.of("env.gz", "env.xz", "env.bz2", "env.zst", "env.lz4")) {
            Found f = new Found();
            ArchiveReader.read(made(name), made(name).length, DEFAULTS, f);
            assertThat(f.texts()).as(name).containsExactly(Map.entry("A!A", env));
            assertThat(ArchivePath.render("conf/" + name, List.of(""))).isEqualTo("conf/" + name + "!env");
        }
        assertThat(ArchivePath.render("a.tgz", List.of(""))).isEqualTo("a.tgz!a.tar");
        assertThat(ArchivePath.render("blob", List.of(""))).isEqualTo("blob!blob");
    }

    @Test
    void anArchiveIsKnownByItsBytesNotItsName() throws IOException {
        tool(src, "zip", "-qr", "../renamed.txt", "dir");
        assertThat(read(made("renamed.txt"), DEFAULTS).files).containsOnlyKeys("A!dir/.env");
        Files.writeString(tmp.resolve("fake.zip"), "PK is not enough\n");
        assertThat(ArchiveReader.read(made("fake.zip"), made("fake.zip").length, DEFAULTS, new Found())).isFalse();
        byte[] random = new byte[4096];
        for (int i = 0; i < 2000; i++) {
            Tokens.random().nextBytes(random);
            ArchiveFormat f = ArchiveFormat.detect(random, random.length);
            if (f != null) {
                // chance alone makes a compress (.Z) header (1 in ~10^5) or a zip end record; a check, not an error
                assertThat(f).as("random bytes #" + i).isIn(ArchiveFormat.Z, ArchiveFormat.ZIP);
            }
        }
    }

    @Test
    void aZipWithALaunchScriptBeforeItIsStillAZip() throws IOException {
        tool(src, "zip", "-qr", "../plain.zip", "dir");
        byte[] script = "#!/bin/sh\nexec java -jar \"$0\" \"$@\"\n".getBytes(StandardCharsets.US_ASCII);
        byte[] zip = made("plain.zip");
        byte[] jar = new byte[script.length + zip.length];
        System.arraycopy(script, 0, jar, 0, script.length);
        System.arraycopy(zip, 0, jar, script.length, zip.length);
        Found f = read(jar, DEFAULTS);
        assertThat(f.texts()).containsOnlyKeys("A!dir/.env");
    }

    @Test
    void nestedArchivesAreReadDownToTheDepthLimitAndTheNextOneIsNamed() {
        Map<String, byte[]> inner = files(".env", "X=1\n");
        byte[] chain = ArchiveMaker.nestedChain(5, inner); // level1.zip!level2.zip!level3.zip!level4.zip!.env
        Found three = read(chain, new ArchiveLimits(3, 10 * MIB, 256 * MIB, 1000));
        assertThat(three.files).containsOnlyKeys("A!level1.zip", "A!level1.zip!level2.zip", "A!level1.zip!level2.zip!level3.zip");
        assertThat(three.skips).containsExactly("A!level1.zip!level2.zip!level3.zip archive-depth");
        Found all = read(chain, new ArchiveLimits(5, 10 * MIB, 256 * MIB, 1000));
        assertThat(all.files).containsKey("A!level1.zip!level2.zip!level3.zip!level4.zip!.env");
        assertThat(all.skips).isEmpty();
        Found one = read(chain, new ArchiveLimits(1, 10 * MIB, 256 * MIB, 1000));
        assertThat(one.files).containsOnlyKeys("A!level1.zip");
        assertThat(one.skips).containsExactly("A!level1.zip archive-depth");
        Found none = new Found();
        assertThat(ArchiveReader.read(chain, chain.length, new ArchiveLimits(0, 10 * MIB, 256 * MIB, 1000), none)).isFalse();
        assertThat(none.files).isEmpty();
    }

    @Test
    void aZipBombShapedLike42ZipStopsAtTheByteLimitAndIsNamed() {
        // 16^5 files of 4 MiB: 4 TiB once expanded; unbounded, this read would not end.
        byte[] bomb = ArchiveMaker.nestedZipBomb(4, 16, 4 * (int) MIB);
        assertThat(bomb.length).as("the bomb itself is small").isLessThan((int) (4 * MIB));
        long t0 = System.nanoTime();
        Found f = read(bomb, new ArchiveLimits(10, 10 * MIB, 64 * MIB, 100_000));
        assertThat(f.skips).contains("A archive-limit");
        assertThat(f.bytes).as("bytes handed over").isLessThanOrEqualTo(64 * MIB + 10 * MIB);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms (bounded work, not a timing target)").isLessThan(60_000);
        // By default the depth limit defuses it first: its zips three levels down are named, not opened.
        Found defaults = read(bomb, DEFAULTS);
        assertThat(defaults.skips).allMatch(s -> s.endsWith(" archive-depth") || s.equals("A archive-limit"));
        assertThat(defaults.skips).contains("A!l4-0.zip!l3-0.zip!l2-0.zip archive-depth");
        assertThat(defaults.bytes).isLessThanOrEqualTo(DEFAULTS.maxBytes() + DEFAULTS.maxEntrySize());
    }

    @Test
    void aGzipBombIsAFileOverTheSizeLimitNotAnEndlessRead() {
        byte[] bomb = ArchiveMaker.gzipBomb(16 * (int) MIB, 64); // 1 GiB of zeros in ~1 MiB
        Found f = read(bomb, DEFAULTS);
        assertThat(f.files).isEmpty();
        assertThat(f.skips).containsExactly("A!A large");
    }

    @Test
    void aTarGzWhoseEntryExpandsPastTheByteLimitIsNamedAsOverTheLimit() throws IOException {
        // A tar stream whose first entry is 256 MiB of zeros, gzip members concatenated: ~256 KiB.
        ByteArrayOutputStream tgz = new ByteArrayOutputStream();
        TarArchiveEntry big = new TarArchiveEntry("big.bin");
        big.setSize(256 * MIB);
        byte[] header = new byte[512];
        big.writeEntryHeader(header);
        tgz.write(gzip(header));
        tgz.write(ArchiveMaker.gzipBomb(16 * (int) MIB, 16));
        TarArchiveEntry env = new TarArchiveEntry(".env");
        byte[] body = "A=1\n".getBytes(StandardCharsets.US_ASCII);
        env.setSize(body.length);
        byte[] envHeader = new byte[512];
        env.writeEntryHeader(envHeader);
        byte[] rest = new byte[512 * 4];
        System.arraycopy(envHeader, 0, rest, 0, 512);
        System.arraycopy(body, 0, rest, 512, body.length);
        tgz.write(gzip(rest));
        Found bounded = read(tgz.toByteArray(), new ArchiveLimits(3, 10 * MIB, 64 * MIB, 1000));
        assertThat(bounded.skips).containsExactly("A!big.bin large", "A archive-limit");
        Found roomy = read(tgz.toByteArray(), new ArchiveLimits(3, 10 * MIB, 512 * MIB, 1000));
        assertThat(roomy.skips).containsExactly("A!big.bin large");
        assertThat(roomy.texts()).containsExactly(Map.entry("A!.env", "A=1\n"));
    }

    @Test
    void aSparseTarEntryClaimingGigabytesIsNeverExpanded() throws IOException {
        sparse("disk.img", 6L << 30); // 6 GiB of holes
        tool(src, "tar", "--hole-detection=seek", "-cSzf", "../sparse.tgz", "disk.img", "dir");
        Found f = read(made("sparse.tgz"), DEFAULTS);
        assertThat(f.skips).containsExactly("A!disk.img large");
        assertThat(f.files).containsOnlyKeys("A!dir/.env");
        // Past what Commons Compress parses in a sparse map (offsets over 8 GiB, GNU or PAX): named, not read.
        sparse("huge.img", 1L << 40);
        tool(src, "tar", "--format=posix", "--hole-detection=seek", "-cSzf", "../huge.tgz", "huge.img");
        assertThat(read(made("huge.tgz"), DEFAULTS).skips).containsExactly("A archive-unreadable");
    }

    private void sparse(String name, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(src.resolve(name).toFile(), "rw")) {
            f.setLength(size);
            f.seek(size / 2 + size / 4);
            f.write("data".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void theEntryLimitStopsAnArchiveOfManyFiles() {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            many.put("f" + i + ".txt", ("n=" + i + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        Found f = read(ArchiveMaker.zip(many, false), new ArchiveLimits(3, 10 * MIB, 256 * MIB, 10));
        assertThat(f.files).hasSize(10);
        assertThat(f.skips).containsExactly("A archive-limit");
    }

    @Test
    void encryptedContentIsNamedAsSuch() throws IOException {
        tool(src, "zip", "-q", "-P", "not-the-point", "../enc.zip", "top.txt");
        Found zip = read(made("enc.zip"), DEFAULTS);
        assertThat(zip.files).isEmpty();
        assertThat(zip.skips).containsExactly("A!top.txt archive-encrypted");
        Found seven = read(ArchiveMaker.sevenZ(tree, "not-the-point".toCharArray()), DEFAULTS);
        assertThat(seven.files).isEmpty();
        assertThat(seven.skips).isNotEmpty().allMatch(s -> s.endsWith(" archive-encrypted"));
    }

    @Test
    void aCorruptArchiveIsNamedAndWhatCouldBeReadOfItIsRead() throws IOException {
        tool(src, "zip", "-qr", "../a.zip", "dir", "top.txt");
        byte[] zip = made("a.zip");
        Found truncated = read(Arrays.copyOf(zip, zip.length - 40), DEFAULTS);
        assertThat(truncated.files).as("salvaged from the local headers").containsKey("A!dir/.env");
        assertThat(truncated.skips).containsExactly("A archive-unreadable");

        tool(src, "tar", "czf", "../a.tgz", "dir", "top.txt");
        byte[] tgz = made("a.tgz");
        Found cut = read(Arrays.copyOf(tgz, tgz.length / 2), DEFAULTS);
        assertThat(cut.skips).containsExactly("A archive-unreadable");

        byte[] garbage = new byte[300];
        Tokens.random().nextBytes(garbage);
        garbage[0] = 0x1f;
        garbage[1] = (byte) 0x8b;
        garbage[2] = 8;
        Found g = read(garbage, DEFAULTS);
        assertThat(g.files).isEmpty();
        assertThat(g.skips).containsExactly("A archive-unreadable");

        Map<String, byte[]> nested = new LinkedHashMap<>();
        nested.put("ok.txt", "fine\n".getBytes(StandardCharsets.US_ASCII));
        nested.put("broken.zip", Arrays.copyOf(zip, 60));
        nested.put("after.txt", "also fine\n".getBytes(StandardCharsets.US_ASCII));
        Found n = read(ArchiveMaker.zip(nested, false), DEFAULTS);
        assertThat(n.files).containsOnlyKeys("A!ok.txt", "A!broken.zip", "A!after.txt");
        assertThat(n.skips).containsExactly("A!broken.zip archive-unreadable");
    }

    @Test
    void aFailureOfTheVisitorIsNotTakenForACorruptArchive() {
        byte[] zip = ArchiveMaker.zip(tree, false);
        ArchiveReader.Visitor failing = new ArchiveReader.Visitor() {
            @Override
            public void file(List<String> levels, byte[] content) {
                throw new IllegalStateException("visitor bug");
            }

            @Override
            public void skipped(List<String> levels, Skip.Reason reason) {
            }
        };
        assertThatThrownBy(() -> ArchiveReader.read(zip, zip.length, DEFAULTS, failing))
                .isInstanceOf(IllegalStateException.class).hasMessage("visitor bug");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
