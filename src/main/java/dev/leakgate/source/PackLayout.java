package dev.leakgate.source;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Where each object of one pack is and what it is, from the pack index and the object headers
 * alone (nothing inflated): its offset, where its compressed data starts and ends, its size, its
 * delta base, and its type (a delta's type is its chain root's). From that, the delta trees:
 * each object's children, so that a reader can resolve every chain from its root down, each
 * object inflated once, as {@code git index-pack} does.
 */
final class PackLayout {
    static final byte UNKNOWN = 0;
    static final int OFS_DELTA = 6;
    static final int REF_DELTA = 7;
    private static final int HEADER_MAX = 32;
    /** Git packs end with a 20-byte checksum of what precedes it. */
    private static final int TRAILER = 20;

    final File file;
    /** Objects in pack order. */
    final int count;
    final long[] offset;
    final ObjectId[] id;
    /** Where the compressed data starts (after the header and any base reference). */
    final long[] dataStart;
    /** The size the header gives: the object's for a whole object, the delta's for a delta. */
    final long[] size;
    /** The type in the header: 1-4 (whole), 6 or 7 (delta). */
    final byte[] packType;
    /** The object's type (a delta's is its chain root's), or {@link #UNKNOWN}. */
    final byte[] type;
    /** The index of the delta base in this pack, or -1 (whole, or based on an object elsewhere). */
    final int[] base;
    /** Children of object i (deltas based on it): {@code children[childStart[i] .. childStart[i + 1])}. */
    final int[] childStart;
    final int[] children;
    /** How many objects are based on object i, directly or not. */
    final int[] descendants;
    /** For a delta whose base is not in this pack: the base's id (a thin pack's), else null. */
    final ObjectId[] externalBase;

    private PackLayout(File file, int count) {
        this.file = file;
        this.count = count;
        offset = new long[count];
        id = new ObjectId[count];
        dataStart = new long[count];
        size = new long[count];
        packType = new byte[count];
        type = new byte[count];
        base = new int[count];
        childStart = new int[count + 1];
        children = new int[count];
        externalBase = new ObjectId[count];
        descendants = new int[count];
    }

    /** The compressed length of object i: up to the next object, or the pack's trailer. */
    long compressedLength(int i, long packLength) {
        long end = i + 1 < count ? offset[i + 1] : packLength - TRAILER;
        return end - dataStart[i];
    }

    static PackLayout read(File packFile, PackIndex index) throws IOException {
        long[] offsets = new long[(int) index.getObjectCount()];
        ObjectId[] ids = new ObjectId[offsets.length];
        int n = 0;
        for (PackIndex.MutableEntry e : index) {
            offsets[n] = e.getOffset();
            ids[n++] = e.toObjectId();
        }
        int[] order = offsetOrder(offsets, n);
        PackLayout l = new PackLayout(packFile, n);
        for (int i = 0; i < n; i++) {
            l.offset[i] = offsets[order[i]];
            l.id[i] = ids[order[i]];
        }
        l.readHeaders(index);
        l.resolveTypes();
        l.linkChildren();
        l.countDescendants();
        return l;
    }

