package dev.leakgate.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.internal.storage.pack.BinaryDelta;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Reads the objects of one delta tree of a pack (see {@link PackLayout}) on one thread, as
 * {@code git index-pack} resolves deltas: the root inflated, then each delta applied to its base
 * while the base is still in memory, so every object is inflated once and no chain is replayed.
 * What this cannot do
 * cheaply (a base held outside the pack, an object too large to hold as a base) it asks JGit.
 */
final class PackReader implements AutoCloseable {
    /** Receives each object read. */
    interface Visitor {
        /**
         * @param index   the object's index in the pack's layout
         * @param content the object's bytes, or null for a blob over {@code maxSize} (not read)
         * @param base    the bytes of the object this one is a delta of, or null
         * @param size    the object's size
         * @param packed  compressed bytes the object took in the pack (for progress)
         */
        void accept(int type, int index, byte[] content, byte[] base, long size, long packed) throws IOException;

        /**
         * As {@link #accept(int, int, byte[], byte[], long, long)}, with what a visitor can reuse of
         * the base: the delta that made this object of it (null when the object was read whole) and
         * what this method returned for the base. Returns what the deltas on this object get as
         * theirs; {@code isBase} says whether there are any.
         */
        default Object accept(int type, int index, byte[] content, byte[] base, byte[] delta, Object baseMemo,
                boolean isBase, long size, long packed) throws IOException {
            accept(type, index, content, base, size, packed);
            return null;
        }
    }

    /** An object's content held for the deltas on it, with what its visitor returned for them. */
    record Held(byte[] content, Object memo) {
    }

    /** Bases above this are not held for their deltas: JGit reads those deltas, with its own caches. */
    static final long HOLD_MAX = 64L << 20;
    /** Bytes of bases one reader holds at most along its path down a delta tree. */
    static final long HELD_BUDGET = 192L << 20;
    private static final int WINDOW = 1 << 20;

    private final ObjectReader jgit;
    private final long maxSize;
    private final Inflater inflater = new Inflater();
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private byte[] input = window.array();
    /** The pack the window holds bytes of: one reader goes from pack to pack. */
    private FileChannel windowChannel;
    private long windowStart = -1;
    private int windowLength;
    private final byte[] one = new byte[1];
    private long held;

    private final long heldBudget;

    PackReader(ObjectReader jgit, long maxSize) {
        this(jgit, maxSize, HELD_BUDGET);
    }

    /** @param heldBudget bytes of bases held at most (tests set 0 to take JGit's path for every delta) */
    PackReader(ObjectReader jgit, long maxSize, long heldBudget) {
        this.jgit = jgit;
        this.maxSize = maxSize;
        this.heldBudget = heldBudget;
    }

    /** Hands part of a delta tree to another thread: a delta and the base it applies to. */
    interface Splitter {
        /** True when the delta was taken (another thread reads it and everything below it). */
        boolean offer(int index, Held base);
    }

    /** Below this many objects a part of a delta tree is not worth handing over. */
    static final int SPLIT = 32;
    private Splitter splitter;

    void splitter(Splitter s) {
        this.splitter = s;
    }

    /** Reads delta {@code i} on {@code base} (handed over by another thread) and everything below it. */
    void readFrom(PackLayout l, FileChannel ch, long packLength, int i, Held base, Visitor v) throws IOException {
        below(l, ch, packLength, i, read(l, ch, packLength, i, base, hasDeltas(l, i), v), v);
    }

    /** Reads object {@code root} and, depth first, every object based on it. */
    void readTree(PackLayout l, FileChannel ch, long packLength, int root, Visitor v) throws IOException {
        below(l, ch, packLength, root, read(l, ch, packLength, root, null, hasDeltas(l, root), v), v);
    }

    private static boolean hasDeltas(PackLayout l, int i) {
        return l.childStart[i + 1] > l.childStart[i];
    }

    /**
     * The deltas on object i, given its content (null when it could not be held: each of them is
     * then read through JGit). Recursion goes as deep as the longest delta chain (git's limit is
     * 4095, its default 50); the bases held along the way stay within {@link #HELD_BUDGET}.
     */
    private void below(PackLayout l, FileChannel ch, long packLength, int i, Held base, Visitor v) throws IOException {
        if (!hasDeltas(l, i)) {
            return;
        }
        byte[] content = base == null ? null : base.content;
        if (content != null && held + content.length > heldBudget) {
            content = null;
            base = null;
        }
        if (content != null) {
            held += content.length;
        }
        try {
            for (int c = l.childStart[i]; c < l.childStart[i + 1]; c++) {
                int child = l.children[c];
                if (content != null && splitter != null && l.descendants[child] >= SPLIT && splitter.offer(child, base)) {
                    continue; // another thread, idle, reads this part of the tree
                }
                Held childContent = content == null ? fallback(l, child, hasDeltas(l, child), l.compressedLength(child, packLength), v)
                        : read(l, ch, packLength, child, base, hasDeltas(l, child), v);
                below(l, ch, packLength, child, childContent, v);
            }
        } finally {
            if (content != null) {
                held -= content.length;
            }
        }
    }

