package dev.leakgate.source;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.eclipse.jgit.lib.Constants;

/**
 * The type of every object in a pack, from the object headers alone, so the audit reads only
 * blobs: a whole object's header says its type; a delta's type is its base's, and an offset
 * delta's base lies earlier in the pack, so one pass in offset order resolves whole chains
 * without inflating anything. Anything unclear (a delta by object id, a damaged header) is
 * {@link #UNKNOWN} and the caller reads the object to find out: this only saves work, it never
 * decides what is scanned.
 */
final class PackTypes {
    static final byte UNKNOWN = 0;
    private static final int OBJ_OFS_DELTA = 6;
    private static final int HEADER_MAX = 32;

    private PackTypes() {
    }

    /** Types for {@code offsets}, which must be sorted ascending. */
    static byte[] of(File pack, long[] offsets) {
        byte[] types = new byte[offsets.length];
        try (FileChannel ch = FileChannel.open(pack.toPath(), StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer buf = ByteBuffer.allocate(1 << 20);
            long bufStart = -1;
            int bufLen = 0;
            byte[] h = new byte[HEADER_MAX];
            for (int i = 0; i < offsets.length; i++) {
                long off = offsets[i];
                if (bufStart < 0 || off < bufStart || off + HEADER_MAX > bufStart + bufLen) {
                    buf.clear();
                    bufStart = off;
                    int want = (int) Math.min(buf.capacity(), size - off);
                    bufLen = 0;
                    while (bufLen < want) {
                        int n = ch.read(buf, off + bufLen);
                        if (n < 0) {
                            break;
                        }
                        bufLen += n;
                    }
                }
                int avail = (int) Math.min(HEADER_MAX, bufStart + bufLen - off);
                buf.get((int) (off - bufStart), h, 0, avail);
                types[i] = typeAt(h, avail, off, offsets, types, i);
            }
        } catch (IOException | RuntimeException e) {
            Arrays.fill(types, UNKNOWN); // read everything the slow way rather than guess
        }
        return types;
    }

    private static byte typeAt(byte[] h, int avail, long off, long[] offsets, byte[] types, int upTo) {
        int p = 0;
        if (avail < 2) {
            return UNKNOWN;
        }
        int c = h[p++] & 0xff;
        int type = (c >> 4) & 7;
        while ((c & 0x80) != 0) {
            if (p >= avail) {
                return UNKNOWN;
            }
            c = h[p++] & 0xff;
        }
        if (type >= Constants.OBJ_COMMIT && type <= Constants.OBJ_TAG) {
            return (byte) type;
        }
        if (type != OBJ_OFS_DELTA) {
            return UNKNOWN; // a delta against an object id, or not a valid header
        }
        c = h[p++] & 0xff;
        long rel = c & 0x7f;
        while ((c & 0x80) != 0) {
            if (p >= avail) {
                return UNKNOWN;
            }
            c = h[p++] & 0xff;
            rel = ((rel + 1) << 7) | (c & 0x7f);
        }
        long base = off - rel;
        int at = Arrays.binarySearch(offsets, 0, upTo, base);
        return at < 0 ? UNKNOWN : types[at];
    }
}
