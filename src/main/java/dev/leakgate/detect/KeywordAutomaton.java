package dev.leakgate.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Aho–Corasick over bytes, ASCII case-insensitive, compiled to a full DFA over byte classes, so
 * that one pass costs two array reads per byte whatever the number of keywords. Bytes that occur
 * in no keyword share one class, and a transition is a 16-bit state number in rows of a power-of-two
 * width, which keeps the table small enough to stay in cache (1 MB for the ~1,500 built-in keywords,
 * where 32-bit row offsets took 2 MB and the pass ran at two thirds of the speed).
 */
public final class KeywordAutomaton {
    /** Marks a transition into a state that ends at least one keyword. */
    private static final int OUTPUT = 0x8000;
    private static final int STATE = 0x7fff;

    private final byte[] byteClass = new byte[256];
    private final int classes;
    /** log2 of a row's width: the class count rounded up to a power of two. */
    private final int shift;
    /** Per (state, class): the next state, with {@link #OUTPUT} if it ends a keyword. */
    private final char[] delta;
    /** Per state, the keywords that end there. */
    private final int[][] outputs;
    private final List<String> keywords;
    /** Length of the longest keyword: how far back a keyword ending at an offset can start. */
    private final int longest;

    /** Receives each keyword occurrence: its index in the keyword list and its end offset (exclusive). */
    public interface HitSink {
        void hit(int keyword, int end);
    }

    public KeywordAutomaton(List<String> keywords) {
        this.keywords = List.copyOf(keywords);
        this.longest = keywords.stream().mapToInt(String::length).max().orElse(1);
        int nextClass = 1;
        for (String k : keywords) {
            for (byte b : k.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)) {
                int u = b & 0xff;
                if (byteClass[u] == 0) {
                    byteClass[u] = (byte) nextClass++;
                    if (nextClass > 127) {
                        throw new IllegalArgumentException("too many distinct keyword bytes");
                    }
                }
            }
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            byteClass[c] = byteClass[c + 32];
        }
        classes = nextClass;

