package dev.leakgate.detect;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Runs a rule set over content. One keyword pass picks the rules worth running and the lines
 * where they may match; each such rule's regex then runs only over those lines (plus its window),
 * so most bytes cost one automaton step and never reach a regex.
 */
public final class Detector {
    private final List<Rule> rules;
    private final KeywordAutomaton automaton;
    /** For each keyword of the automaton, the indexes of the rules it triggers. */
    private final int[][] rulesByKeyword;
    /** Rules without keywords: they run over the whole content. */
    private final int[] unanchored;
    /** Per rule: its matches start where a keyword starts. */
    private final boolean[] anchored;
    /**
     * Where an anchored rule's try starts, back from a keyword's end: its length, less the
     * leading newline of a keyword that marks a line start ("\nmachine "), so that the match,
     * and the line it is reported on, starts on the keyword's own line.
     */
    private final int[] anchorBack;
    /**
     * Per anchored rule, its pattern behind one byte of any kind: tried one byte before the keyword,
     * so that {@code \b} and {@code (?m)^} at the pattern's start see the byte that precedes it,
     * exactly as a search along the line would. Both forms begin with {@code ^}: re2j stops an
     * anchored try as soon as no thread is left only when the pattern itself is anchored;
     * otherwise it steps on to the end of the slice, which made a failed try cost the whole line.
     */
    private final LazyPattern[] withContext;
    /** Per anchored rule, its pattern anchored, for a keyword at the very start of the content. */
    private final LazyPattern[] atStart;
    /** Rule indexes, specific rules first: a generic candidate that a specific match covers is then skipped before its checks. */
    private final int[] order;

