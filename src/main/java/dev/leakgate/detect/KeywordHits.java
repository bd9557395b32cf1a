package dev.leakgate.detect;

import java.util.Arrays;

/**
 * Every keyword occurrence in one content, in the order the automaton reports them: by end offset,
 * and at one end longest keyword first. A content that repeats most of an earlier one (the next
 * version of a file, which git stores as a delta on the last) gets its hits from the earlier
 * content's hits and a pass over only the bytes around what changed ({@link #derive}): the
 * automaton pass is most of what a scan costs per byte, and a history is mostly repeated bytes.
 */
public final class KeywordHits {
    /** Pairs: keyword index, end offset (exclusive); the start is the end less the keyword's length. */
    private final int[] pairs;
    private final int size;
    /** The length of the content these are the hits of. */
    private final int length;
    /**
     * The content's rows of {@link Base64Runs#MIN_RUN} base64 characters or more, [start, end)
     * pairs in order, where every base64 run worth decoding starts; null when not known. Learnt by
     * the scan of the content, or carried over from the earlier content by {@link #derive}.
     */
    private volatile int[] base64Rows;

    private KeywordHits(int[] pairs, int size, int length) {
        this.pairs = pairs;
        this.size = size;
        this.length = length;
    }

    /** How many occurrences. */
    public int size() {
        return size;
    }

    int[] base64Rows() {
        return base64Rows;
    }

    void base64Rows(int[] rows) {
        base64Rows = rows;
    }

    int keyword(int i) {
        return pairs[2 * i];
    }

    int end(int i) {
        return pairs[2 * i + 1];
    }

    /** The automaton's hits over the whole content. */
    static KeywordHits scan(KeywordAutomaton automaton, byte[] content, int length) {
        IntPairs hits = new IntPairs(16);
        automaton.scan(content, length, hits);
        return of(hits, length);
    }

    private static KeywordHits of(IntPairs hits, int length) {
        return new KeywordHits(hits.array(), hits.size(), length);
    }

    /**
     * The hits of {@code content}, which repeats ranges of the content that {@code earlier} holds
     * the hits of: {@code copies} holds (offset here, offset there, length) triples, in rising
     * order of offset here and not overlapping; the bytes between them are new. A keyword inside
     * one copied range is a hit there, moved; every other hit holds a new byte or spans the seam
     * between two ranges (or holds the newline read before the content, where the content does
     * not start as the earlier one did), so it lies within {@code longest - 1} bytes of a new byte
     * or seam: only those windows are read. The result equals {@link #scan} of the content.
     */
    static KeywordHits derive(KeywordAutomaton automaton, int[] keywordLength, KeywordHits earlier, int[] copies,
            byte[] content, int length) {
        int reach = automaton.longest() - 1;
        IntPairs moved = new IntPairs(Math.max(16, earlier.size));
        int n = copies.length / 3;
        for (int c = 0; c < n; c++) {
            int to = copies[3 * c];
            int from = copies[3 * c + 1];
            int len = copies[3 * c + 2];
            int shift = to - from;
            for (int i = IntPairs.firstEndingAfter(earlier.pairs, earlier.size, from); i < earlier.size; i++) {
                int end = earlier.end(i);
                if (end > from + len) {
                    break;
                }
                int kw = earlier.keyword(i);
                int start = end - keywordLength[kw];
                if (start >= from || start == -1 && from == 0 && to == 0) {
                    moved.add(kw, end + shift);
                }
            }
        }
        // Windows around every new byte and seam, merged; a pass over each finds the hits that no
        // single copied range holds.
        IntPairs fresh = new IntPairs(16);
        int winFrom = -1;
        int winTo = -1;
        int at = 0; // where the range after the last copy starts
        for (int c = 0; c <= n; c++) {
            int to = c < n ? copies[3 * c] : length;
            // new bytes [at, to): a window around them; then the seam at `to` (a copy starts there)
            int lo;
            int hi;
            if (to > at) {
                lo = at - reach;
                hi = to + reach;
            } else if (c < n && (to > 0 || copies[3 * c + 1] != 0)) {
                lo = to - reach; // two copies meet at `to`, or the first copy is not the earlier content's start
                hi = to + reach;
            } else {
                lo = hi = -1;
            }
            if (lo != -1 || hi != -1) {
                lo = Math.max(0, lo);
                hi = Math.min(length, hi);
                if (winTo >= 0 && lo <= winTo) {
                    winTo = Math.max(winTo, hi);
                } else {
                    if (winTo >= 0) {
                        window(automaton, keywordLength, copies, content, winFrom, winTo, fresh);
                    }
                    winFrom = lo;
                    winTo = hi;
                }
            }
            if (c < n) {
                at = to + copies[3 * c + 2];
            }
        }
        if (winTo >= 0) {
            window(automaton, keywordLength, copies, content, winFrom, winTo, fresh);
        }
        KeywordHits hits = merge(of(moved, length), of(fresh, length), keywordLength, length);
        int[] rows = earlier.base64Rows;
        hits.base64Rows = rows == null ? null : base64Rows(rows, earlier.length, copies, content, length);
        return hits;
    }

