package dev.leakgate.cli;

import dev.leakgate.archive.ArchiveLimits;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How far the scanning commands read inside archives: shared by scan, staged, gate and audit. */
public final class ArchiveOptions {
    @Option(names = "--max-archive-depth", paramLabel = "N", converter = Depth.class,
            description = "read inside archives (zip, jar, tar, tar.gz, 7z, gz, xz, zst, ...) and the archives they hold,"
                    + " N levels deep; 0: not inside archives (default: ${DEFAULT-VALUE})")
    int maxDepth = ArchiveLimits.DEFAULT_DEPTH;

    @Option(names = "--max-archive-bytes", paramLabel = "BYTES", converter = ByteLimit.class,
            description = "stop reading an archive (nested ones included) once it expanded to this many bytes,"
                    + " and name it (default: ${DEFAULT-VALUE})")
    long maxBytes = ArchiveLimits.DEFAULT_BYTES;

    @Option(names = "--max-archive-entries", paramLabel = "N", converter = Count.class,
            description = "stop reading an archive (nested ones included) after this many entries, and name it"
                    + " (default: ${DEFAULT-VALUE})")
    int maxEntries = ArchiveLimits.DEFAULT_ENTRIES;

    /** The limits, files inside read up to {@code maxFileSize} like any other file; null options: the defaults. */
    static ArchiveLimits limits(ArchiveOptions options, long maxFileSize) {
        ArchiveOptions o = options != null ? options : new ArchiveOptions();
        return new ArchiveLimits(o.maxDepth, maxFileSize, o.maxBytes, o.maxEntries);
    }

    /** 0 or more. */
    static final class Depth implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = whole(value);
            if (n < 0) {
                throw new CommandLine.TypeConversionException("must be 0 (not inside archives) or more, got " + value);
            }
            return n;
        }
    }

    /** 1 or more. */
    static final class Count implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = whole(value);
            if (n <= 0) {
                throw new CommandLine.TypeConversionException("must be a positive number, got " + value);
            }
            return n;
        }
    }

    private static int whole(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
        }
    }
}
