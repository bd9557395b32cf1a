package dev.leakgate.detect;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The slices a rule's regex already ran on without a match, by their bytes: the same bytes give the
 * same result, so they are not run again. A history repeats most of each file in every version (and
 * a tree repeats vendored copies), and a regex over a slice costs tens of nanoseconds a byte where
 * comparing it costs well under one. Entries hold the bytes themselves and are compared whole, so a
 * hash collision costs a regex run, never a wrong answer. One per thread: bounded, and emptied
 * when full.
 */
final class SliceMemo {
    /** Slices longer than this are run, not remembered: rare, and their bytes would crowd out many. */
    static final int MAX_SLICE = 4096;
    private static final int SLOTS = 1 << 16;
    private static final int MAX_ENTRIES = SLOTS / 2;
    private static final long MAX_BYTES = 16L << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] hashes = new long[SLOTS];
    /** Per slot: the rule and context flags of the entry, or -1 when empty. */
    private final int[] keys = new int[SLOTS];
    private final byte[][] slices = new byte[SLOTS][];
    private int entries;
    private long bytes;
    /** Runs saved: what tests check to know the memo was used at all. */
    long reused;

    SliceMemo() {
        Arrays.fill(keys, -1);
    }

    /** Whether the rule's regex ran on exactly these bytes, with the same context flags, and found nothing. */
    boolean knownEmpty(int rule, int flags, byte[] content, int from, int to) {
        if (to - from > MAX_SLICE) {
            return false;
        }
        int key = rule << 2 | flags;
        long h = hash(key, content, from, to);
        for (int s = (int) h & (SLOTS - 1); keys[s] != -1; s = s + 1 & (SLOTS - 1)) {
            if (hashes[s] == h && keys[s] == key && Arrays.equals(slices[s], 0, slices[s].length, content, from, to)) {
                reused++;
                return true;
            }
        }
        return false;
    }

    /** Remembers that the rule's regex found nothing on these bytes with these context flags. */
    void rememberEmpty(int rule, int flags, byte[] content, int from, int to) {
        if (to - from > MAX_SLICE) {
            return;
        }
        if (entries >= MAX_ENTRIES || bytes + (to - from) > MAX_BYTES) {
            Arrays.fill(keys, -1);
            Arrays.fill(slices, null);
            entries = 0;
            bytes = 0;
        }
        int key = rule << 2 | flags;
        long h = hash(key, content, from, to);
        int s = (int) h & (SLOTS - 1);
        while (keys[s] != -1) {
            s = s + 1 & (SLOTS - 1);
        }
        hashes[s] = h;
        keys[s] = key;
        slices[s] = Arrays.copyOfRange(content, from, to);
        entries++;
        bytes += to - from;
    }

    private static long hash(int key, byte[] b, int from, int to) {
        long h = 0x9E3779B97F4A7C15L * (key + 1) ^ (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) LONGS.get(b, i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        for (; i < to; i++) {
            h = (h ^ b[i]) * 0x94D049BB133111EBL;
        }
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ h >>> 32;
    }
}
