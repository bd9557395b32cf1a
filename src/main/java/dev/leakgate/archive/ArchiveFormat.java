package dev.leakgate.archive;

/**
 * The archive and compression formats read inside, told by their magic bytes, never by name: a
 * renamed archive is still one, and a file named {@code .zip} that is not one is just bytes. The
 * check is a few comparisons at fixed offsets (and, for a tar without the ustar mark, a header
 * checksum), so content that is no archive costs next to nothing. Loads no codec class.
 */
public enum ArchiveFormat {
    ZIP(false),
    SEVEN_Z(false),
    TAR(false),
    GZIP(true),
    BZIP2(true),
    XZ(true),
    ZSTD(true),
    LZ4(true),
    /** Unix {@code compress} (.Z). */
    Z(true);

    private final boolean compression;

    ArchiveFormat(boolean compression) {
        this.compression = compression;
    }

    /** A single compressed stream (gzip, xz, ...), which may hold a tar or one file. */
    public boolean isCompression() {
        return compression;
    }

    private static final int TAR_BLOCK = 512;

    /** The format of {@code bytes[0, length)}, or null when it is none of them. */
    public static ArchiveFormat detect(byte[] bytes, int length) {
        if (length < 4) {
            return null;
        }
        int b0 = bytes[0] & 0xff;
        int b1 = bytes[1] & 0xff;
        int b2 = bytes[2] & 0xff;
        int b3 = bytes[3] & 0xff;
        switch (b0) {
            case 'P' -> {
                // A local file header; "PK\7\8" opens a split archive, whose first header follows.
                if (b1 == 'K' && ((b2 == 3 && b3 == 4) || (b2 == 7 && b3 == 8))) {
                    return ZIP;
                }
            }
            case 0x1f -> {
                if (b1 == 0x8b && b2 == 8) {
                    return GZIP; // method 8 (deflate): the only one gzip defines
                }
                // compress: bits 5-6 reserved (0), the low five the code width, 9 to 16
                if (b1 == 0x9d && (b2 & 0x60) == 0 && (b2 & 0x1f) >= 9 && (b2 & 0x1f) <= 16) {
                    return Z;
                }
            }
            case 'B' -> {
                if (b1 == 'Z' && b2 == 'h' && b3 >= '1' && b3 <= '9' && length >= 10 && bzip2Block(bytes)) {
                    return BZIP2;
                }
            }
            case 0xfd -> {
                if (b1 == '7' && b2 == 'z' && b3 == 'X' && length >= 6 && bytes[4] == 'Z' && bytes[5] == 0) {
                    return XZ;
                }
            }
            case 0x28 -> {
                if (b1 == 0xb5 && b2 == 0x2f && b3 == 0xfd) {
                    return ZSTD;
                }
            }
            case 0x04 -> {
                if (b1 == 0x22 && b2 == 0x4d && b3 == 0x18) {
                    return LZ4;
                }
            }
            case '7' -> {
                if (b1 == 'z' && b2 == 0xbc && b3 == 0xaf && length >= 6 && (bytes[4] & 0xff) == 0x27 && bytes[5] == 0x1c) {
                    return SEVEN_Z;
                }
            }
            default -> { }
        }
        if (isTar(bytes, length)) {
            return TAR;
        }
        if (hasZipEnd(bytes, length)) {
            return ZIP; // data before the first entry: a self-extracting or launch-script jar
        }
        return null;
    }

    /** The first block after "BZhN": a compressed block, or the end of an empty stream. */
    private static boolean bzip2Block(byte[] b) {
        int[] block = {0x31, 0x41, 0x59, 0x26, 0x53, 0x59};
        int[] end = {0x17, 0x72, 0x45, 0x38, 0x50, 0x90};
        boolean isBlock = true;
        boolean isEnd = true;
        for (int i = 0; i < 6; i++) {
            int v = b[4 + i] & 0xff;
            isBlock &= v == block[i];
            isEnd &= v == end[i];
        }
        return isBlock || isEnd;
    }

    /**
     * A tar header block: the "ustar" mark (POSIX and GNU), or, for the old v7 format without it,
     * an octal checksum field that matches the block's sum.
     */
    public static boolean isTar(byte[] b, int length) {
        if (length < TAR_BLOCK) {
            return false;
        }
        if (b[257] == 'u' && b[258] == 's' && b[259] == 't' && b[260] == 'a' && b[261] == 'r') {
            return true;
        }
        return v7Checksum(b);
    }

    private static boolean v7Checksum(byte[] b) {
        // Field at 148: up to 6 (or 7) octal digits, then NUL and/or space; leading spaces allowed.
        long declared = 0;
        int i = 148;
        while (i < 156 && b[i] == ' ') {
            i++;
        }
        int digits = 0;
        while (i < 156 && b[i] >= '0' && b[i] <= '7') {
            declared = declared * 8 + (b[i] - '0');
            i++;
            digits++;
        }
        if (digits == 0 || i == 156 || (b[i] != 0 && b[i] != ' ')) {
            return false;
        }
        if (b[0] == 0) {
            return false; // no name: an end-of-archive block, or not a header
        }
        long sum = 0;
        for (int k = 0; k < TAR_BLOCK; k++) {
            sum += (k >= 148 && k < 156) ? ' ' : (b[k] & 0xff);
        }
        return sum == declared;
    }

    /**
     * The end-of-central-directory record as the last 22 bytes (a zip without a comment) whose
     * directory lies within the file: how a zip with something before it is recognised.
     */
    private static boolean hasZipEnd(byte[] b, int length) {
        int at = length - 22;
        if (at < 0 || b[at] != 'P' || b[at + 1] != 'K' || b[at + 2] != 5 || b[at + 3] != 6) {
            return false;
        }
        long dirSize = le32(b, at + 12);
        return dirSize > 0 && dirSize <= at;
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
}
