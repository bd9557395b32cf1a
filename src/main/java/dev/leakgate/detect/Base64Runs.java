package dev.leakgate.detect;

/**
 * Finds base64 runs worth decoding, in one linear pass over the content: secrets are often
 * stored base64-encoded (Kubernetes Secret data, CI variables, docker config, env dumps), and no
 * rule pattern sees through that. A run is decoded once; its text is scanned by the caller and
 * never decoded again, so nesting cannot multiply work.
 *
 * <p>Costs are bounded: runs shorter than {@link #MIN_RUN} characters, runs that are hex or lack
 * mixed case (hashes, identifiers) are skipped without decoding, and once {@link #MAX_DECODED}
 * bytes have been decoded for one content the rest is not looked at.
 */
public final class Base64Runs {
    /** 32 characters = 24 bytes: enough for "user:password" pairs and the shortest tokens. */
    public static final int MIN_RUN = 32;
    /** Decoded bytes per content, whatever its size. */
    public static final int MAX_DECODED = 1 << 20;
    /** Share of printable bytes that makes decoded bytes "text". */
    public static final double MIN_PRINTABLE = 0.95;
    /** A run this long and a multiple of 4, at the end of its line, may continue on the next (wrapped base64). */
    private static final int MIN_WRAPPED_LINE = 60;

    /** Receives each run that decoded to text: its offsets in the content and the decoded bytes. */
    public interface Sink {
        void run(int start, int end, byte[] decoded);
    }

    private Base64Runs() {
    }

    /**
     * Hands each run that decodes to text to the sink. Returns the rows the walk met: every maximal
     * row of {@link #MIN_RUN} base64 characters or more (what each run worth decoding starts
     * with), as [start, end) pairs in order; null when the decoding budget ran out first. A content
     * that repeats this one gets its rows from these ({@link #rowsAround} for what is new) and its
     * runs from {@link #forEachDecodedInRows}, with no walk.
     */
    public static int[] forEachDecoded(byte[] b, int length, Sink sink) {
        return forEachDecoded(b, length, sink, true);
    }

    /** {@code rememberWalk} false: every probe walks back from scratch (the slow obvious walk, for tests). */
    static int[] forEachDecoded(byte[] b, int length, Sink sink, boolean rememberWalk) {
        Walk w = new Walk(b, length, sink);
        int i = 0;
        int known = -1; // b[i .. known] are base64 characters, when known >= i: walked back over before
        while (i < length && w.budget > 0) {
            // A run worth decoding has a first line of MIN_RUN characters or more, so probe the last
            // character such a run starting here would need: a non-base64 byte there rules out every
            // start up to it. Otherwise walk back to where the probed run starts; if that is past
            // here, probe again from there. Ordinary text (short words) thus costs a lookup per
            // MIN_RUN bytes plus the probed word, and only a run of MIN_RUN is ever walked forward.
            int probe = i + MIN_RUN - 1;
            if (probe >= length) {
                break;
            }
            if (CLASS[b[probe] & 0xff] < 0) {
                i = probe + 1;
                continue;
            }
            // Walk back only to the bytes an earlier walk found to be base64: reaching them joins
            // this run to theirs, back to i. Each byte is walked over once, not once per probe.
            int floor = rememberWalk ? Math.max(i, known + 1) : i;
            int runStart = probe;
            while (runStart > floor && CLASS[b[runStart - 1] & 0xff] >= 0) {
                runStart--;
            }
            if (runStart == floor) {
                runStart = i;
            }
            if (runStart > i) {
                i = runStart;
                known = probe;
                continue;
            }
            // b[i .. probe] are base64 characters, MIN_RUN of them: i starts a row (or is one past
            // the start, after a \n escape, and the row was noted then)
            if (i == 0 || CLASS[b[i - 1] & 0xff] < 0) {
                int end = probe + 1;
                while (end < length && CLASS[b[end] & 0xff] >= 0) {
                    end++;
                }
                w.rows.add(i, end);
            }
            i = w.runAt(i);
        }
        return w.budget > 0 ? w.rows.toArray() : null;
    }

    /**
     * What {@link #forEachDecoded} hands the sink, from the content's rows of {@link #MIN_RUN}
     * base64 characters or more ([start, end) pairs in order, all of them): each run worth decoding
     * starts at a row's start (or one past it, after a \n escape), so nothing between rows is read.
     */
    static void forEachDecodedInRows(byte[] b, int length, int[] rows, Sink sink) {
        Walk w = new Walk(b, length, sink);
        int i = 0;
        for (int r = 0; r < rows.length && w.budget > 0; r += 2) {
            if (rows[r] < i) {
                continue; // taken in by the last run (a wrapped one goes on over the next lines)
            }
            i = rows[r];
            while (rows[r + 1] - i >= MIN_RUN && w.budget > 0) {
                int next = w.runAt(i);
                boolean escape = next == i + 1; // the letter of an escape: the walk probes again from past it
                i = next;
                if (!escape) {
                    break;
                }
            }
        }
    }

