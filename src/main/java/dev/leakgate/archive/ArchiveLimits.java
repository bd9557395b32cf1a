package dev.leakgate.archive;

/**
 * How far reading inside archives may go. {@code maxDepth} archive levels are opened (1: the
 * archives the source holds, not the archives inside them; 0: none). Each file inside is read up
 * to {@code maxEntrySize} (the run's {@code --max-file-size}), and one archive as a whole, its
 * nested archives included, may expand to at most {@code maxBytes} and {@code maxEntries}: the
 * bounds a zip bomb meets. A decoder may ask for at most {@link #MAX_DECODER_MEMORY} (an xz or
 * 7z dictionary).
 */
public record ArchiveLimits(int maxDepth, long maxEntrySize, long maxBytes, int maxEntries) {
    public static final int DEFAULT_DEPTH = 3;
    public static final long DEFAULT_BYTES = 256L * 1024 * 1024;
    public static final int DEFAULT_ENTRIES = 100_000;
    /** xz -9 and 7z -mx9 use a 64 MiB dictionary: twice that is room for what tools make. */
    public static final int MAX_DECODER_MEMORY_KIB = 128 * 1024;
    public static final long MAX_DECODER_MEMORY = MAX_DECODER_MEMORY_KIB * 1024L;

    public ArchiveLimits {
        if (maxDepth < 0 || maxEntrySize <= 0 || maxBytes <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("archive limits must be positive (depth may be 0)");
        }
    }

    /** The defaults, with files inside read up to {@code maxEntrySize}. */
    public static ArchiveLimits defaults(long maxEntrySize) {
        return new ArchiveLimits(DEFAULT_DEPTH, maxEntrySize, DEFAULT_BYTES, DEFAULT_ENTRIES);
    }

    /** Whether archives are read inside at all. */
    public boolean enabled() {
        return maxDepth > 0;
    }
}
