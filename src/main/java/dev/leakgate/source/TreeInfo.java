package dev.leakgate.source;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What the history audit keeps of one tree: its subtrees (name, tree), the names of its files
 * (numbers, shared between the versions of a folder that hold the same files), and the few
 * entries that need a path: blobs with matches, blobs no pack held, submodules. Everything else
 * (millions of entries over a history) is read once and dropped.
 */
final class TreeInfo {
    static final byte INTERESTING = 1;
    static final byte UNSEEN = 2;
    static final byte GITLINK = 3;
    private static final int[] NONE = new int[0];

    int[] subNames = NONE;
    /** Table index of each subtree, or -1 when no pack holds it (its id is then in {@link #subExtra}). */
    int[] subTrees = NONE;
    ObjectId[] subExtra;
    /** Names of the blob entries (files and symlinks) in order, shared between equal lists. */
    int[] blobNames = NONE;
    int[] specialNames = NONE;
    byte[] specialKinds;
    /** Per special entry: table index of an interesting blob, else -1. */
    int[] specialObjects;
    /** Per special entry: the id of a blob no pack held, else null. */
    ObjectId[] specialExtra;

    /** Equal name lists, shared: consecutive versions of a folder mostly hold the same files. */
    static final class Lists {
        private final Map<Key, int[]> lists = new ConcurrentHashMap<>();

        int[] intern(int[] list, int n) {
            if (n == 0) {
                return NONE;
            }
            return lists.computeIfAbsent(new Key(Arrays.copyOf(list, n)), Key::list);
        }

