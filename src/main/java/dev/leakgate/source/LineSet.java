package dev.leakgate.source;

import java.util.Arrays;

/** A set of 1-based line numbers, as sorted disjoint [first, last] ranges (a diff's added lines). */
public final class LineSet {
    private final int[] ranges;

    private LineSet(int[] ranges) {
        this.ranges = ranges;
    }

    public static LineSet of(int[] firstLastPairs) {
        return new LineSet(firstLastPairs.clone());
    }

    public boolean contains(int line) {
        int lo = 0;
        int hi = ranges.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (line < ranges[2 * mid]) {
                hi = mid - 1;
            } else if (line > ranges[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** These lines and up to {@code lines} lines around each range. */
    public LineSet widen(int lines) {
        Builder b = new Builder();
        for (int i = 0; i < ranges.length; i += 2) {
            b.add(Math.max(1, ranges[i] - lines), ranges[i + 1] + lines);
        }
        return b.build();
    }

    public boolean isEmpty() {
        return ranges.length == 0;
    }

    /** Lines in both sets (what a merge adds against every parent). */
    public LineSet intersect(LineSet other) {
        Builder b = new Builder();
        int i = 0;
        int j = 0;
        while (i < ranges.length && j < other.ranges.length) {
            int lo = Math.max(ranges[i], other.ranges[j]);
            int hi = Math.min(ranges[i + 1], other.ranges[j + 1]);
            b.add(lo, hi);
            if (ranges[i + 1] < other.ranges[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < ranges.length; i += 2) {
            s.append(i == 0 ? "" : ", ").append(ranges[i]).append('-').append(ranges[i + 1]);
        }
        return s.append(']').toString();
    }

    /** A builder for ranges added in ascending order. */
    public static final class Builder {
        private int[] r = new int[16];
        private int n;

        public Builder add(int first, int last) {
            if (last < first) {
                return this;
            }
            if (n > 0 && first <= r[n - 1] + 1) {
                r[n - 1] = Math.max(r[n - 1], last);
                return this;
            }
            if (n + 2 > r.length) {
                r = Arrays.copyOf(r, r.length * 2);
            }
            r[n++] = first;
            r[n++] = last;
            return this;
        }

        public LineSet build() {
            return new LineSet(Arrays.copyOf(r, n));
        }
    }
}
