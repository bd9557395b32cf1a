package dev.leakgate.detect;

import java.util.Arrays;

/**
 * Pairs of ints, appended in order: keyword hits (keyword, end) and rows ([start, end)) without a
 * boxed list or an object per pair. Also the automaton's sink for a list of hits.
 */
final class IntPairs implements KeywordAutomaton.HitSink {
    private int[] a;
    private int n;

    IntPairs() {
        this(4);
    }

    IntPairs(int capacity) {
        a = new int[2 * Math.max(1, capacity)];
    }

    void add(int x, int y) {
        if (n + 2 > a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        a[n++] = x;
        a[n++] = y;
    }

    @Override
    public void hit(int keyword, int end) {
        add(keyword, end);
    }

    /** How many pairs. */
    int size() {
        return n / 2;
    }

    /** The pairs in an array of their own length. */
    int[] toArray() {
        return Arrays.copyOf(a, n);
    }

    /** The backing array (its first {@link #size} pairs): no copy, for a list that is done growing. */
    int[] array() {
        return a;
    }

    /** The index of the first pair (of {@code pairs} in {@code a}) whose second int is past {@code offset}: pairs in order of it. */
    static int firstEndingAfter(int[] a, int pairs, int offset) {
        int lo = 0;
        int hi = pairs;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[2 * mid + 1] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
