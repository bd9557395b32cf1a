package dev.leakgate.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.report.Skip;
import dev.leakgate.testing.ArchiveMaker;
import dev.leakgate.testing.Tokens;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Seeded random archives (every format, nested up to three levels, text and binary files of any
 * size, empty ones included) read back: the reader must hand over exactly the files put in, at the
 * paths they were given, and its magic-byte check (the fast path that lets everything else through
 * unopened) must agree with Commons Compress's own format detection (the slow path). Replay a
 * failure with the printed seed ({@code -Dleakgate.seed=N}).
 */
class ArchiveRoundTripTest {
    private static final ArchiveLimits LIMITS = new ArchiveLimits(3, 1 << 20, 64L << 20, 10_000);

    private enum Kind {
        ZIP(".zip"), ZIP_STORED(".zip"), TAR(".tar"), TGZ(".tgz"), TBZ2(".tar.bz2"), TXZ(".tar.xz"), TZST(".tar.zst"),
        TLZ4(".tar.lz4"), SEVEN_Z(".7z"), GZ(".gz"), XZ(".xz"), BZ2(".bz2"), ZST(".zst");

        final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }

        boolean single() {
            return this == GZ || this == XZ || this == BZ2 || this == ZST;
        }
    }

    @Test
    void randomArchivesReadBackExactlyAndTheMagicCheckAgreesWithCommonsCompress() {
        Random random = Tokens.random();
        for (int round = 0; round < 60; round++) {
            Map<String, byte[]> expected = new TreeMap<>();
            byte[] archive = build(random, "A", any(random, true), 1 + random.nextInt(3), expected);
            Map<String, byte[]> read = new TreeMap<>();
            List<String> skips = new ArrayList<>();
            ArchiveReader.read(archive, archive.length, LIMITS, new ArchiveReader.Visitor() {
                @Override
                public void file(List<String> levels, byte[] content) {
                    read.put(ArchivePath.render("A", levels), content);
                }

                @Override
                public void skipped(List<String> levels, Skip.Reason reason) {
                    skips.add(ArchivePath.render("A", levels) + " " + reason.code());
                }
            });
            assertThat(skips).as("round %d", round).isEmpty();
            assertThat(read.keySet()).as("round %d", round).containsExactlyElementsOf(expected.keySet());
            for (String path : expected.keySet()) {
                assertThat(read.get(path)).as("round %d: %s", round, path).isEqualTo(expected.get(path));
            }
            for (Map.Entry<String, byte[]> f : expected.entrySet()) {
                assertDetectionAgrees(f.getValue(), "round " + round + ": " + f.getKey());
            }
            assertDetectionAgrees(archive, "round " + round + ": the archive");
        }
    }

    /** Ours says what Commons Compress says, for every format both read (ar, cpio, ... are not ours). */
    private static void assertDetectionAgrees(byte[] bytes, String what) {
        ArchiveFormat ours = ArchiveFormat.detect(bytes, bytes.length);
        String theirs = commons(bytes);
        ArchiveFormat expected = theirs == null ? null : switch (theirs) {
            case ArchiveStreamFactory.ZIP, ArchiveStreamFactory.JAR -> ArchiveFormat.ZIP;
            case ArchiveStreamFactory.TAR -> ArchiveFormat.TAR;
            case ArchiveStreamFactory.SEVEN_Z -> ArchiveFormat.SEVEN_Z;
            case CompressorStreamFactory.GZIP -> ArchiveFormat.GZIP;
            case CompressorStreamFactory.BZIP2 -> ArchiveFormat.BZIP2;
            case CompressorStreamFactory.XZ -> ArchiveFormat.XZ;
            case CompressorStreamFactory.ZSTANDARD -> ArchiveFormat.ZSTD;
            case CompressorStreamFactory.LZ4_FRAMED -> ArchiveFormat.LZ4;
            case CompressorStreamFactory.Z -> ArchiveFormat.Z;
            default -> null;
        };
        if (expected != null || ours != null) {
            assertThat(ours).as(what + " (Commons Compress: " + theirs + ")").isEqualTo(expected);
        }
    }

    private static String commons(byte[] bytes) {
        try {
            return CompressorStreamFactory.detect(new BufferedInputStream(new ByteArrayInputStream(bytes)));
        } catch (CompressorException e) {
            // not a compressed stream
        }
        try {
            return ArchiveStreamFactory.detect(new BufferedInputStream(new ByteArrayInputStream(bytes)));
        } catch (ArchiveException e) {
            return null;
        }
    }

    /**
     * A random archive of {@code kind} at {@code shown} holding {@code levels} levels; what
     * reading it must hand over goes into {@code expected} by shown path.
     */
    private static byte[] build(Random random, String shown, Kind kind, int levels, Map<String, byte[]> expected) {
        if (kind.single()) {
            String name = shown.substring(Math.max(shown.lastIndexOf('/'), shown.lastIndexOf('!')) + 1);
            String inner = name.endsWith(kind.suffix) ? name.substring(0, name.length() - kind.suffix.length()) : name;
            // a tar inside a compressed file is one level with it (a.tgz!x), so not a nested one here
            byte[] content = levels > 1 ? build(random, shown + "!" + inner, any(random, false), levels - 1, expected) : content(random);
            expected.put(shown + "!" + inner, content);
            return compress(kind, content);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String name = (random.nextBoolean() ? "d" + random.nextInt(3) + "/" : "") + "f" + i + (random.nextBoolean() ? ".env" : ".bin");
            files.put(name, content(random));
        }
        if (levels > 1) {
            Kind nested = any(random, true);
            String name = "inner/n" + nested.suffix;
            files.put(name, build(random, shown + "!" + name, nested, levels - 1, expected));
        }
        files.forEach((k, v) -> expected.put(shown + "!" + k, v));
        return pack(kind, files);
    }

    private static Kind any(Random random, boolean tar) {
        Kind kind;
        do {
            kind = Kind.values()[random.nextInt(Kind.values().length)];
        } while (!tar && kind == Kind.TAR);
        return kind;
    }

    /** Text or binary, empty to 20 KB. */
    private static byte[] content(Random random) {
        int size = random.nextInt(8) == 0 ? 0 : random.nextInt(20_000);
        if (random.nextBoolean()) {
            byte[] b = new byte[size];
            random.nextBytes(b);
            return b;
        }
        StringBuilder sb = new StringBuilder();
        while (sb.length() < size) {
            sb.append("KEY_").append(random.nextInt(1000)).append('=').append(Tokens.random("abcdef0123456789", 16)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pack(Kind kind, Map<String, byte[]> files) {
        return switch (kind) {
            case ZIP -> ArchiveMaker.zip(files, false);
            case ZIP_STORED -> ArchiveMaker.zip(files, true);
            case SEVEN_Z -> ArchiveMaker.sevenZ(files, null);
            case TAR -> tar(files);
            case TGZ -> compress(Kind.GZ, tar(files));
            case TBZ2 -> compress(Kind.BZ2, tar(files));
            case TXZ -> compress(Kind.XZ, tar(files));
            case TZST -> compress(Kind.ZST, tar(files));
            case TLZ4 -> lz4(tar(files));
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private static byte[] tar(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                out.putArchiveEntry(e);
                out.write(f.getValue());
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] compress(Kind kind, byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = switch (kind) {
            case GZ -> new GZIPOutputStream(bytes);
            case BZ2 -> new BZip2CompressorOutputStream(bytes);
            case XZ -> new XZCompressorOutputStream(bytes, 1); // preset 1: the default's encoder takes ~100 MB each time
            case ZST -> new ZstdOutputStream(bytes);
            default -> throw new IllegalArgumentException(kind.name());
        }) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] lz4(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new FramedLZ4CompressorOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
