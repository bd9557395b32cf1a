package dev.leakgate.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZMethod;
import org.apache.commons.compress.archivers.sevenz.SevenZMethodConfiguration;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Archives made at test time: with the real tools ({@code zip}, {@code tar}, {@code gzip},
 * {@code xz}, {@code zstd}, {@code bzip2}, {@code lz4}; {@code .ci/run} installs any the machine
 * lacks), and with Commons Compress where no tool is at hand (7z, encrypted 7z) or where the
 * shape is hostile (bombs), which no tool makes on purpose.
 */
public final class ArchiveMaker {
    private ArchiveMaker() {
    }

    /** Runs a real tool in {@code dir}; fails the test, with its output, when it fails or is missing. */
    public static void tool(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command[0] + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
            }
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is needed to make test archives (.ci/run installs it): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Files by path, in order: what an archive is made of. */
    public static Map<String, byte[]> files(String... pathThenText) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < pathThenText.length; i += 2) {
            out.put(pathThenText[i], pathThenText[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Writes {@code files} under {@code dir}. */
    public static void write(Path dir, Map<String, byte[]> files) {
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip made by Commons Compress, deflated (or stored, {@code stored}). */
    public static byte[] zip(Map<String, byte[]> files, boolean stored) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipArchiveEntry e = new ZipArchiveEntry(f.getKey());
                if (stored) {
                    e.setMethod(ZipArchiveEntry.STORED);
                    e.setSize(f.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(f.getValue());
                    e.setCrc(crc.getValue());
                }
                out.putArchiveEntry(e);
                out.write(f.getValue());
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A 7z (LZMA2) made by Commons Compress; with a password, content and names AES-encrypted. */
    public static byte[] sevenZ(Map<String, byte[]> files, char[] password) {
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
        try (SevenZOutputFile out = password == null ? new SevenZOutputFile(channel) : new SevenZOutputFile(channel, password)) {
            // LZMA2 as 7z writes it, with a 1 MiB dictionary: the default 8 MiB costs each test archive ~100 MB to make
            out.setContentMethods(List.of(new SevenZMethodConfiguration(SevenZMethod.LZMA2, 1 << 20)));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                SevenZArchiveEntry e = new SevenZArchiveEntry();
                e.setName(f.getKey());
                out.putArchiveEntry(e);
                out.write(f.getValue());
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(channel.array(), (int) channel.size());
    }

    /**
     * The shape of 42.zip: {@code levels} of zips, each holding {@code fanout} copies of the
     * level below, the bottom one {@code fanout} files of {@code baseSize} zero bytes. Made without
     * compressing more than one base file: the deflated base is copied raw into each entry.
     * Expands to {@code fanout^(levels+1) * baseSize} bytes.
     */
    public static byte[] nestedZipBomb(int levels, int fanout, int baseSize) {
        byte[] zeros = new byte[baseSize];
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(zeros);
        d.finish();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            deflated.write(buf, 0, d.deflate(buf));
        }
        d.end();
        CRC32 crc = new CRC32();
        crc.update(zeros);
        byte[] raw = deflated.toByteArray();
        byte[] level = rawZip(fanout, "0.bin", raw, baseSize, crc.getValue());
        for (int l = 1; l <= levels; l++) {
            Map<String, byte[]> copies = new LinkedHashMap<>();
            for (int i = 0; i < fanout; i++) {
                copies.put("l" + l + "-" + Integer.toHexString(i) + ".zip", level);
            }
            level = zip(copies, false);
        }
        return level;
    }

    private static byte[] rawZip(int copies, String name, byte[] raw, long size, long crc) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            for (int i = 0; i < copies; i++) {
                ZipArchiveEntry e = new ZipArchiveEntry(i + "-" + name);
                e.setMethod(ZipArchiveEntry.DEFLATED);
                e.setSize(size);
                e.setCompressedSize(raw.length);
                e.setCrc(crc);
                out.addRawArchiveEntry(e, new ByteArrayInputStream(raw));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A gzip bomb: {@code members} gzip members (as {@code cat a.gz b.gz} makes, which gzip reads
     * as one stream), each {@code memberSize} zero bytes. Compresses one member only.
     */
    public static byte[] gzipBomb(int memberSize, int members) {
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(one)) {
            gz.write(new byte[memberSize]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] member = one.toByteArray();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < members; i++) {
            all.writeBytes(member);
        }
        return all.toByteArray();
    }

    /** A zip holding a zip holding a zip ... {@code depth} deep, the innermost holding {@code files}. */
    public static byte[] nestedChain(int depth, Map<String, byte[]> files) {
        byte[] z = zip(files, false);
        for (int i = depth - 1; i >= 1; i--) {
            z = zip(Map.of("level" + i + ".zip", z), false);
        }
        return z;
    }

    /** The names an archive chain like {@link #nestedChain} puts on the way down. */
    public static List<String> chainNames(int depth) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < depth; i++) {
            out.add("level" + i + ".zip");
        }
        return out;
    }
}