    /** Indexes 0..n-1 in order of offset: as one primitive sort of (offset, index) packed in a long where they fit. */
    private static int[] offsetOrder(long[] offsets, int n) {
        int[] order = new int[n];
        if (n < (1 << 24) && java.util.stream.LongStream.of(offsets).limit(n).allMatch(o -> o >= 0 && o < (1L << 39))) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = offsets[i] << 24 | i;
            }
            Arrays.sort(keys);
            for (int i = 0; i < n; i++) {
                order[i] = (int) (keys[i] & 0xffffff);
            }
            return order;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(offsets[a], offsets[b]));
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    private void readHeaders(PackIndex index) throws IOException {
        try (FileChannel ch = FileChannel.open(file.toPath(), StandardOpenOption.READ)) {
            long packLength = ch.size();
            ByteBuffer buf = ByteBuffer.allocate(1 << 20);
            long bufStart = -1;
            int bufLen = 0;
            byte[] h = new byte[HEADER_MAX];
            for (int i = 0; i < count; i++) {
                long off = offset[i];
                if (bufStart < 0 || off < bufStart || off + HEADER_MAX > bufStart + bufLen) {
                    buf.clear();
                    bufStart = off;
                    int want = (int) Math.min(buf.capacity(), packLength - off);
                    bufLen = 0;
                    while (bufLen < want) {
                        int r = ch.read(buf, off + bufLen);
                        if (r < 0) {
                            break;
                        }
                        bufLen += r;
                    }
                }
                int avail = (int) Math.min(HEADER_MAX, bufStart + bufLen - off);
                buf.get((int) (off - bufStart), h, 0, avail);
                parseHeader(i, h, avail, index);
            }
        }
    }

    private void parseHeader(int i, byte[] h, int avail, PackIndex index) throws IOException {
        int p = 0;
        int c = byteAt(h, p++, avail, i);
        int t = (c >> 4) & 7;
        long sz = c & 15;
        int shift = 4;
        while ((c & 0x80) != 0) {
            c = byteAt(h, p++, avail, i);
            sz += (long) (c & 0x7f) << shift;
            shift += 7;
        }
        packType[i] = (byte) t;
        size[i] = sz;
        base[i] = -1;
        if (t == OFS_DELTA) {
            c = byteAt(h, p++, avail, i);
            long rel = c & 0x7f;
            while ((c & 0x80) != 0) {
                c = byteAt(h, p++, avail, i);
                rel = ((rel + 1) << 7) | (c & 0x7f);
            }
            int at = Arrays.binarySearch(offset, 0, i, offset[i] - rel);
            if (at < 0) {
                throw new IOException("object at offset " + offset[i] + " has a delta base at no object's offset");
            }
            base[i] = at;
        } else if (t == REF_DELTA) {
            if (p + Constants.OBJECT_ID_LENGTH > avail) {
                throw new IOException("truncated object header at offset " + offset[i]);
            }
            ObjectId baseId = ObjectId.fromRaw(h, p);
            p += Constants.OBJECT_ID_LENGTH;
            long baseOffset = index.findOffset(baseId);
            int at = baseOffset < 0 ? -1 : Arrays.binarySearch(offset, baseOffset);
            if (at >= 0) {
                base[i] = at;
            } else {
                externalBase[i] = baseId;
            }
        } else if (t < Constants.OBJ_COMMIT || t > Constants.OBJ_TAG) {
            throw new IOException("unknown object type " + t + " at offset " + offset[i]);
        }
        dataStart[i] = offset[i] + p;
    }

    private static int byteAt(byte[] h, int p, int avail, int i) throws IOException {
        if (p >= avail) {
            throw new IOException("truncated object header");
        }
        return h[p] & 0xff;
    }

    /** A delta's type is its chain root's; a chain that leaves the pack, or loops, stays unknown. */
    private void resolveTypes() {
        int[] chain = new int[64];
        for (int i = 0; i < count; i++) {
            if (type[i] != UNKNOWN) {
                continue;
            }
            int len = 0;
            int at = i;
            byte t = UNKNOWN;
            while (true) {
                if (type[at] != UNKNOWN) {
                    t = type[at];
                    break;
                }
                if (packType[at] != OFS_DELTA && packType[at] != REF_DELTA) {
                    t = packType[at];
                    break;
                }
                if (len == chain.length) {
                    if (len > count) {
                        break; // a loop: leave it to JGit, which reports it
                    }
                    chain = Arrays.copyOf(chain, len * 2);
                }
                chain[len++] = at;
                if (base[at] < 0) {
                    break; // based outside this pack
                }
                at = base[at];
            }
            if (t != UNKNOWN && packType[at] != OFS_DELTA && packType[at] != REF_DELTA) {
                type[at] = t;
            }
            for (int k = 0; k < len; k++) {
                type[chain[k]] = t;
            }
        }
    }

    private void linkChildren() {
        for (int i = 0; i < count; i++) {
            if (base[i] >= 0) {
                childStart[base[i] + 1]++;
            }
        }
        for (int i = 0; i < count; i++) {
            childStart[i + 1] += childStart[i];
        }
        int[] fill = Arrays.copyOf(childStart, count);
        for (int i = 0; i < count; i++) {
            if (base[i] >= 0) {
                children[fill[base[i]]++] = i;
            }
        }
    }

    private void countDescendants() {
        // post-order over each delta tree, without recursion (chains can be thousands deep)
        int[] stack = new int[64];
        int[] next = new int[count];
        for (int root = 0; root < count; root++) {
            if (base[root] >= 0) {
                continue;
            }
            int sp = 0;
            stack[sp++] = root;
            next[root] = childStart[root];
            while (sp > 0) {
                int i = stack[sp - 1];
                if (next[i] < childStart[i + 1]) {
                    int c = children[next[i]++];
                    if (sp == stack.length) {
                        stack = Arrays.copyOf(stack, sp * 2);
                    }
                    stack[sp++] = c;
                    next[c] = childStart[c];
                } else {
                    sp--;
                    if (base[i] >= 0) {
                        descendants[base[i]] += descendants[i] + 1;
                    }
                }
            }
        }
    }

    boolean isDelta(int i) {
        return packType[i] == OFS_DELTA || packType[i] == REF_DELTA;
    }
}
