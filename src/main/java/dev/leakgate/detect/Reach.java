package dev.leakgate.detect;

import com.google.re2j.ParsedRegex;
import com.google.re2j.ParsedRegex.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How far a rule's matches can reach, read from the shape of its regex and the bytes at hand. The
 * detector runs a rule's regex only on slices of the content; a slice gives exactly the matches of
 * a search over the whole content only if it holds every byte those matches, and every thread the
 * regex engine runs for them, can touch. This class bounds that, per position:
 *
 * <ul>
 *   <li>{@link #forward}: no thread started at or before {@code pos} consumes a byte at or past the
 *       returned offset;</li>
 *   <li>{@link #backward}: no match that ends at or after {@code pos} starts before the returned
 *       offset.</li>
 * </ul>
 *
 * <p>Each piece of the pattern bounds itself by its width where that is finite ({@code [a-f0-9]{32}}:
 * 32 bytes) and by the run of bytes it can consume around the position where it is not
 * ({@code [^\s"']+}: up to the next blank or quote, {@code [^\n]*}: the line); a sequence chains
 * its pieces, an alternation takes the widest branch. Bounds are never short (every byte a thread
 * consumes is one its piece accepts), and only as long as the text makes them: a rule with
 * {@code \s*} or {@code [^"]+} reaches far only where the text has long runs of such bytes.
 */
final class Reach {
    /** A repeat of a non-fixed piece up to this many times is chained piece by piece, beyond it bounded by its bytes. */
    private static final int CHAIN_LIMIT = 64;

    private final Step root;
    /** Number of unbounded runs in the pattern: the slots of a {@link Cursor}'s memo. */
    private final int runs;

    private Reach(Step root, int runs) {
        this.root = root;
        this.runs = runs;
    }

    static Reach of(String pattern) {
        return of(ParsedRegex.parse(pattern));
    }

    static Reach of(Node pattern) {
        Builder b = new Builder();
        Step root = b.step(pattern);
        return new Reach(root, b.runs);
    }

    /** A cursor over one text: reach queries on it remember the runs they walked. */
    Cursor cursor(ByteText text) {
        return new Cursor(text, runs);
    }

    /** Past the last offset any thread started at or before {@code pos} can consume: the slice must extend to it. */
    int forward(Cursor c, int pos) {
        return root.forward(c, pos);
    }

    /** The earliest offset a match ending at or after {@code pos} can start at. */
    int backward(Cursor c, int pos) {
        return root.backward(c, pos);
    }

    /**
     * The text and, per unbounded run of the pattern, the last maximal run found each way: queries
     * come at rising offsets, so on a megabyte line with many keywords each run is walked once.
     */
    static final class Cursor {
        final byte[] bytes;
        final int length;
        /** Per run slot: [forward query from, run end, backward run start, query to]. */
        private final int[] memo;

        private Cursor(ByteText text, int runs) {
            this.bytes = text.bytes();
            this.length = text.length();
            this.memo = new int[runs * 4];
            for (int i = 0; i < memo.length; i += 4) {
                memo[i] = memo[i + 1] = -1;
                memo[i + 2] = memo[i + 3] = -1;
            }
        }

        /** The first offset at or after {@code pos} whose byte is not in {@code set}. */
        int runEnd(int slot, boolean[] set, int pos) {
            int m = slot * 4;
            if (pos >= memo[m] && pos <= memo[m + 1]) {
                return memo[m + 1];
            }
            int i = pos;
            while (i < length && set[bytes[i] & 0xff]) {
                i++;
            }
            memo[m] = pos;
            memo[m + 1] = i;
            return i;
        }

        /** The offset after the last byte before {@code pos} that is not in {@code set}. */
        int runStart(int slot, boolean[] set, int pos) {
            int m = slot * 4;
            int known = memo[m + 2];
            int to = memo[m + 3];
            if (pos >= known && pos <= to && known >= 0) {
                return known;
            }
            // Walk back, but only to the end of the run already known: rising queries walk each byte once.
            int floor = known >= 0 && pos > to ? to : 0;
            int i = pos;
            while (i > floor && set[bytes[i - 1] & 0xff]) {
                i--;
            }
            if (i == floor && floor > 0) {
                i = known;
            }
            memo[m + 2] = i;
            memo[m + 3] = pos;
            return i;
        }
    }

    private abstract static class Step {
        abstract int forward(Cursor c, int pos);

        abstract int backward(Cursor c, int pos);
    }

    /** At most {@code width} bytes, each in {@code set}. */
    private static final class Fixed extends Step {
        final int width;
        final boolean[] set;

        Fixed(int width, boolean[] set) {
            this.width = width;
            this.set = set;
        }

        @Override
        int forward(Cursor c, int pos) {
            int end = (int) Math.min(c.length, (long) pos + width);
            int i = pos;
            while (i < end && set[c.bytes[i] & 0xff]) {
                i++;
            }
            return i;
        }

        @Override
        int backward(Cursor c, int pos) {
            int start = Math.max(0, pos - width);
            int i = pos;
            while (i > start && set[c.bytes[i - 1] & 0xff]) {
                i--;
            }
            return i;
        }
    }

    /** Any number of bytes in {@code set}. */
    private static final class Run extends Step {
        final int slot;
        final boolean[] set;

        Run(int slot, boolean[] set) {
            this.slot = slot;
            this.set = set;
        }

        @Override
        int forward(Cursor c, int pos) {
            return c.runEnd(slot, set, pos);
        }

        @Override
        int backward(Cursor c, int pos) {
            return c.runStart(slot, set, pos);
        }
    }

    private static final class Seq extends Step {
        final Step[] steps;

        Seq(Step[] steps) {
            this.steps = steps;
        }

        @Override
        int forward(Cursor c, int pos) {
            for (Step s : steps) {
                pos = s.forward(c, pos);
            }
            return pos;
        }

        @Override
        int backward(Cursor c, int pos) {
            for (int i = steps.length - 1; i >= 0; i--) {
                pos = steps[i].backward(c, pos);
            }
            return pos;
        }
    }

    private static final class Alt extends Step {
        final Step[] steps;

        Alt(Step[] steps) {
            this.steps = steps;
        }

        @Override
        int forward(Cursor c, int pos) {
            int max = pos;
            for (Step s : steps) {
                max = Math.max(max, s.forward(c, pos));
            }
            return max;
        }

        @Override
        int backward(Cursor c, int pos) {
            int min = pos;
            for (Step s : steps) {
                min = Math.min(min, s.backward(c, pos));
            }
            return min;
        }
    }

    /** {@code step} up to {@code times} times in a row, stopping once a round reaches no further. */
    private static final class Times extends Step {
        final Step step;
        final int times;

        Times(Step step, int times) {
            this.step = step;
            this.times = times;
        }

        @Override
        int forward(Cursor c, int pos) {
            for (int i = 0; i < times; i++) {
                int next = step.forward(c, pos);
                if (next == pos) {
                    break;
                }
                pos = next;
            }
            return pos;
        }

        @Override
        int backward(Cursor c, int pos) {
            for (int i = 0; i < times; i++) {
                int next = step.backward(c, pos);
                if (next == pos) {
                    break;
                }
                pos = next;
            }
            return pos;
        }
    }

    private static final Step NOTHING = new Fixed(0, new boolean[256]);

    /** Node to step, keeping for each step its width (-1: unbounded) and the bytes it consumes. */
    private static final class Builder {
        int runs;

        Step step(Node n) {
            switch (n.op()) {
                case NO_MATCH:
                case EMPTY:
                case ASSERTION:
                    return NOTHING;
                case LITERAL:
                    return n.runes().length == 0 ? NOTHING : new Fixed(n.runes().length, literalSet(n));
                case CHAR_CLASS:
                    return new Fixed(1, classSet(n.runes()));
                case ANY_CHAR_NOT_NL: {
                    boolean[] s = all();
                    s['\n'] = false;
                    return new Fixed(1, s);
                }
                case ANY_CHAR:
                    return new Fixed(1, all());
                case CAPTURE:
                case QUEST:
                    // An optional piece reaches no further than the piece: bounds are maxima.
                    return step(n.subs().get(0));
                case STAR:
                case PLUS:
                    return repeat(step(n.subs().get(0)), -1);
                case REPEAT:
                    return repeat(step(n.subs().get(0)), n.max());
                case CONCAT: {
                    List<Step> parts = new ArrayList<>();
                    for (Node s : n.subs()) {
                        Step st = step(s);
                        if (st != NOTHING) {
                            parts.add(st);
                        }
                    }
                    return parts.isEmpty() ? NOTHING : parts.size() == 1 ? parts.get(0) : new Seq(parts.toArray(Step[]::new));
                }
                case ALTERNATE: {
                    List<Step> parts = new ArrayList<>();
                    for (Node s : n.subs()) {
                        parts.add(step(s));
                    }
                    return alternation(parts);
                }
                default:
                    throw new IllegalStateException("unknown regex node " + n.op());
            }
        }

        /** Branches that are all fixed become one fixed piece: their widest width over all their bytes. */
        private Step alternation(List<Step> parts) {
            int width = 0;
            boolean[] set = new boolean[256];
            for (Step p : parts) {
                if (!(p instanceof Fixed f)) {
                    return new Alt(parts.toArray(Step[]::new));
                }
                width = Math.max(width, f.width);
                union(set, f.set);
            }
            return width == 0 ? NOTHING : new Fixed(width, set);
        }

        private Step repeat(Step sub, int max) {
            if (sub == NOTHING || max == 0) {
                return NOTHING;
            }
            if (max < 0) {
                return new Run(runs++, bytes(sub));
            }
            if (sub instanceof Fixed f) {
                return new Fixed((int) Math.min(Integer.MAX_VALUE / 2, (long) f.width * max), f.set);
            }
            if (max <= CHAIN_LIMIT) {
                return max == 1 ? sub : new Times(sub, max);
            }
            return new Run(runs++, bytes(sub));
        }

        private static boolean[] bytes(Step s) {
            boolean[] set = new boolean[256];
            collect(s, set);
            return set;
        }

        private static void collect(Step s, boolean[] set) {
            if (s instanceof Fixed f) {
                union(set, f.set);
            } else if (s instanceof Run r) {
                union(set, r.set);
            } else if (s instanceof Seq q) {
                for (Step x : q.steps) {
                    collect(x, set);
                }
            } else if (s instanceof Alt a) {
                for (Step x : a.steps) {
                    collect(x, set);
                }
            } else if (s instanceof Times t) {
                collect(t.step, set);
            }
        }

        private static void union(boolean[] into, boolean[] from) {
            for (int i = 0; i < 256; i++) {
                into[i] |= from[i];
            }
        }

        private static boolean[] all() {
            boolean[] s = new boolean[256];
            Arrays.fill(s, true);
            return s;
        }

        /**
         * A literal's bytes, and where it folds case every byte of the same case orbit (content is
         * read as ISO-8859-1, so a folded 'k' also takes 'K', and a folded Greek mu takes the micro sign).
         */
        private static boolean[] literalSet(Node n) {
            boolean[] s = new boolean[256];
            for (int r : n.runes()) {
                add(s, r);
                if (n.foldCase() && r < 128) {
                    // ASCII letters fold only to each other within ISO-8859-1 (the Kelvin sign and
                    // the long s lie beyond it).
                    add(s, Character.toLowerCase(r));
                    add(s, Character.toUpperCase(r));
                } else if (n.foldCase()) {
                    int lower = Character.toLowerCase(r);
                    int upper = Character.toUpperCase(r);
                    for (int c = 0; c < 256; c++) {
                        if (Character.toLowerCase(c) == lower || Character.toUpperCase(c) == upper) {
                            s[c] = true;
                        }
                    }
                }
            }
            return s;
        }

        private static void add(boolean[] s, int r) {
            if (r >= 0 && r < 256) {
                s[r] = true;
            }
        }

        private static boolean[] classSet(int[] ranges) {
            boolean[] s = new boolean[256];
            for (int i = 0; i + 1 < ranges.length; i += 2) {
                for (int c = Math.max(0, ranges[i]); c <= Math.min(255, ranges[i + 1]); c++) {
                    s[c] = true;
                }
            }
            return s;
        }
    }
}
