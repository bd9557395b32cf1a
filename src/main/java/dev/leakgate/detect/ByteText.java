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