    /**
     * Adds to {@code out} the rows of {@link #MIN_RUN} base64 characters or more that hold a byte of
     * [from, to), or that touch {@code from} (to == from: the seam there), as [start, end) pairs:
     * walked from the row's start before {@code from} to the end of the row past {@code to}.
     */
    static void rowsAround(byte[] b, int length, int from, int to, IntPairs out) {
        int i = from;
        while (i > 0 && CLASS[b[i - 1] & 0xff] >= 0) {
            i--;
        }
        // Rows found past what was asked are rows all the same: the caller keeps each row once. So a
        // row is skipped by a probe as in forEachDecoded: a non-base64 byte MIN_RUN - 1 past a row's
        // start rules out every row starting up to it.
        while (i < length) {
            if (CLASS[b[i] & 0xff] < 0) {
                if (i >= to) {
                    return;
                }
                i++;
                continue;
            }
            int probe = i + MIN_RUN - 1;
            if (probe >= length) {
                return; // no row of MIN_RUN starts here or later
            }
            if (CLASS[b[probe] & 0xff] < 0) {
                i = probe;
                continue;
            }
            int s = i;
            while (i < length && CLASS[b[i] & 0xff] >= 0) {
                i++;
            }
            if (i - s >= MIN_RUN) {
                out.add(s, i);
            }
        }
    }

    /** One content's walk: its decoding budget, the rows met, and the run taken from a start. */
    private static final class Walk {
        final byte[] b;
        final int length;
        final Sink sink;
        int budget = MAX_DECODED;
        int[] segs = new int[16];
        final IntPairs rows = new IntPairs();

        Walk(byte[] b, int length, Sink sink) {
            this.b = b;
            this.length = length;
            this.sink = sink;
        }

        /**
         * The run from {@code i}, where MIN_RUN base64 characters start: decoded and handed over if
         * it is text; returns where the walk goes on (i + 1 past the letter of a \n escape).
         */
        int runAt(int i) {
            int c = b[i] & 0xff;
            if (i > 0 && b[i - 1] == '\\' && (c == 'n' || c == 'r' || c == 't')) {
                return i + 1; // the letter of a \n escape (JSON strings) is not part of the run
            }
            int start = i;
            int end;
            int nseg = 0;
            int total = 0;
            int seen = 0; // bit 1: upper case, 2: lower case, 4: not a hex digit
            while (true) {
                int s = i;
                while (i < length) {
                    int k = CLASS[b[i] & 0xff];
                    if (k < 0) {
                        break;
                    }
                    seen |= k;
                    i++;
                }
                int e = i;
                while (i < length && b[i] == '=' && i - e < 2) {
                    i++;
                }
                end = i;
                if (nseg * 2 + 2 > segs.length) {
                    segs = java.util.Arrays.copyOf(segs, segs.length * 2);
                }
                segs[nseg * 2] = s;
                segs[nseg * 2 + 1] = e;
                nseg++;
                total += e - s;
                if (nseg > 1 && e - s >= MIN_RUN) {
                    rows.add(s, e); // a wrapped run's next line: a row the walk will not probe
                }
                int next = wrappedContinuation(b, length, s, e, i);
                if (next < 0) {
                    break;
                }
                i = next;
            }
            if (total < MIN_RUN || seen != 7 || !printablePrefix(b, segs[0], segs[1])) {
                return i;
            }
            budget -= total * 3 / 4;
            byte[] decoded = decode(b, segs, nseg, total);
            if (decoded != null && Base64Text.printableShare(decoded, decoded.length) >= MIN_PRINTABLE) {
                sink.run(start, end, decoded);
            }
            return i;
        }
    }

    /** Character classes for the run pass: -1 not base64, else bits 1 upper case, 2 lower case, 4 not a hex digit. */
    private static final byte[] CLASS = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            if (!Base64Text.isBase64Char(c)) {
                CLASS[c] = -1;
                continue;
            }
            int k = 0;
            if (c >= 'A' && c <= 'Z') {
                k |= 1;
            } else if (c >= 'a' && c <= 'z') {
                k |= 2;
            }
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                k |= 4;
            }
            CLASS[c] = (byte) k;
        }
    }

    /**
     * Base64 of binary (digests, DER, ciphertext: most long runs) shows in its first bytes;
     * checking the first 24 spares decoding the rest. A first segment shorter than that (a
     * run of short wrapped lines cannot occur: continuation needs a long line) is let through.
     */
    private static boolean printablePrefix(byte[] b, int s, int e) {
        if (e - s < MIN_RUN) {
            return true;
        }
        byte[] head = Base64Text.decode(new ByteText(b).slice(s, s + MIN_RUN));
        return head != null && Base64Text.printableShare(head, head.length) >= MIN_PRINTABLE;
    }

    private static byte[] decode(byte[] b, int[] segs, int nseg, int total) {
        StringBuilder sb = new StringBuilder(total);
        for (int k = 0; k < nseg; k++) {
            for (int j = segs[k * 2]; j < segs[k * 2 + 1]; j++) {
                sb.append((char) (b[j] & 0xff));
            }
        }
        return Base64Text.decode(sb);
    }

    /**
     * Where a wrapped run continues (the first base64 char of the next line), or -1: the line
     * must be long, a multiple of 4, unpadded, end right at the newline, and the next line
     * (after indentation) must start another run.
     */
    private static int wrappedContinuation(byte[] b, int length, int s, int e, int i) {
        if (e != i || e - s < MIN_WRAPPED_LINE || (e - s) % 4 != 0) {
            return -1;
        }
        int j = i;
        if (j < length && b[j] == '\r') {
            j++;
        }
        if (j >= length || b[j] != '\n') {
            return -1;
        }
        j++;
        while (j < length && (b[j] == ' ' || b[j] == '\t')) {
            j++;
        }
        return j < length && Base64Text.isBase64Char(b[j] & 0xff) ? j : -1;
    }
}