        private record Key(int[] list) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && Arrays.equals(list, k.list);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(list);
            }
        }
    }

    /** Whether a blob is one with matches, and whether a pack held it at all. */
    interface Blobs {
        /** 1: read, with matches; 0: read, none; -1: not read (not in a pack). */
        int state(int index);
    }

    private static final byte BLOB = 0;
    private static final byte TREE = 4;

    /** Every entry of one tree, while its deltas may still need it: the compact form keeps less. */
    private static final class Full {
        int n;
        int[] start;
        int[] name;
        byte[] kind;
        int[] obj;
        ObjectId[] extra;

        Full(int capacity) {
            start = new int[capacity + 1];
            name = new int[capacity];
            kind = new byte[capacity];
            obj = new int[capacity];
        }

        void ensure(int k) {
            if (k >= name.length) {
                int cap = Math.max(16, name.length * 2);
                start = Arrays.copyOf(start, cap + 1);
                name = Arrays.copyOf(name, cap);
                kind = Arrays.copyOf(kind, cap);
                obj = Arrays.copyOf(obj, cap);
                if (extra != null) {
                    extra = Arrays.copyOf(extra, cap);
                }
            }
        }

        void extra(int k, ObjectId id) {
            if (extra == null) {
                extra = new ObjectId[name.length];
            }
            extra[k] = id;
        }
    }

    /**
     * Parses trees on one thread. A tree read as a delta is mostly its base's bytes: the entries
     * before the first byte that differs, and after the last, are the base's entries, taken from
     * the base's parse (kept while its deltas are read) instead of parsed and looked up again.
     */
    static final class Parser {
        private final ObjectTable table;
        private final NameTable.Local names;
        private final Lists lists;
        private final Blobs blobs;
        /** Recent parses by content identity: a delta's base is one of them while its deltas are read. */
        private final Map<byte[], Full> recent = new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<byte[], Full> eldest) {
                return size() > 512;
            }
        };
        private int[] scratch = new int[256];

        Parser(ObjectTable table, NameTable.Local names, Lists lists, Blobs blobs) {
            this.table = table;
            this.names = names;
            this.lists = lists;
            this.blobs = blobs;
        }

        /** @param base the raw tree {@code raw} is a delta of, or null */
        TreeInfo parse(byte[] raw, byte[] base) throws CorruptObjectException {
            Full b = base == null ? null : recent.get(base);
            Full f = new Full(b != null ? b.n + 4 : raw.length / 24 + 4);
            int p = 0;
            int k = 0;
            int j = 0; // the base's entry that lines up with p, as far as names tell
            while (p < raw.length) {
                if (b != null && j < b.n) {
                    // a run of bytes equal to the base's from one of its entry starts holds the base's entries
                    int m = Arrays.mismatch(raw, p, raw.length, base, b.start[j], base.length);
                    int same = m < 0 ? raw.length - p : m;
                    int last = lastEntryWithin(b, j, b.start[j] + same);
                    if (last > j) {
                        copy(b, j, last, f, k, p - b.start[j]);
                        k += last - j;
                        p += b.start[last] - b.start[j];
                        j = last;
                        continue;
                    }
                }
                f.ensure(k);
                f.start[k] = p;
                int next = entry(raw, p, f, k++);
                if (b != null) {
                    // skip the base's entries this one replaces or comes after (removed from the base)
                    while (j < b.n && compareNames(base, b.start[j], raw, p) <= 0) {
                        j++;
                    }
                }
                p = next;
            }
            f.n = k;
            f.start[k] = raw.length;
            recent.put(raw, f);
            return compact(f);
        }

        /** The index of the first base entry at or after j that does not end within {@code limit}. */
        private static int lastEntryWithin(Full b, int j, int limit) {
            int lo = j;
            int hi = b.n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (b.start[mid + 1] <= limit) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Compares the names of the entries at {@code a} in x and {@code b} in y, byte by byte. */
        private static int compareNames(byte[] x, int a, byte[] y, int b) {
            while (x[a] != ' ') {
                a++;
            }
            while (y[b] != ' ') {
                b++;
            }
            a++;
            b++;
            while (true) {
                int cx = x[a] & 0xff;
                int cy = y[b] & 0xff;
                if (cx != cy || cx == 0) {
                    return cx - cy;
                }
                a++;
                b++;
            }
        }

        private static void copy(Full from, int a, int b, Full to, int at, int shift) {
            int n = b - a;
            for (int i = 0; i < n; i++) {
                to.ensure(at + i);
            }
            for (int i = 0; i < n; i++) {
                to.start[at + i] = from.start[a + i] + shift;
            }
            System.arraycopy(from.name, a, to.name, at, n);
            System.arraycopy(from.kind, a, to.kind, at, n);
            System.arraycopy(from.obj, a, to.obj, at, n);
            if (from.extra != null) {
                for (int i = 0; i < n; i++) {
                    if (from.extra[a + i] != null) {
                        to.extra(at + i, from.extra[a + i]);
                    }
                }
            }
        }

        /** Parses the entry at p into slot k; returns where the next starts. */
        private int entry(byte[] raw, int p, Full f, int k) throws CorruptObjectException {
            int end = raw.length;
            int mode = 0;
            int c;
            while (p < end && (c = raw[p]) != ' ') {
                if (c < '0' || c > '7') {
                    throw new CorruptObjectException("bad mode in tree entry");
                }
                mode = (mode << 3) | (c - '0');
                p++;
            }
            int nameStart = ++p;
            while (p < end && raw[p] != 0) {
                p++;
            }
            int nameEnd = p++;
            int idAt = p;
            p += 20;
            if (p > end || nameEnd == nameStart) {
                throw new CorruptObjectException("truncated tree entry");
            }
            f.name[k] = names.id(raw, nameStart, nameEnd);
            switch (mode & 0170000) {
                case 0040000 -> {
                    f.kind[k] = TREE;
                    f.obj[k] = table.find(raw, idAt);
                    if (f.obj[k] < 0) {
                        f.extra(k, ObjectId.fromRaw(raw, idAt));
                    }
                }
                case 0160000 -> {
                    f.kind[k] = GITLINK;
                    f.obj[k] = -1;
                }
                case 0100000, 0120000 -> {
                    int blob = table.find(raw, idAt);
                    int state = blob < 0 ? -1 : blobs.state(blob);
                    f.obj[k] = blob;
                    f.kind[k] = state > 0 ? INTERESTING : state < 0 ? UNSEEN : BLOB;
                    if (state < 0) {
                        f.extra(k, ObjectId.fromRaw(raw, idAt));
                    }
                }
                default -> throw new CorruptObjectException("bad mode " + Integer.toOctalString(mode) + " in tree entry");
            }
            return p;
        }

        private TreeInfo compact(Full f) {
            TreeInfo t = new TreeInfo();
            int nSubs = 0;
            int nBlobs = 0;
            int nSpecial = 0;
            if (scratch.length < f.n) {
                scratch = new int[f.n];
            }
            for (int k = 0; k < f.n; k++) {
                byte kind = f.kind[k];
                if (kind == TREE) {
                    nSubs++;
                } else if (kind != GITLINK) {
                    scratch[nBlobs++] = f.name[k];
                }
                if (kind == INTERESTING || kind == UNSEEN || kind == GITLINK) {
                    nSpecial++;
                }
            }
            t.blobNames = lists.intern(scratch, nBlobs);
            if (nSubs > 0) {
                t.subNames = new int[nSubs];
                t.subTrees = new int[nSubs];
                int s = 0;
                for (int k = 0; k < f.n; k++) {
                    if (f.kind[k] == TREE) {
                        t.subNames[s] = f.name[k];
                        t.subTrees[s] = f.obj[k];
                        if (f.obj[k] < 0) {
                            t.subExtra = grow(t.subExtra, nSubs);
                            t.subExtra[s] = f.extra[k];
                        }
                        s++;
                    }
                }
            }
            if (nSpecial > 0) {
                t.specialNames = new int[nSpecial];
                t.specialKinds = new byte[nSpecial];
                t.specialObjects = new int[nSpecial];
                t.specialExtra = new ObjectId[nSpecial];
                int s = 0;
                for (int k = 0; k < f.n; k++) {
                    byte kind = f.kind[k];
                    if (kind == INTERESTING || kind == UNSEEN || kind == GITLINK) {
                        t.specialNames[s] = f.name[k];
                        t.specialKinds[s] = kind;
                        t.specialObjects[s] = kind == INTERESTING ? f.obj[k] : -1;
                        t.specialExtra[s++] = kind == UNSEEN ? f.extra[k] : null;
                    }
                }
            }
            return t;
        }
    }

    private static ObjectId[] grow(ObjectId[] a, int n) {
        if (a == null) {
            return new ObjectId[Math.max(8, n)];
        }
        return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, a.length * 2));
    }

    int specialCount() {
        return specialNames.length;
    }
}