    /**
     * The content's rows of base64 characters worth a look, from the earlier content's: a row in one
     * copied range whose bytes before and after are copied with it is a row there, moved; every
     * other row holds a new byte or touches a seam (or the content's start or end, where the
     * earlier content had more), and a walk around each of those finds it.
     */
    private static int[] base64Rows(int[] earlier, int earlierLength, int[] copies, byte[] content, int length) {
        IntPairs moved = new IntPairs();
        int n = copies.length / 3;
        for (int c = 0; c < n; c++) {
            int to = copies[3 * c];
            int from = copies[3 * c + 1];
            int len = copies[3 * c + 2];
            for (int r = 2 * IntPairs.firstEndingAfter(earlier, earlier.length / 2, from); r < earlier.length; r += 2) {
                int rs = earlier[r];
                int re = earlier[r + 1];
                if (re > from + len) {
                    break;
                }
                boolean startKept = rs > from || rs == 0 && to == 0;
                boolean endKept = re < from + len || re == earlierLength && to + len == length;
                if (rs >= from && startKept && endKept) {
                    moved.add(rs - from + to, re - from + to);
                }
            }
        }
        IntPairs around = new IntPairs();
        int at = 0;
        for (int c = 0; c <= n; c++) {
            // new bytes [at, to), or where nothing is new the seam at `to`: between two copies, or the
            // content's start before the first and its end after the last
            int to = c < n ? copies[3 * c] : length;
            Base64Runs.rowsAround(content, length, at, to, around);
            if (c < n) {
                at = to + copies[3 * c + 2];
            }
        }
        return mergeRows(moved.toArray(), around.toArray());
    }

    /** Two lists of rows in order, as one, each row once (a row is known by its start). */
    private static int[] mergeRows(int[] a, int[] b) {
        IntPairs out = new IntPairs();
        int i = 0;
        int j = 0;
        int last = -1;
        while (i < a.length || j < b.length) {
            boolean takeA = j >= b.length || i < a.length && a[i] <= b[j];
            int s = takeA ? a[i] : b[j];
            int e = takeA ? a[i + 1] : b[j + 1];
            if (takeA) {
                i += 2;
            } else {
                j += 2;
            }
            if (s != last) {
                out.add(s, e);
                last = s;
            }
        }
        return out.toArray();
    }

    /** The hits of one window that no single copied range holds. */
    private static void window(KeywordAutomaton automaton, int[] keywordLength, int[] copies, byte[] content,
            int from, int to, IntPairs out) {
        automaton.scanWindow(content, from, to, (kw, end) -> {
            if (!insideCopy(copies, end - keywordLength[kw], end)) {
                out.add(kw, end);
            }
        });
    }

    /** Whether [start, end) lies in one copied range (start -1: the newline before the content, copied only with the earlier content's start). */
    private static boolean insideCopy(int[] copies, int start, int end) {
        int n = copies.length / 3;
        if (start < 0) {
            return n > 0 && copies[0] == 0 && copies[1] == 0 && end <= copies[2];
        }
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) { // the last copy starting at or before `start`
            int mid = (lo + hi) >>> 1;
            if (copies[3 * mid] <= start) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi >= 0 && end <= copies[3 * hi] + copies[3 * hi + 2];
    }

    /** Both lists in the automaton's order: by end, then longest keyword first, then keyword index. */
    private static KeywordHits merge(KeywordHits a, KeywordHits b, int[] keywordLength, int length) {
        // Copies arrive in the order of their offsets here, so the moved hits are in order already
        // unless two copied ranges' hits interleave, which they cannot: the ranges do not overlap.
        // Within one end, moved and fresh hits can meet (a long fresh keyword ending where a short
        // moved one ends): hence the comparison, not a concatenation.
        IntPairs out = new IntPairs(a.size + b.size + 1);
        int i = 0;
        int j = 0;
        while (i < a.size || j < b.size) {
            boolean takeA;
            if (i == a.size) {
                takeA = false;
            } else if (j == b.size) {
                takeA = true;
            } else {
                takeA = before(a.keyword(i), a.end(i), b.keyword(j), b.end(j), keywordLength);
            }
            if (takeA) {
                out.add(a.keyword(i), a.end(i));
                i++;
            } else {
                out.add(b.keyword(j), b.end(j));
                j++;
            }
        }
        return of(out, length);
    }

    private static boolean before(int kwA, int endA, int kwB, int endB, int[] keywordLength) {
        if (endA != endB) {
            return endA < endB;
        }
        if (keywordLength[kwA] != keywordLength[kwB]) {
            return keywordLength[kwA] > keywordLength[kwB];
        }
        return kwA < kwB;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeywordHits h && h.size == size
                && Arrays.equals(pairs, 0, 2 * size, h.pairs, 0, 2 * h.size);
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < 2 * size; i++) {
            h = 31 * h + pairs[i];
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("KeywordHits[");
        for (int i = 0; i < size; i++) {
            sb.append(i == 0 ? "" : ", ").append(keyword(i)).append('@').append(end(i));
        }
        return sb.append(']').toString();
    }
}
