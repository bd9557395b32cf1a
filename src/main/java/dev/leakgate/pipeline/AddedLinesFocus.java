package dev.leakgate.pipeline;

import dev.leakgate.source.LineSet;

/**
 * A change's view of a file for the rules: the added lines and some context around them kept,
 * every other byte but newlines blanked. Offsets and line numbers stay those of the file, so
 * findings need no translation, while a one-line edit to a large file costs the rules a few
 * kilobytes instead of the whole file. A match still counts only if it touches an added line;
 * the context lets one that starts a little earlier (a key block whose body was edited) be seen.
 */
final class AddedLinesFocus {
    /** Lines kept around each added range; longer than a PEM block of a 4096-bit key. */
    static final int CONTEXT_LINES = 64;
    /** Below this size the whole file is scanned: blanking would not save anything. */
    static final int MIN_SIZE = 16 * 1024;

    private AddedLinesFocus() {
    }

    static byte[] mask(byte[] content, LineSet added) {
        LineSet keep = added.widen(CONTEXT_LINES);
        byte[] out = new byte[content.length];
        int line = 1;
        boolean kept = keep.contains(1);
        for (int i = 0; i < content.length; i++) {
            byte b = content[i];
            out[i] = kept || b == '\n' ? b : (byte) ' ';
            if (b == '\n') {
                kept = keep.contains(++line);
            }
        }
        return out;
    }
}