    public Detector(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
        List<Integer> always = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            if (rule.keywords().isEmpty()) {
                always.add(r);
            }
            for (String k : rule.keywords()) {
                byKeyword.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
            }
        }
        automaton = new KeywordAutomaton(new ArrayList<>(byKeyword.keySet()));
        rulesByKeyword = byKeyword.values().stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        unanchored = always.stream().mapToInt(Integer::intValue).toArray();
        anchored = new boolean[rules.size()];
        withContext = new LazyPattern[rules.size()];
        atStart = new LazyPattern[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            anchored[r] = rules.get(r).anchored() && !rules.get(r).keywords().isEmpty();
            if (anchored[r]) {
                withContext[r] = new LazyPattern("^(?s:.)(?:" + rules.get(r).pattern().source() + ")");
                atStart[r] = new LazyPattern("^(?:" + rules.get(r).pattern().source() + ")");
            }
        }
        anchorBack = automaton.keywords().stream().mapToInt(k -> k.charAt(0) == '\n' ? k.length() - 1 : k.length()).toArray();
        order = IntStream.range(0, rules.size()).boxed()
                .sorted(Comparator.comparing(r -> rules.get(r).generic())).mapToInt(Integer::intValue).toArray();
    }

    public List<Rule> rules() {
        return rules;
    }

    private static volatile Detector last;

    /**
     * A detector for these rules, reusing the last one built for an equal list: the pre-commit
     * hook builds the built-in set's detector on a second core while the repository opens.
     */
    public static Detector of(List<Rule> rules) {
        Detector d = last;
        if (d != null && d.rules.equals(rules)) {
            return d;
        }
        synchronized (Detector.class) {
            d = last;
            if (d == null || !d.rules.equals(rules)) {
                d = last = new Detector(rules);
            }
            return d;
        }
    }

    /**
     * Every match of every rule in {@code content}, ordered by offset, look-alikes removed; also
     * the matches inside base64 runs that decode to text (see {@link Base64Runs}), reported at the
     * encoded run with {@code decoded = true} unless a direct match already covers that run.
     */
    public List<Match> scan(byte[] content, int length) {
        List<Match> matches = scanRaw(content, length);
        List<Match> decoded = scanDecoded(content, length, matches);
        if (!decoded.isEmpty()) {
            matches.addAll(decoded);
        }
        return dropShadowedGeneric(matches);
    }

    private List<Match> scanRaw(byte[] content, int length) {
        ByteText text = new ByteText(content, length);
        Regions regions = new Regions(rules.size());
        automaton.scan(content, length, (kw, end) -> {
            int start = Math.max(0, end - anchorBack[kw]);
            for (int r : rulesByKeyword[kw]) {
                if (anchored[r]) {
                    regions.addStart(r, start);
                } else {
                    regions.add(text, r, start, end, rules.get(r).window());
                }
            }
        });
        for (int r : unanchored) {
            regions.addWhole(r, length);
        }
        List<Match> matches = new ArrayList<>();
        int specific = 0; // specific rules run first: their matches head the list
        for (int r : order) {
            if (regions.size(r) == 0) {
                continue; // most rules have no hit in a given target: no allocation, no call
            }
            Rule rule = rules.get(r);
            int shadowing = rule.generic() ? specific : 0;
            if (anchored[r]) {
                matchAtStarts(text, rule, atStart[r], withContext[r], regions.starts(r), matches, shadowing);
            } else {
                int[] spans = regions.spans(r);
                int n = regions.size(r);
                Matcher matcher = null;
                for (int i = 0; i < n; i += 2) {
                    matcher = matchRegion(text, rule, matcher, spans[i], spans[i + 1], matches, shadowing);
                }
            }
            if (!rule.generic()) {
                specific = matches.size();
            }
        }
        return matches;
    }

    /** Decodes each candidate run once (never the decoded text again) and scans the result. */
    private List<Match> scanDecoded(byte[] content, int length, List<Match> direct) {
        List<Match> out = new ArrayList<>();
        Base64Runs.forEachDecoded(content, length, (runStart, runEnd, decodedText) -> {
            if (coveredBySpecific(runStart, runEnd, direct)) {
                return;
            }
            List<Match> inner = dropShadowedGeneric(scanRaw(decodedText, decodedText.length));
            for (Match m : inner) {
                out.add(new Match(m.rule(), runStart, runEnd, runStart, runEnd, m.secret(), true));
            }
        });
        return out;
    }

    private static boolean coveredBySpecific(int start, int end, List<Match> direct) {
        for (Match d : direct) {
            if (!d.rule().generic() && d.secretStart() < end && start < d.secretEnd()) {
                return true;
            }
        }
        return false;
    }

    public List<Match> scan(byte[] content) {
        return scan(content, content.length);
    }

    /**
     * An anchored rule's match starts where one of its keywords starts, so the regex is tried only
     * there ({@code lookingAt}), never searched along the line: a keyword as common as "key" in source
     * code then costs a few steps per occurrence instead of a regex scan of every line holding it.
     */
    private void matchAtStarts(ByteText text, Rule rule, LazyPattern atStart, LazyPattern withContext, int[] starts,
            List<Match> out, int specific) {
        int covered = -1;
        int g = rule.secretGroup();
        Matcher first = null;
        Matcher afterByte = null;
        for (int start : starts) {
            if (start < covered) {
                continue;
            }
            int end = lineEndWithin(text, start, AFTER);
            if (rule.assignment() && !AssignmentFrame.at(text.bytes(), start, end)) {
                continue;
            }
            end = regionEnd(text, end, rule.window());
            if (rule.shape() != null && !rule.shape().nearby(text.bytes(), start, end)) {
                continue;
            }
            Matcher m;
            int from;
            if (start == 0) {
                from = 0;
                m = first = first == null ? atStart.matcher(text.view(0, end)) : first.reset(text.view(0, end));
            } else {
                from = start - 1;
                CharSequence slice = text.view(from, end);
                m = afterByte = afterByte == null ? withContext.matcher(slice) : afterByte.reset(slice);
            }
            if (!m.lookingAt() || m.start(g) < 0) {
                continue;
            }
            int secretStart = from + m.start(g);
            int secretEnd = from + m.end(g);
            if (shadowed(out, specific, secretStart, secretEnd)
                    || rule.assignment() && !AssignmentFrame.literal(text.bytes(), start, secretStart, secretEnd, end)) {
                continue;
            }
            String secret = m.group(g);
            if (accept(rule, text, secret, secretStart)) {
                out.add(new Match(rule, start, from + m.end(), secretStart, secretEnd, secret, false));
                covered = from + m.end();
            }
        }
    }

    /** Matches one region; the matcher is reused across a rule's regions (re2j matchers are costly to make). */
    private Matcher matchRegion(ByteText text, Rule rule, Matcher reuse, int from, int to, List<Match> out, int specific) {
        Matcher m = reuse == null ? rule.pattern().matcher(text.view(from, to)) : reuse.reset(text.view(from, to));
        int g = rule.secretGroup();
        while (m.find()) {
            if (m.start(g) < 0) {
                continue;
            }
            int start = from + m.start();
            int end = from + m.end();
            int secretStart = from + m.start(g);
            int secretEnd = from + m.end(g);
            if (!shadowed(out, specific, secretStart, secretEnd)) {
                String secret = m.group(g);
                if (accept(rule, text, secret, secretStart)) {
                    out.add(new Match(rule, start, end, secretStart, secretEnd, secret, false));
                }
            }
            if (m.end() == m.start()) {
                break;
            }
        }
        return m;
    }

    /**
     * Whether one of the first {@code specific} matches (the specific rules' matches) overlaps this
     * secret: a generic candidate there would be dropped anyway ({@link #dropShadowedGeneric}),
     * so its checks (entropy, placeholders, a dozen allow regexes) are not worth running.
     */
    private static boolean shadowed(List<Match> out, int specific, int secretStart, int secretEnd) {
        for (int i = 0; i < specific; i++) {
            Match d = out.get(i);
            if (d.secretStart() < secretEnd && secretStart < d.secretEnd()) {
                return true;
            }
        }
        return false;
    }

    /** The precision checks every candidate passes before it becomes a match. */
    public static boolean accept(Rule rule, ByteText text, String secret, int secretStart) {
        if (secret.length() < rule.minLength()) {
            return false;
        }
        if (rule.entropy() > 0 && Entropy.shannon(secret) < rule.entropy()) {
            return false;
        }
        if (rule.validator() != null && !rule.validator().valid(secret)) {
            return false;
        }
        if (Placeholders.isPlaceholder(secret)) {
            return false;
        }
        if (!rule.allow().isEmpty()) {
            String line = text.slice(text.lineStart(secretStart), text.lineEnd(secretStart));
            for (LazyPattern a : rule.allow()) {
                if (a.matcher(secret).find() || a.matcher(line).find()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A generic rule's match that overlaps a specific rule's secret says nothing more: drop it. Of
     * generic matches on overlapping secrets, one stands for all (one value, one finding): a
     * semi-generic rule (a header, a query parameter, an .npmrc key) before a catch-all
     * ({@code generic-*}: any secret-like name), then the first in (offset, rule id) order.
     */
    private static List<Match> dropShadowedGeneric(List<Match> matches) {
        matches.sort(Comparator.comparingInt(Match::start).thenComparing(m -> m.rule().id()));
        if (matches.size() < 2) {
            return matches;
        }
        List<Match> generic = new ArrayList<>();
        for (Match m : matches) {
            if (m.rule().generic() && !overlapsSpecific(m, matches)) {
                generic.add(m);
            }
        }
        generic.sort(Comparator.comparing((Match m) -> isCatchAll(m.rule()))
                .thenComparingInt(Match::start).thenComparing(m -> m.rule().id()));
        List<Match> keptGeneric = new ArrayList<>();
        for (Match g : generic) {
            if (!overlapsAny(g, keptGeneric)) {
                keptGeneric.add(g);
            }
        }
        List<Match> kept = new ArrayList<>(matches.size());
        for (Match m : matches) {
            if (!m.rule().generic() || keptGeneric.contains(m)) {
                kept.add(m);
            }
        }
        return kept;
    }

    private static boolean isCatchAll(Rule rule) {
        return rule.id().startsWith("generic-");
    }

    private static boolean overlapsSpecific(Match g, List<Match> all) {
        for (Match o : all) {
            if (!o.rule().generic() && o.secretStart() < g.secretEnd() && g.secretStart() < o.secretEnd()) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsAny(Match g, List<Match> kept) {
        for (Match o : kept) {
            if (o.secretStart() < g.secretEnd() && g.secretStart() < o.secretEnd()) {
                return true;
            }
        }
        return false;
    }

    /**
     * On very long lines (minified bundles, generated data) the region is cut to this many bytes
     * before the keyword and after it: otherwise every keyword on a megabyte line would send each of
     * its rules over the whole line, and regex time would grow with line length instead of hits.
     * The margins are far wider than any rule's context, so on ordinary lines nothing changes.
     */
    static final int BEFORE = 256;
    static final int AFTER = 1024;
    /** Regions closer than this are scanned as one: a few bytes more beat another regex start. */
    static final int MERGE_GAP = 64;

    /**
     * Where a rule's text ends, from the end of the keyword's line: the rule's window further on
     * (to a line end), then the newline itself, so '$' and '\n' in patterns behave at the edge.
     * The same for regions and anchored tries, so both kinds of rule see the same text.
     */
    private static int regionEnd(ByteText text, int lineEnd, int window) {
        int end = lineEnd;
        if (window > 0) {
            end = lineEndWithin(text, Math.min(text.length(), end + window), AFTER);
        }
        if (end < text.length() && text.bytes()[end] == '\n') {
            end++;
        }
        return end;
    }

    private static int lineStartWithin(ByteText text, int offset, int max) {
        byte[] b = text.bytes();
        int lo = Math.max(0, offset - max);
        int i = Math.min(offset, text.length());
        while (i > lo && b[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    private static int lineEndWithin(ByteText text, int offset, int max) {
        byte[] b = text.bytes();
        int hi = (int) Math.min(text.length(), (long) offset + max);
        int i = offset;
        while (i < hi && b[i] != '\n') {
            i++;
        }
        return i;
    }

    private static final class Regions {
        private final int[][] spans;
        private final int[] sizes;
        private int lastHit = -1;
        private int lastKeywordStart = -1;
        private int lastStart;
        private int lastEnd;

        Regions(int rules) {
            spans = new int[rules][];
            sizes = new int[rules];
        }

        /** A keyword hit: its start (as an anchored rule would try it) and end. */
        void add(ByteText text, int rule, int keywordStart, int hitEnd, int window) {
            int n = sizes[rule];
            int[] s = spans[rule];
            if (n > 0 && hitEnd <= s[n - 1]) {
                return; // already inside the last region: the common case for repeated keywords
            }
            if (hitEnd != lastHit || keywordStart != lastKeywordStart) {
                // Many rules share a keyword: find the hit's line once, not once per rule.
                lastHit = hitEnd;
                lastKeywordStart = keywordStart;
                lastStart = lineStartWithin(text, Math.max(0, hitEnd - 1), BEFORE);
                // AFTER counts from the keyword's start, as for anchored rules.
                lastEnd = lineEndWithin(text, hitEnd, Math.max(0, keywordStart + AFTER - hitEnd));
            }
            int start = lastStart;
            int end = regionEnd(text, lastEnd, window);
            if (s == null) {
                s = spans[rule] = new int[8];
            }
            if (n > 0 && start <= s[n - 1] + MERGE_GAP) {
                s[n - 1] = Math.max(s[n - 1], end);
                return;
            }
            if (n + 2 > s.length) {
                s = spans[rule] = Arrays.copyOf(s, s.length * 2);
            }
            s[n] = start;
            s[n + 1] = end;
            sizes[rule] = n + 2;
        }

        /** For anchored rules: keyword start offsets, in the order the automaton found them. */
        void addStart(int rule, int start) {
            int n = sizes[rule];
            int[] s = spans[rule];
            if (s == null) {
                s = spans[rule] = new int[8];
            } else if (n == s.length) {
                s = spans[rule] = Arrays.copyOf(s, n * 2);
            }
            s[n] = start;
            sizes[rule] = n + 1;
        }

        int[] starts(int rule) {
            if (spans[rule] == null) {
                return new int[0];
            }
            int[] s = Arrays.copyOf(spans[rule], sizes[rule]);
            Arrays.sort(s); // keywords ending at the same offset arrive longest first
            return s;
        }

        void addWhole(int rule, int length) {
            spans[rule] = new int[] {0, length};
            sizes[rule] = 2;
        }

        /** The rule's spans as [start, end) pairs in the first {@link #size} entries (no copy: this runs per rule per target). */
        int[] spans(int rule) {
            return spans[rule] == null ? NONE : spans[rule];
        }

        int size(int rule) {
            return sizes[rule];
        }

        private static final int[] NONE = new int[0];
    }
}
