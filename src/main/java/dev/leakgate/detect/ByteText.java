package dev.leakgate.detect;

import java.nio.charset.StandardCharsets;

/**
 * Content as bytes mapped 1:1 to chars (ISO-8859-1), so regex offsets are byte offsets and no
 * UTF-8 decoding is paid for on the hot path. Lines and columns are computed only for findings.
 */
public final class ByteText {
    private final byte[] bytes;
    private final int length;

    public ByteText(byte[] bytes) {
        this(bytes, bytes.length);
    }

    public ByteText(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public String slice(int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * A char view of {@code [start, end)} without copying: regexes run over many small regions
     * per target, and a String per region was a large share of the scan.
     */
    public CharSequence view(int start, int end) {
        return new View(bytes, start, end - start);
    }

    private record View(byte[] bytes, int offset, int length) implements CharSequence {
        @Override
        public char charAt(int index) {
            return (char) (bytes[offset + index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(bytes, offset + start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    public int lineStart(int offset) {
        int i = Math.min(offset, length);
        while (i > 0 && bytes[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    /** Offset of the line end (the newline itself, or the length). */
    public int lineEnd(int offset) {
        int i = offset;
        while (i < length && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    /** Where an offset is: its 1-based line and column (in characters), and where its line starts. */
    public record Position(int line, int column, int lineStart) {
    }

    /**
     * The position of each of {@code offsets} (in any order), found in one walk over the text up to
     * the last of them: a target with many findings costs one pass, not one per finding, however
     * long its lines ({@link #lineOf} and {@link #columnOf} count from the start for each).
     */
    public Position[] positions(int[] offsets) {
        long[] order = new long[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            order[i] = (long) Math.max(0, Math.min(offsets[i], length)) << 32 | i;
        }
        java.util.Arrays.sort(order);
        Position[] out = new Position[offsets.length];
        int line = 1;
        int lineStart = 0;
        int column = 1;
        int at = 0;
        for (long o : order) {
            int offset = (int) (o >>> 32);
            for (; at < offset; at++) {
                byte b = bytes[at];
                if (b == '\n') {
                    line++;
                    lineStart = at + 1;
                    column = 1;
                } else if ((b & 0xC0) != 0x80) {
                    column++;
                }
            }
            out[(int) o] = new Position(line, column, lineStart);
        }
        return out;
    }

    /** 1-based line number of an offset. */
    public int lineOf(int offset) {
        int line = 1;
        int end = Math.min(offset, length);
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** 1-based column (in characters, UTF-8 continuation bytes not counted). */
    public int columnOf(int offset) {
        int col = 1;
        for (int i = lineStart(offset); i < offset; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        return col;
    }
}
