package dev.leakgate.archive;

import dev.leakgate.report.Skip;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.MemoryLimitException;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.z.ZCompressorInputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads the files inside an archive held in memory, and inside the archives it holds, down to
 * {@link ArchiveLimits#maxDepth()}, with Apache Commons Compress (zip and the formats that are
 * zips: jar, war, ear, apk, whl, nupkg, docx...; tar; 7z; gzip, bzip2, xz, zstd, lz4 and
 * compress, alone or around a tar). One entry point, {@link #read}; path-independent: what it
 * finds is named by the levels inside ({@link ArchivePath} adds the archive's own path).
 *
 * <p>Nothing here can hang or exhaust memory on hostile input: every byte decompressed counts
 * against {@link ArchiveLimits#maxBytes()} and every entry against
 * {@link ArchiveLimits#maxEntries()}, for the archive and everything nested in it together; past
 * either the rest is not read and the archive is named ({@link Skip.Reason#ARCHIVE_LIMIT}). A file
 * inside is read up to {@link ArchiveLimits#maxEntrySize()} (a size its header states is believed
 * only when it says "too large"), decoders may ask for at most
 * {@link ArchiveLimits#MAX_DECODER_MEMORY}, and nesting stops at the depth limit, so a quine
 * (a zip that holds itself) ends too. What cannot be read is named, never passed over in silence:
 * an encrypted entry, a corrupt or truncated archive (what could be read of it is still read).
 */
public final class ArchiveReader {
    /** What reading finds. Called on the reading thread, in archive order. */
    public interface Visitor {
        /** A file inside, at {@code levels} (one name per archive level), whole. */
        void file(List<String> levels, byte[] content);

        /** Something inside (or, with no levels, the archive itself) that was not read, and why. */
        void skipped(List<String> levels, Skip.Reason reason);
    }

    private static final int TAR_BLOCK = 512;

    private final ArchiveLimits limits;
    private final Visitor visitor;
    private long bytesLeft;
    private int entriesLeft;

    private ArchiveReader(ArchiveLimits limits, Visitor visitor) {
        this.limits = limits;
        this.visitor = visitor;
        this.bytesLeft = limits.maxBytes();
        this.entriesLeft = limits.maxEntries();
    }

    /**
     * Reads inside {@code content[0, length)} when it is an archive (by its magic bytes) and
     * archives are read at all; else does nothing. Returns whether it was an archive.
     */
    public static boolean read(byte[] content, int length, ArchiveLimits limits, Visitor visitor) {
        ArchiveFormat format = limits.enabled() ? ArchiveFormat.detect(content, length) : null;
        if (format == null) {
            return false;
        }
        ArchiveReader reader = new ArchiveReader(limits, visitor);
        try {
            reader.open(List.of(), content, length, format, 1);
        } catch (LimitReached e) {
            reader.skip(List.of(), Skip.Reason.ARCHIVE_LIMIT);
        } catch (VisitorFailure e) {
            throw e.getCause();
        }
        return true;
    }

    /** One archive, at {@code depth} (1: the outermost); whatever goes wrong inside it is named at its level. */
    private void open(List<String> levels, byte[] bytes, int length, ArchiveFormat format, int depth) {
        try {
            switch (format) {
                case ZIP -> zip(levels, exact(bytes, length), depth);
                case SEVEN_Z -> sevenZ(levels, exact(bytes, length), depth);
                case TAR -> tar(levels, charged(new ByteArrayInputStream(bytes, 0, length)), depth);
                default -> compressed(levels, format, new ByteArrayInputStream(bytes, 0, length), depth);
            }
        } catch (LimitReached | VisitorFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Corrupt or truncated: what was read before the fault has been reported already.
            skip(levels, reasonFor(e));
        }
    }

    /** A file found inside: handed over, then opened in turn when it is an archive itself. */
    private void entry(List<String> levels, byte[] content, int depth) {
        try {
            visitor.file(levels, content);
        } catch (RuntimeException e) {
            throw new VisitorFailure(e);
        }
        ArchiveFormat nested = ArchiveFormat.detect(content, content.length);
        if (nested != null) {
            if (depth >= limits.maxDepth()) {
                skip(levels, Skip.Reason.ARCHIVE_DEPTH);
            } else {
                open(levels, content, content.length, nested, depth + 1);
            }
        }
    }

    private void skip(List<String> levels, Skip.Reason reason) {
        try {
            visitor.skipped(levels, reason);
        } catch (RuntimeException e) {
            throw new VisitorFailure(e);
        }
    }

    // ---- formats ------------------------------------------------------------------------------

    private void zip(List<String> levels, byte[] bytes, int depth) throws IOException {
        ZipFile zip;
        try {
            zip = ZipFile.builder()
                    .setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                    .setZstdInputStreamFactory(ZstdInputStream::new)
                    .get();
        } catch (IOException e) {
            zipStream(levels, bytes, depth);
            return;
        }
        try (zip) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
                chargeEntry();
                if (e.isDirectory()) {
                    continue;
                }
                List<String> at = with(levels, e.getName());
                if (e.getGeneralPurposeBit().usesEncryption()) {
                    skip(at, Skip.Reason.ARCHIVE_ENCRYPTED);
                } else if (!zip.canReadEntryData(e)) {
                    skip(at, Skip.Reason.ARCHIVE_UNREADABLE);
                } else if (e.getSize() > limits.maxEntrySize()) {
                    skip(at, Skip.Reason.LARGE);
                } else {
                    byte[] content;
                    try (InputStream in = zip.getInputStream(e)) {
                        content = readEntry(charged(in));
                    } catch (IOException x) {
                        skip(at, reasonFor(x));
                        continue;
                    }
                    found(at, content, depth);
                }
            }
        }
    }

    /**
     * A zip whose central directory cannot be read (truncated, damaged): the entries its local
     * headers still give, as {@code unzip} would salvage them; the archive is named as unreadable.
     */
    private void zipStream(List<String> levels, byte[] bytes, int depth) {
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8.name(), true, true)) {
            ZipArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                chargeEntry();
                if (e.isDirectory()) {
                    continue;
                }
                List<String> at = with(levels, e.getName());
                if (e.getGeneralPurposeBit().usesEncryption()) {
                    skip(at, Skip.Reason.ARCHIVE_ENCRYPTED);
                } else if (!in.canReadEntryData(e)) {
                    skip(at, Skip.Reason.ARCHIVE_UNREADABLE);
                } else if (e.getSize() > limits.maxEntrySize()) {
                    skip(at, Skip.Reason.LARGE);
                } else {
                    found(at, readEntry(charged(in)), depth);
                }
            }
        } catch (LimitReached | VisitorFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // the rest is past the damage
        }
        skip(levels, Skip.Reason.ARCHIVE_UNREADABLE);
    }

    private void sevenZ(List<String> levels, byte[] bytes, int depth) throws IOException {
        try (SevenZFile z = SevenZFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                .setMaxMemoryLimitKiB(ArchiveLimits.MAX_DECODER_MEMORY_KIB)
                .get()) {
            InputStream current = new InputStream() {
                @Override
                public int read() throws IOException {
                    return z.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return z.read(b, off, len);
                }
            };
            SevenZArchiveEntry e;
            while ((e = z.getNextEntry()) != null) {
                chargeEntry();
                if (e.isDirectory() || e.isAntiItem()) {
                    continue;
                }
                List<String> at = with(levels, e.getName());
                if (!e.hasStream()) {
                    found(at, new byte[0], depth); // an empty file: 7z stores no stream for it
                    continue;
                }
                if (e.getSize() > limits.maxEntrySize()) {
                    skip(at, Skip.Reason.LARGE);
                    // In a solid block the next entry is reached by decoding this one: it counts.
                    chargeBytes(e.getSize());
                    continue;
                }
                byte[] content;
                try {
                    content = readEntry(charged(current));
                } catch (IOException x) {
                    skip(at, reasonFor(x));
                    continue;
                }
                found(at, content, depth);
            }
        }
    }

    private void tar(List<String> levels, InputStream charged, int depth) throws IOException {
        TarArchiveInputStream in = new TarArchiveInputStream(charged, StandardCharsets.UTF_8.name());
        TarArchiveEntry e;
        while ((e = in.getNextEntry()) != null) {
            chargeEntry();
            if (!e.isFile() && !e.isSparse()) {
                continue; // folders, links, devices: no content of their own
            }
            List<String> at = with(levels, e.getName());
            long size = e.isSparse() ? e.getRealSize() : e.getSize();
            if (size > limits.maxEntrySize()) {
                skip(at, Skip.Reason.LARGE); // a sparse entry may claim terabytes: never expanded
            } else if (!in.canReadEntryData(e)) {
                skip(at, Skip.Reason.ARCHIVE_UNREADABLE);
            } else {
                found(at, readEntry(in), depth);
            }
        }
    }

    /** A compressed stream: a tar inside is read as one level with it (archive.tgz!dir/.env), else one file. */
    private void compressed(List<String> levels, ArchiveFormat format, InputStream raw, int depth) throws IOException {
        InputStream decoded = switch (format) {
            case GZIP -> new GzipCompressorInputStream(raw, true);
            case BZIP2 -> new BZip2CompressorInputStream(raw, true);
            case XZ -> new XZCompressorInputStream(raw, true, ArchiveLimits.MAX_DECODER_MEMORY_KIB);
            case ZSTD -> new ZstdInputStream(raw);
            case LZ4 -> new FramedLZ4CompressorInputStream(raw, true);
            case Z -> new ZCompressorInputStream(raw, ArchiveLimits.MAX_DECODER_MEMORY_KIB);
            default -> throw new IllegalStateException("not a compression: " + format);
        };
        try (BufferedInputStream in = new BufferedInputStream(charged(decoded), 1 << 16)) {
            in.mark(TAR_BLOCK);
            byte[] head = in.readNBytes(TAR_BLOCK);
            in.reset();
            if (ArchiveFormat.isTar(head, head.length)) {
                tar(levels, in, depth);
            } else {
                found(with(levels, ""), readEntry(in), depth);
            }
        }
    }

    // ---- reading within the limits --------------------------------------------------------

    /** A file read whole, or (null) past the size limit. */
    private void found(List<String> at, byte[] content, int depth) {
        if (content == null) {
            skip(at, Skip.Reason.LARGE);
        } else {
            entry(at, content, depth);
        }
    }

    /** Up to the size limit and one byte more: a header's size is not trusted to be small. */
    private byte[] readEntry(InputStream in) throws IOException {
        long max = limits.maxEntrySize();
        byte[] b = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        return b.length > max ? null : b;
    }

    private void chargeEntry() {
        if (--entriesLeft < 0) {
            throw new LimitReached();
        }
    }

    private void chargeBytes(long n) {
        bytesLeft -= n;
        if (bytesLeft < 0) {
            throw new LimitReached();
        }
    }

    /** Counts every byte that comes out of {@code in} against the archive's budget. */
    private InputStream charged(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    chargeBytes(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    chargeBytes(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                if (skipped > 0) {
                    chargeBytes(skipped);
                }
                return skipped;
            }
        };
    }

    private static Skip.Reason reasonFor(Exception e) {
        if (e instanceof PasswordRequiredException) {
            return Skip.Reason.ARCHIVE_ENCRYPTED;
        }
        if (e instanceof MemoryLimitException || e instanceof org.tukaani.xz.MemoryLimitException) {
            return Skip.Reason.ARCHIVE_LIMIT;
        }
        return Skip.Reason.ARCHIVE_UNREADABLE;
    }

    /** {@code levels} and one more: a name inside, as a path ('/' between folders, none leading). */
    private static List<String> with(List<String> levels, String name) {
        List<String> out = new ArrayList<>(levels.size() + 1);
        out.addAll(levels);
        out.add(clean(name));
        return Collections.unmodifiableList(out);
    }

    static String clean(String name) {
        if (name == null) {
            return "";
        }
        String n = name.replace('\\', '/');
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.substring(n.startsWith("/") ? 1 : 2);
        }
        return n;
    }

    private static byte[] exact(byte[] bytes, int length) {
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }

    /** The archive as a whole went past {@link ArchiveLimits#maxBytes()} or {@link ArchiveLimits#maxEntries()}. */
    private static final class LimitReached extends RuntimeException {
        LimitReached() {
            super(null, null, false, false);
        }
    }

    /** A failure of the visitor's own, carried out unchanged: not the archive's fault. */
    private static final class VisitorFailure extends RuntimeException {
        VisitorFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}