    /**
     * Reads object i and hands it to the visitor; returns its content when its deltas may use it
     * (null when it was too large to hold).
     */
    private Held read(PackLayout l, FileChannel ch, long packLength, int i, Held base, boolean isBase,
            Visitor v) throws IOException {
        byte[] baseContent = base == null ? null : base.content;
        int type = l.type[i];
        long packed = l.compressedLength(i, packLength);
        if (type == PackLayout.UNKNOWN || (l.isDelta(i) && baseContent == null)) {
            return fallback(l, i, isBase, packed, v);
        }
        if (!l.isDelta(i)) {
            long size = l.size[i];
            if (!isBase && type == Constants.OBJ_BLOB && size > maxSize) {
                v.accept(type, i, null, null, size, packed);
                return null;
            }
            if (size > HOLD_MAX) {
                return fallback(l, i, isBase, packed, v);
            }
            byte[] content = inflate(ch, l.dataStart[i], packed, size, l, i);
            return new Held(content, v.accept(type, i, content, null, null, null, isBase, size, packed));
        }
        byte[] delta = inflate(ch, l.dataStart[i], packed, l.size[i], l, i);
        long resultSize = resultSize(delta, l, i);
        if (!isBase && type == Constants.OBJ_BLOB && resultSize > maxSize) {
            v.accept(type, i, null, null, resultSize, packed);
            return null;
        }
        if (resultSize > HOLD_MAX) {
            return fallback(l, i, isBase, packed, v);
        }
        byte[] content;
        try {
            content = BinaryDelta.apply(baseContent, delta);
        } catch (RuntimeException e) {
            throw corrupt(l, i, "delta does not apply to its base (" + e.getMessage() + ")");
        }
        return new Held(content, v.accept(type, i, content, baseContent, delta, base.memo, isBase, content.length, packed));
    }

    /**
     * Object i through JGit (its own caches, streaming for large objects): a blob over the limit
     * that nothing is based on is not read at all.
     */
    private Held fallback(PackLayout l, int i, boolean isBase, long packed, Visitor v) throws IOException {
        ObjectLoader loader = jgit.open(l.id[i]);
        int type = loader.getType();
        long size = loader.getSize();
        if (type == Constants.OBJ_BLOB && size > maxSize && (!isBase || size > HOLD_MAX)) {
            v.accept(type, i, null, null, size, packed);
            return null;
        }
        byte[] content;
        try {
            content = loader.getCachedBytes(Integer.MAX_VALUE);
        } catch (LargeObjectException e) {
            throw GitRepos.tooLarge(l.id[i], type == Constants.OBJ_BLOB ? "blob" : Constants.typeString(type), e);
        }
        Object memo = v.accept(type, i, content, null, null, null, isBase && size <= HOLD_MAX, size, packed);
        return size > HOLD_MAX ? null : new Held(content, memo);
    }

    private static long resultSize(byte[] delta, PackLayout l, int i) throws IOException {
        int p = 0;
        // skip the base size, then read the result size (both little-endian base-128)
        for (int k = 0; k < 2; k++) {
            long value = 0;
            int shift = 0;
            int c;
            do {
                if (p >= delta.length) {
                    throw corrupt(l, i, "truncated delta header");
                }
                c = delta[p++] & 0xff;
                value |= (long) (c & 0x7f) << shift;
                shift += 7;
            } while ((c & 0x80) != 0);
            if (k == 1) {
                return value;
            }
        }
        throw new IllegalStateException();
    }

    /** Inflates the zlib stream at {@code start} into exactly {@code size} bytes, checking that it ends there. */
    private byte[] inflate(FileChannel ch, long start, long packed, long size, PackLayout l, int i) throws IOException {
        if (size > Integer.MAX_VALUE - 16) {
            throw corrupt(l, i, "object of " + size + " bytes");
        }
        byte[] out;
        try {
            out = new byte[(int) size];
        } catch (OutOfMemoryError e) {
            throw new SourceException("cannot read git object " + l.id[i].name() + ": out of memory"
                    + " (give the JVM more heap, e.g. java -Xmx4g -jar ...)");
        }
        inflater.reset();
        long at = start;
        long end = start + packed;
        int n = 0;
        try {
            while (true) {
                if (inflater.needsInput()) {
                    if (at >= end) {
                        throw corrupt(l, i, "compressed data ends early");
                    }
                    int len = fill(ch, at, end);
                    inflater.setInput(input, (int) (at - inputStart), len);
                    at += len;
                }
                if (n < out.length) {
                    n += inflater.inflate(out, n, out.length - n);
                } else if (inflater.inflate(one, 0, 1) != 0) {
                    throw corrupt(l, i, "more data than its header says");
                }
                if (inflater.finished()) {
                    break;
                }
                if (inflater.needsDictionary()) {
                    throw corrupt(l, i, "compressed data needs a dictionary");
                }
            }
        } catch (DataFormatException e) {
            throw corrupt(l, i, "bad compressed data (" + e.getMessage() + ")");
        }
        if (n != out.length) {
            throw corrupt(l, i, "less data than its header says");
        }
        return out;
    }

    private long inputStart;

    /** Makes [at, ...) readable from {@link #input}; returns how many bytes from {@code at} (at most to {@code end}). */
    private int fill(FileChannel ch, long at, long end) throws IOException {
        if (ch != windowChannel || windowStart < 0 || at < windowStart || at >= windowStart + windowLength) {
            windowChannel = ch;
            window.clear();
            windowStart = at;
            windowLength = 0;
            long packLength = ch.size();
            int want = (int) Math.min(WINDOW, packLength - at);
            while (windowLength < want) {
                int r = ch.read(window, at + windowLength);
                if (r < 0) {
                    break;
                }
                windowLength += r;
            }
        }
        input = window.array();
        inputStart = windowStart;
        return (int) Math.min(end - at, windowStart + windowLength - at);
    }

    private static IOException corrupt(PackLayout l, int i, String why) {
        return new org.eclipse.jgit.errors.CorruptObjectException(
                "object " + l.id[i].name() + " at offset " + l.offset[i] + " in " + l.file.getName() + ": " + why);
    }

    @Override
    public void close() {
        inflater.end();
    }
}