        // Trie over byte classes, in flat arrays: this runs at every start-up (a pre-commit check),
        // in a cold JVM where boxed lists and per-state rows cost tens of milliseconds.
        byte[][] lowered = new byte[keywords.size()][];
        int maxStates = 1;
        for (int ki = 0; ki < keywords.size(); ki++) {
            lowered[ki] = keywords.get(ki).toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            if (lowered[ki].length == 0) {
                throw new IllegalArgumentException("empty keyword");
            }
            maxStates += lowered[ki].length;
        }
        int[] trie = new int[maxStates * classes];
        Arrays.fill(trie, -1);
        int[] own = new int[maxStates]; // a keyword ending at the state, or -1
        Arrays.fill(own, -1);
        int[][] ownMore = new int[maxStates][]; // further keywords ending there (duplicates)
        int states = 1;
        for (int ki = 0; ki < lowered.length; ki++) {
            int st = 0;
            for (byte b : lowered[ki]) {
                int at = st * classes + byteClass[b & 0xff];
                if (trie[at] < 0) {
                    trie[at] = states++;
                }
                st = trie[at];
            }
            if (own[st] < 0) {
                own[st] = ki;
            } else {
                ownMore[st] = ownMore[st] == null ? new int[] {ki} : append(ownMore[st], ki);
            }
        }
        int[] fail = new int[states];
        int[][] out = new int[states][];
        int[] next = new int[states * classes];
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        out[0] = outputsOf(own[0], ownMore[0], NONE);
        for (int c = 0; c < classes; c++) {
            int t = trie[c];
            if (t > 0 && c != 0) {
                fail[t] = 0;
                queue[tail++] = t;
                next[c] = t;
            }
        }
        while (head < tail) {
            int st = queue[head++];
            out[st] = outputsOf(own[st], ownMore[st], out[fail[st]]);
            int row = st * classes;
            int failRow = fail[st] * classes;
            for (int c = 0; c < classes; c++) {
                int t = trie[row + c];
                if (t > 0 && c != 0) {
                    fail[t] = next[failRow + c];
                    queue[tail++] = t;
                    next[row + c] = t;
                } else {
                    next[row + c] = next[failRow + c];
                }
            }
        }
        if (states > STATE) {
            throw new IllegalArgumentException("keywords too many for the automaton: " + states + " states, at most " + STATE);
        }
        outputs = out;
        int sh = 0;
        while (1 << sh < classes) {
            sh++;
        }
        shift = sh;
        delta = new char[states << sh];
        for (int st = 0; st < states; st++) {
            for (int c = 0; c < classes; c++) {
                int target = next[st * classes + c];
                delta[(st << sh) + c] = (char) (target | (out[target].length > 0 ? OUTPUT : 0));
            }
        }
    }

    private static final int[] NONE = new int[0];

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    /** A state's keywords: its own, then those of its failure state (no keyword appears twice). */
    private static int[] outputsOf(int first, int[] more, int[] inherited) {
        if (first < 0) {
            return inherited;
        }
        int n = 1 + (more == null ? 0 : more.length);
        int[] o = new int[n + inherited.length];
        o[0] = first;
        if (more != null) {
            System.arraycopy(more, 0, o, 1, more.length);
        }
        System.arraycopy(inherited, 0, o, n, inherited.length);
        return o;
    }

    public List<String> keywords() {
        return keywords;
    }

    /** The length of the longest keyword: a hit touching an offset lies within this many bytes of it. */
    int longest() {
        return longest;
    }

    /**
     * Every keyword occurrence that starts at or after {@code from} and ends by {@code to}: a pass
     * from the root state (from the state after the newline the content is read as starting with,
     * when {@code from} is 0), so none that starts earlier is reported.
     */
    void scanWindow(byte[] bytes, int from, int to, HitSink sink) {
        int state = from == 0 ? d0() : 0;
        if (to - from < SPLIT_MIN) {
            scanRange(bytes, from, to, state, sink);
        } else {
            scanSplit(bytes, from, to, state, sink); // a large window: what a delta inserts whole
        }
    }

    /**
     * One pass over {@code bytes[0..length)}, reporting every keyword occurrence. The content is
     * read as if a newline preceded it, so a keyword that includes its leading delimiter
     * ({@code "\nsk-"}) also finds a token at the very first byte.
     */
    public void scan(byte[] bytes, int length, HitSink sink) {
        if (length < SPLIT_MIN) {
            scanRange(bytes, 0, length, d0(), sink);
            return;
        }
        scanSplit(bytes, 0, length, d0(), sink);
    }

    /** Below this length one pass is as fast: the split only pays off when both halves are long. */
    private static final int SPLIT_MIN = 4096;

    /** The state after the newline the content is read as starting with. */
    private int d0() {
        return delta[byteClass['\n']] & STATE;
    }

    private void scanRange(byte[] bytes, int from, int to, int state, HitSink sink) {
        final char[] d = delta;
        final byte[] cls = byteClass;
        final int sh = shift;
        for (int i = from; i < to; i++) {
            int t = d[(state << sh) + cls[bytes[i] & 0xff]];
            state = t & STATE;
            if (t >= OUTPUT) {
                for (int kw : outputs[state]) {
                    sink.hit(kw, i + 1);
                }
            }
        }
    }

    /**
     * Two halves walked in one loop. Each byte's table lookup depends on the previous one, so a
     * single walk is bound by memory latency; two independent walks overlap their lookups and
     * run close to twice as fast. The second half starts {@code longest - 1} bytes early, from the
     * root state, so it sees every keyword ending in it; its hits that end in the first half are
     * dropped (the first walk reports them), and its hits are handed over after the first half's
     * so the sink still sees offsets in ascending order.
     */
    private void scanSplit(byte[] bytes, int from, int length, int firstState, HitSink sink) {
        final char[] d = delta;
        final byte[] cls = byteClass;
        final int sh = shift;
        int mid = from + (length - from) / 2;
        int start2 = Math.max(from, mid - (longest - 1));
        int n1 = mid - from;
        int n2 = length - start2;
        int[] later = new int[32];
        int nLater = 0;
        int state1 = firstState;
        int state2 = 0;
        int common = Math.min(n1, n2);
        for (int k = 0; k < common; k++) {
            int i = from + k;
            int t1 = d[(state1 << sh) + cls[bytes[i] & 0xff]];
            int j = start2 + k;
            int t2 = d[(state2 << sh) + cls[bytes[j] & 0xff]];
            state1 = t1 & STATE;
            state2 = t2 & STATE;
            if (((t1 | t2) & OUTPUT) != 0) {
                if (t1 >= OUTPUT) {
                    for (int kw : outputs[state1]) {
                        sink.hit(kw, i + 1);
                    }
                }
                if (t2 >= OUTPUT && j + 1 > mid) {
                    for (int kw : outputs[state2]) {
                        if (nLater + 2 > later.length) {
                            later = java.util.Arrays.copyOf(later, later.length * 2);
                        }
                        later[nLater++] = kw;
                        later[nLater++] = j + 1;
                    }
                }
            }
        }
        scanRange(bytes, from + common, mid, state1, sink);
        for (int k = 0; k < nLater; k += 2) {
            sink.hit(later[k], later[k + 1]);
        }
        scanRange(bytes, start2 + common, length, state2, sink);
    }
}
