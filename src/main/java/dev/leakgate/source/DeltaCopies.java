package dev.leakgate.source;

import java.util.Arrays;

/**
 * Which ranges of its base a git delta copies, and where they land: what lets a check of the
 * result reuse what it found in the base ({@link AuditSource.BlobCheck#check}). JGit applies
 * deltas ({@code BinaryDelta.apply}) but does not hand out their instructions, so they are walked
 * here, after JGit applied the same delta successfully.
 */
final class DeltaCopies {
    private DeltaCopies() {
    }

    /**
     * The delta's copy instructions as (offset in the result, offset in the base, length) triples,
     * in the order of the result; the bytes between them are the delta's own. Adjacent copies of
     * adjacent base ranges are joined (a keyword across them is not new). Null when the delta does
     * not read as one that makes {@code resultLength} bytes (the caller then reuses nothing).
     */
    static int[] of(byte[] delta, int resultLength) {
        int p = 0;
        // base size, then result size: little-endian base-128
        for (int k = 0; k < 2; k++) {
            int c;
            do {
                if (p >= delta.length) {
                    return null;
                }
                c = delta[p++] & 0xff;
            } while ((c & 0x80) != 0);
        }
        int[] out = new int[24];
        int n = 0;
        long at = 0;
        while (p < delta.length) {
            int cmd = delta[p++] & 0xff;
            if ((cmd & 0x80) != 0) {
                long offset = 0;
                long size = 0;
                for (int bit = 0; bit < 4; bit++) {
                    if ((cmd & 1 << bit) != 0) {
                        if (p >= delta.length) {
                            return null;
                        }
                        offset |= (long) (delta[p++] & 0xff) << 8 * bit;
                    }
                }
                for (int bit = 0; bit < 3; bit++) {
                    if ((cmd & 0x10 << bit) != 0) {
                        if (p >= delta.length) {
                            return null;
                        }
                        size |= (long) (delta[p++] & 0xff) << 8 * bit;
                    }
                }
                if (size == 0) {
                    size = 0x10000;
                }
                if (offset + size > Integer.MAX_VALUE || at + size > resultLength) {
                    return null;
                }
                if (n > 0 && out[n - 3] + out[n - 1] == at && out[n - 2] + out[n - 1] == offset) {
                    out[n - 1] += (int) size; // continues the last copy
                } else {
                    if (n + 3 > out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = (int) at;
                    out[n++] = (int) offset;
                    out[n++] = (int) size;
                }
                at += size;
            } else if (cmd != 0) {
                p += cmd;
                at += cmd;
                if (p > delta.length || at > resultLength) {
                    return null;
                }
            } else {
                return null; // reserved instruction: JGit would not have applied it
            }
        }
        return at == resultLength ? Arrays.copyOf(out, n) : null;
    }
}
