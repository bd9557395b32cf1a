package dev.leakgate.source;

import java.util.Arrays;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Object ids numbered 0, 1, 2, ... and found again by their raw bytes without building an
 * {@link ObjectId}: the history audit looks up every entry of every tree, millions of them, so a
 * lookup is a hash probe over a flat int array. Adding is not thread-safe; finding is, while
 * nothing is added.
 */
final class ObjectTable {
    private static final int WORDS = 5;
    private int[] ids;
    private int size;
    /** Open addressing: slot → index + 1 (0 is empty). */
    private int[] slots;
    private int mask;

    ObjectTable(int expected) {
        ids = new int[Math.max(16, expected) * WORDS];
        int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        slots = new int[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    /** The index of {@code id}, added if new. */
    int add(AnyObjectId id) {
        byte[] raw = new byte[20];
        id.copyRawTo(raw, 0);
        return add(raw, 0);
    }

    int add(byte[] raw, int off) {
        int found = find(raw, off);
        if (found >= 0) {
            return found;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if ((size + 1) * WORDS > ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        int at = size * WORDS;
        for (int w = 0; w < WORDS; w++) {
            ids[at + w] = word(raw, off + 4 * w);
        }
        insert(size);
        return size++;
    }

    /** The index of the id whose 20 raw bytes start at {@code off}, or -1. */
    int find(byte[] raw, int off) {
        int w0 = word(raw, off);
        for (int s = mix(w0) & mask;; s = (s + 1) & mask) {
            int v = slots[s];
            if (v == 0) {
                return -1;
            }
            int at = (v - 1) * WORDS;
            if (ids[at] == w0 && ids[at + 1] == word(raw, off + 4) && ids[at + 2] == word(raw, off + 8)
                    && ids[at + 3] == word(raw, off + 12) && ids[at + 4] == word(raw, off + 16)) {
                return v - 1;
            }
        }
    }

    int find(AnyObjectId id) {
        byte[] raw = new byte[20];
        id.copyRawTo(raw, 0);
        return find(raw, 0);
    }

    ObjectId id(int index) {
        int at = index * WORDS;
        return ObjectId.fromRaw(ids, at);
    }

    private void insert(int index) {
        for (int s = mix(ids[index * WORDS]) & mask;; s = (s + 1) & mask) {
            if (slots[s] == 0) {
                slots[s] = index + 1;
                return;
            }
        }
    }

    private void grow() {
        slots = new int[slots.length * 2];
        mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            insert(i);
        }
    }

    private static int mix(int h) {
        return h ^ (h >>> 16); // ids are uniform already: only spread the high bits into the mask
    }

    private static int word(byte[] b, int p) {
        return (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff);
    }
}
