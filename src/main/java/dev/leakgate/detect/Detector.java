package dev.leakgate.detect;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a rule set over content. One keyword pass picks the rules worth running and where: each
 * such rule's regex then runs only on slices around its keywords, so most bytes cost one automaton
 * step and never reach a regex.
 *
 * <p>What a rule finds is defined on the whole content, and the slices only make it cheaper:
 * <ul>
 *   <li>a rule with keywords reports the matches of its regex searched along the whole content
 *       (leftmost first, one after the other) that touch a keyword's surroundings: its line, within
 *       {@link #CONTEXT} bytes of it, or for a rule with a {@code window} on to the end of the line
 *       the window reaches. For most rules every match holds a keyword ({@link KeywordCover}) and
 *       this is every match;</li>
 *   <li>an {@code anchored} rule reports, at each start of one of its keywords in turn (past its
 *       last match), the match of its regex from exactly there;</li>
 *   <li>a rule without keywords searches the whole content.</li>
 * </ul>
 * Each slice is made wide enough, from the shape of the rule's regex ({@link Reach}), that the regex
 * engine sees there what it would see in the whole content: a slice starts where the earliest
 * match touching it could start (for a rule whose matches hold a keyword, the earliest match
 * holding the hit), and ends past the last byte any thread started in it could read. A search
 * finding nothing also tells that later slices reaching no further hold nothing, so many keywords
 * on one long line cost one pass over it, not one per keyword.
 */
public final class Detector {
    private final List<Rule> rules;
    private final KeywordAutomaton automaton;
    /** For each keyword of the automaton, the indexes of the rules it triggers. */
    private final int[][] rulesByKeyword;
    /** Per rule: its matches start where a keyword starts. */
    private final boolean[] anchored;
    /** Per rule: it has no keywords, and searches the whole content. */
    private final boolean[] keywordless;
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
    /** Per rule, how far its matches reach: built on a rule's first slice (most rules never need it in a run). */
    private final Reach[] reaches;
    /** Per rule without anchoring: 1 if every match holds a keyword ({@link KeywordCover}), -1 if not, 0 not known yet. */
    private final byte[] keywordInMatch;
    /** Per keyword of the automaton, its length: where a hit starts. */
    private final int[] keywordLength;
    /** Per rule, its position in {@link #order}. */
    private final int[] rankOf;
    /** The positions in {@link #order} of the rules without keywords, rising: they run on every target. */
    private final int[] keywordlessRanks;
    /** Per thread, the hit lists of one scan, reused from scan to scan. */
    private final ThreadLocal<Hits> hits;
    /** Per thread, the slices each rule's regex found nothing in (see {@link SliceMemo}). */
    private final ThreadLocal<SliceMemo> memos = ThreadLocal.withInitial(SliceMemo::new);

    public Detector(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        int n = this.rules.size();
        // Loops and arrays, no streams, boxing or per-rule regex strings: the pre-commit hook builds
        // this for a thousand rules at every commit, in a cold JVM, on its critical path.
        Map<String, Integer> keywordIndex = new LinkedHashMap<>();
        List<int[]> byKeyword = new ArrayList<>();
        int[] byKeywordSize = new int[16];
        for (int r = 0; r < n; r++) {
            Rule rule = this.rules.get(r);
            for (String k : rule.keywords()) {
                Integer at = keywordIndex.get(k);
                if (at == null) {
                    at = byKeyword.size();
                    keywordIndex.put(k, at);
                    byKeyword.add(new int[2]);
                    if (at == byKeywordSize.length) {
                        byKeywordSize = Arrays.copyOf(byKeywordSize, at * 2);
                    }
                }
                int[] list = byKeyword.get(at);
                int size = byKeywordSize[at];
                if (size == list.length) {
                    list = Arrays.copyOf(list, size * 2);
                    byKeyword.set(at, list);
                }
                list[size] = r;
                byKeywordSize[at] = size + 1;
            }
        }
        automaton = new KeywordAutomaton(new ArrayList<>(keywordIndex.keySet()));
        rulesByKeyword = new int[byKeyword.size()][];
        for (int k = 0; k < rulesByKeyword.length; k++) {
            rulesByKeyword[k] = Arrays.copyOf(byKeyword.get(k), byKeywordSize[k]);
        }
        anchored = new boolean[n];
        keywordless = new boolean[n];
        withContext = new LazyPattern[n];
        atStart = new LazyPattern[n];
        for (int r = 0; r < n; r++) {
            Rule rule = this.rules.get(r);
            keywordless[r] = rule.keywords().isEmpty();
            anchored[r] = rule.anchored() && !keywordless[r];
            if (anchored[r]) {
                // their sources are written on first use: most rules never have a hit in a run
                withContext[r] = LazyPattern.around("^(?s:.)(?:", rule.pattern(), ")");
                atStart[r] = LazyPattern.around("^(?:", rule.pattern(), ")");
            }
        }
        List<String> keywords = automaton.keywords();
        anchorBack = new int[keywords.size()];
        keywordLength = new int[keywords.size()];
        for (int k = 0; k < anchorBack.length; k++) {
            String kw = keywords.get(k);
            anchorBack[k] = kw.charAt(0) == '\n' ? kw.length() - 1 : kw.length();
            keywordLength[k] = kw.length();
        }
        // specific rules first, generic ones after, each in rule order (a stable partition)
        order = new int[n];
        int o = 0;
        for (int r = 0; r < n; r++) {
            if (!this.rules.get(r).generic()) {
                order[o++] = r;
            }
        }
        for (int r = 0; r < n; r++) {
            if (this.rules.get(r).generic()) {
                order[o++] = r;
            }
        }
        reaches = new Reach[n];
        keywordInMatch = new byte[n];
        rankOf = new int[n];
        int keywordlessCount = 0;
        for (int k = 0; k < n; k++) {
            rankOf[order[k]] = k;
            keywordlessCount += keywordless[order[k]] ? 1 : 0;
        }
        keywordlessRanks = new int[keywordlessCount];
        for (int k = 0, i = 0; k < n; k++) {
            if (keywordless[order[k]]) {
                keywordlessRanks[i++] = k;
            }
        }
        hits = ThreadLocal.withInitial(Hits::new);
    }

    /** Whether every match of the rule holds one of its keywords, found on first use (with {@link #reach}). */
    private boolean keywordInEveryMatch(int r) {
        reach(r);
        return keywordInMatch[r] > 0;
    }

    /**
     * The rule's reach, and whether its every match holds a keyword, read from one parse of its
     * pattern on first use; a race makes two equal answers, either of which serves.
     */
    private Reach reach(int r) {
        Reach reach = reaches[r];
        if (reach == null) {
            Rule rule = rules.get(r);
            com.google.re2j.ParsedRegex.Node tree = com.google.re2j.ParsedRegex.parse(rule.pattern().source());
            keywordInMatch[r] = KeywordCover.everyMatchHoldsOne(tree, rule.keywords()) ? (byte) 1 : (byte) -1;
            reach = reaches[r] = Reach.of(tree);
        }
        return reach;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Regex runs this thread's memo saved so far. */
    long memoReuses() {
        return memos.get().reused;
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
        return scan(content, length, null, false);
    }

    /**
     * As {@link #scan(byte[], int)}, with the content's keyword hits already known (from
     * {@link #keywordHits}; null: found here). {@code repeated}: the content is one of many that
     * repeat each other's bytes (the versions of the files of a history), so the slices a rule's
     * regex ran on without a match are remembered, per thread, and not run again ({@link SliceMemo}).
     */
    public List<Match> scan(byte[] content, int length, KeywordHits hits, boolean repeated) {
        SliceMemo memo = repeated ? memos.get() : null;
        List<Match> matches = scanRaw(content, length, hits, memo);
        List<Match> decoded = scanDecoded(content, length, matches, memo, hits);
        if (!decoded.isEmpty()) {
            matches.addAll(decoded);
        }
        return dropShadowedGeneric(matches);
    }

    /** The direct matches only, without the base64 rescan: what the differential test holds against a whole-content search. */
    List<Match> scanDirect(byte[] content, int length) {
        return dropShadowedGeneric(scanRaw(content, length, null, null));
    }

    /** Every keyword occurrence in the content: what {@link #scan(byte[], int, KeywordHits, boolean)} starts from. */
    public KeywordHits keywordHits(byte[] content, int length) {
        return KeywordHits.scan(automaton, content, length);
    }

    /**
     * The keyword occurrences of a content that repeats ranges of an earlier one, from the earlier
     * one's and a pass over only the bytes around what is new: equal to {@link #keywordHits} of
     * the content (see {@link KeywordHits#derive}).
     *
     * @param copies (offset in content, offset in the earlier content, length) triples, in rising
     *               order of offset in content, not overlapping; the bytes between them are new
     */
    public KeywordHits keywordHits(byte[] content, int length, KeywordHits earlier, int[] copies) {
        return KeywordHits.derive(automaton, keywordLength, earlier, copies, content, length);
    }

    private List<Match> scanRaw(byte[] content, int length, KeywordHits known, SliceMemo memo) {
        ByteText text = new ByteText(content, length);
        Hits hits = this.hits.get().reset();
        if (known == null) {
            automaton.scan(content, length, hits);
        } else {
            for (int i = 0; i < known.size(); i++) {
                hits.hit(known.keyword(i), known.end(i));
            }
        }
        List<Match> matches = new ArrayList<>();
        SecretSpans specific = null; // specific rules run first: made from their matches when the generic ones start
        // Only the rules with hits, and those without keywords: most rules have none in a given
        // target, and a walk over a thousand of them per blob or commit message adds up.
        int[] ranks = hits.touchedRanks(keywordlessRanks);
        for (int rank : ranks) {
            int r = order[rank];
            Rule rule = rules.get(r);
            if (rule.generic() && specific == null) {
                specific = new SecretSpans(matches, true);
            }
            SecretSpans shadowing = rule.generic() ? specific : null;
            if (keywordless[r]) {
                // No keywords: the whole content, every start.
                Reach reach = reach(r);
                search(text, r, reach, reach.cursor(text), new int[] {0, length - 1}, null, matches, shadowing, memo);
                continue;
            }
            if (anchored[r]) {
                matchAtStarts(text, r, hits.starts(r), matches, shadowing, memo);
            } else {
                Reach reach = reach(r);
                Reach.Cursor cursor = reach.cursor(text);
                int[] zones = null;
                int[] spans;
                if (keywordInEveryMatch(r)) {
                    spans = aroundHits(reach, cursor, hits.of(r), hits.size(r));
                } else {
                    zones = zones(text, hits.of(r), hits.size(r), rule.window());
                    spans = zoneStarts(reach, cursor, zones);
                }
                search(text, r, reach, cursor, spans, zones, matches, shadowing, memo);
            }
        }
        return matches;
    }

    /** Decodes each candidate run once (never the decoded text again) and scans the result. */
    private List<Match> scanDecoded(byte[] content, int length, List<Match> direct, SliceMemo memo, KeywordHits hits) {
        List<Match> out = new ArrayList<>();
        SecretSpans specific = new SecretSpans(direct, true);
        Base64Runs.Sink sink = (runStart, runEnd, decodedText) -> {
            if (specific.overlaps(runStart, runEnd)) {
                return;
            }
            List<Match> inner = dropShadowedGeneric(scanRaw(decodedText, decodedText.length, null, memo));
            for (Match m : inner) {
                out.add(new Match(m.rule(), runStart, runEnd, runStart, runEnd, m.secret(), true));
            }
        };
        int[] rows = hits == null ? null : hits.base64Rows();
        if (rows != null) {
            // where runs can start is known from the content this one repeats: no walk
            Base64Runs.forEachDecodedInRows(content, length, rows, sink);
        } else {
            rows = Base64Runs.forEachDecoded(content, length, sink);
            if (hits != null) {
                hits.base64Rows(rows); // for the contents that repeat this one
            }
        }
        return out;
    }

    public List<Match> scan(byte[] content) {
        return scan(content, content.length);
    }

    /**
     * An anchored rule's match starts where one of its keywords starts, so the regex is tried only
     * there ({@code lookingAt}), never searched along the line: a keyword as common as "key" in source
     * code then costs a few steps per occurrence instead of a regex scan of every line holding it.
     * A try sees the rest of the content (it stops where its last thread dies), so it finds what a
     * try on the whole content would.
     */
    private void matchAtStarts(ByteText text, int r, int[] starts, List<Match> out, SecretSpans specific, SliceMemo memo) {
        Rule rule = rules.get(r);
        LazyPattern atStart = this.atStart[r];
        LazyPattern withContext = this.withContext[r];
        // A try reads no byte past the rule's reach from its start, and one byte before it: those
        // bytes decide it, so a try on bytes already tried without a match is not run again.
        Reach reach = memo != null ? reach(r) : null;
        Reach.Cursor cursor = reach != null ? reach.cursor(text) : null;
        byte[] bytes = text.bytes();
        int length = text.length();
        int covered = -1;
        int g = rule.secretGroup();
        Matcher first = null;
        Matcher afterByte = null;
        Acceptance acceptance = acceptance(rule, text);
        // The last name walked for the assignment frame: every keyword inside one name shares its
        // end and the operator after it, so a long name full of keywords is walked once.
        int nameFrom = -1;
        int nameEnd = -1;
        int operator = -1;
        for (int start : starts) {
            if (start < covered) {
                continue;
            }
            if (rule.assignment()) {
                if (start < nameFrom || start >= nameEnd) {
                    nameFrom = start;
                    nameEnd = AssignmentFrame.nameEnd(bytes, start, length);
                    operator = AssignmentFrame.operator(bytes, nameEnd, length);
                }
                if (!AssignmentFrame.at(bytes, start, nameEnd, operator, length)) {
                    continue;
                }
            }
            if (rule.shape() != null && !rule.shape().nearby(bytes, start, length)) {
                continue;
            }
            int from = start == 0 ? 0 : start - 1;
            int readEnd = -1;
            int flags = 0;
            if (memo != null) {
                readEnd = (int) Math.min(length, (long) reach.forward(cursor, start) + 1);
                flags = (start == 0 ? 1 : 0) | (readEnd == length ? 2 : 0);
                if (memo.knownEmpty(r, flags, bytes, from, readEnd)) {
                    continue;
                }
            }
            Matcher m;
            if (start == 0) {
                m = first = first == null ? atStart.matcher(text.view(0, length)) : first.reset(text.view(0, length));
            } else {
                CharSequence slice = text.view(from, length);
                m = afterByte = afterByte == null ? withContext.matcher(slice) : afterByte.reset(slice);
            }
            if (!m.lookingAt() || m.start(g) < 0) {
                if (memo != null) {
                    memo.rememberEmpty(r, flags, bytes, from, readEnd);
                }
                continue;
            }
            int secretStart = from + m.start(g);
            int secretEnd = from + m.end(g);
            if (specific != null && specific.overlaps(secretStart, secretEnd)
                    || rule.assignment() && !AssignmentFrame.literal(bytes, start, secretStart, secretEnd, length)) {
                continue;
            }
            String secret = m.group(g);
            if (acceptance.accept(secret, secretStart)) {
                out.add(new Match(rule, start, from + m.end(), secretStart, secretEnd, secret, false));
                covered = from + m.end();
            }
        }
    }

    /**
     * Where matches of a rule whose every match holds a keyword can start: from the earliest start
     * of a match ending past each hit ({@link Reach#backward}) to the hit's start, as [first, last]
     * pairs, neighbours merged.
     */
    private static int[] aroundHits(Reach reach, Reach.Cursor cursor, int[] hits, int n) {
        Spans spans = new Spans(n);
        for (int i = 0; i < n; i += 2) {
            int start = Math.max(0, hits[i]);
            spans.add(Math.min(start, reach.backward(cursor, hits[i + 1])), start);
        }
        return spans.done();
    }

    /**
     * How far from a keyword a rule whose keyword is only context beside its match ({@code telegram}
     * on the line of a bot token) still reports one: on the keyword's line, at most this many bytes
     * before and after it. Ordinary lines are shorter; on a megabyte of minified code a name 40 KB
     * away is no context, and searching the whole line cost each such rule a pass over it.
     */
    static final int CONTEXT = 1024;

    /**
     * The zones of a rule whose keywords may stand beside its matches, as [start, end) pairs,
     * merged: each keyword's line, within {@link #CONTEXT} of the keyword, and for a rule with a
     * window on to the end of the line the window reaches, with the newline ending it. Hits come
     * in order, so each line is walked once.
     */
    private static int[] zones(ByteText text, int[] hits, int n, int window) {
        int length = text.length();
        Lines line = new Lines(text);
        Lines far = window > 0 ? new Lines(text) : null;
        Spans zones = new Spans(n);
        for (int i = 0; i < n; i += 2) {
            int start = Math.max(0, hits[i]);
            int end = hits[i + 1];
            line.at(end - 1);
            int zoneEnd;
            if (far != null) {
                far.at((int) Math.min(length, (long) line.end + window));
                zoneEnd = far.end < length ? far.end + 1 : far.end;
            } else {
                zoneEnd = (int) Math.min(line.end < length ? line.end + 1 : line.end, (long) end + CONTEXT);
            }
            zones.add(Math.max(line.start, start - CONTEXT), zoneEnd, 0);
        }
        return zones.done();
    }

    /** Where matches touching each zone can start: from the earliest start of one ending in it to its end. */
    private static int[] zoneStarts(Reach reach, Reach.Cursor cursor, int[] zones) {
        Spans spans = new Spans(zones.length);
        for (int i = 0; i < zones.length; i += 2) {
            spans.add(reach.backward(cursor, zones[i]), zones[i + 1] - 1);
        }
        return spans.done();
    }

    /** [first, last] or [start, end) pairs in order, a pair merged into the last when they meet (or nearly: one search beats two). */
    private static final class Spans {
        private int[] pairs;
        private int n;

        Spans(int capacity) {
            pairs = new int[Math.max(4, capacity)];
        }

        void add(int first, int last) {
            add(first, last, MERGE_GAP);
        }

        void add(int first, int last, int gap) {
            // Pairs come nearly in order: a hit of a longer keyword ending later may start a little earlier.
            if (n > 0 && first <= pairs[n - 1] + gap) {
                pairs[n - 2] = Math.min(pairs[n - 2], first);
                pairs[n - 1] = Math.max(pairs[n - 1], last);
                return;
            }
            if (n + 2 > pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[n++] = first;
            pairs[n++] = last;
        }

        int[] done() {
            return Arrays.copyOf(pairs, n);
        }
    }

    /** Spans of candidate starts closer than this are searched as one: a few bytes more beat another regex start. */
    static final int MERGE_GAP = 64;

    /**
     * The whole-content search of a rule (find() after find()), run only on the spans of starts
     * where a match can be reported ([first, last] pairs in order). Each search's slice starts at
     * the span or where the last match ended, and ends past what any thread started up to the
     * span's last start can read ({@link Reach#forward}): what the regex finds there is what the
     * whole-content search finds. A match found past the span is kept only when the slice was wide
     * enough for it too. With {@code zones} (pairs [start, end)), a match is reported only if it
     * touches one; without, every match holds a keyword and is reported.
     */
    private void search(ByteText text, int r, Reach reach, Reach.Cursor cursor, int[] spans, int[] zones,
            List<Match> out, SecretSpans specific, SliceMemo memo) {
        Rule rule = rules.get(r);
        byte[] bytes = text.bytes();
        int length = text.length();
        int g = rule.secretGroup();
        Matcher m = null;
        Acceptance acceptance = acceptance(rule, text);
        int p = 0; // where the whole-content search goes on: every start before it is settled
        int failFrom = Integer.MAX_VALUE; // the last search that found nothing, from here ...
        int failEnd = -1; // ... over a slice ending here
        int zone = 0; // the first zone that ends after the last match start
        for (int i = 0; i < spans.length; i += 2) {
            int last = spans[i + 1];
            if (last < p) {
                continue;
            }
            int from = Math.max(spans[i], p);
            int end = (int) Math.min(length, (long) reach.forward(cursor, last) + 1);
            if (from >= failFrom && end <= failEnd) {
                p = last + 1; // that search covered these starts, with all they can read
                continue;
            }
            while (from <= last) {
                // a search from `from` over view(0, end) reads [from - 1, end): the byte before is its context
                int flags = from == 0 ? 1 : 0;
                if (memo != null && memo.knownEmpty(r, flags, bytes, Math.max(0, from - 1), end)) {
                    failFrom = from;
                    failEnd = end;
                    p = last + 1;
                    break;
                }
                CharSequence slice = text.view(0, end);
                m = m == null ? rule.pattern().matcher(slice) : m.reset(slice);
                if (!m.find(from)) {
                    if (memo != null) {
                        memo.rememberEmpty(r, flags, bytes, Math.max(0, from - 1), end);
                    }
                    failFrom = from;
                    failEnd = end;
                    p = last + 1;
                    break;
                }
                int start = m.start();
                if (start > last && end < length && reach.forward(cursor, start) >= end) {
                    p = last + 1; // all that is known: nothing starts up to the span's end
                    break;
                }
                int stop = m.end();
                boolean touches = true;
                if (zones != null) {
                    while (zone < zones.length && zones[zone + 1] <= start) {
                        zone += 2;
                    }
                    touches = zone < zones.length && zones[zone] < Math.max(stop, start + 1);
                }
                if (touches && m.start(g) >= 0) {
                    int secretStart = m.start(g);
                    int secretEnd = m.end(g);
                    if (specific == null || !specific.overlaps(secretStart, secretEnd)) {
                        String secret = m.group(g);
                        if (acceptance.accept(secret, secretStart)) {
                            out.add(new Match(rule, start, stop, secretStart, secretEnd, secret, false));
                        }
                    }
                }
                p = stop > start ? stop : stop + 1; // as Matcher.find() goes on after an empty match
                from = p;
            }
        }
    }

    /** The precision checks every candidate passes before it becomes a match. */
    public static boolean accept(Rule rule, ByteText text, String secret, int secretStart) {
        return accept(rule, secret, secretStart, rule.allow().isEmpty() ? null : new AllowedLines(rule, text));
    }

    /** {@link #accept} for one rule's candidates in one text, asked in order: each line is read once. */
    interface Acceptance {
        boolean accept(String secret, int secretStart);
    }

    static Acceptance acceptance(Rule rule, ByteText text) {
        AllowedLines lines = rule.allow().isEmpty() ? null : new AllowedLines(rule, text);
        return (secret, secretStart) -> accept(rule, secret, secretStart, lines);
    }

    /**
     * No credential holds a control character other than line breaks and tabs (a PEM block spans
     * lines): a candidate that does is a run of binary bytes a loose pattern took in, as in a class
     * file's constant pool ("password: " then length bytes), now that binary content is scanned.
     */
    static boolean isText(String secret) {
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean accept(Rule rule, String secret, int secretStart, AllowedLines allowedLines) {
        if (secret.length() < rule.minLength()) {
            return false;
        }
        if (rule.entropy() > 0 && Entropy.shannon(secret) < rule.entropy()) {
            return false;
        }
        if (rule.validator() != null && !rule.validator().valid(secret)) {
            return false;
        }
        if (Placeholders.isPlaceholder(secret) || !isText(secret)
                || (rule.shape() != null && rule.shape().readsAsWords(secret))) {
            return false;
        }
        if (allowedLines != null) {
            for (LazyPattern a : rule.allow()) {
                if (a.matcher(secret).find()) {
                    return false;
                }
            }
            return !allowedLines.at(secretStart, secretStart + secret.length());
        }
        return true;
    }

    /**
     * How much of a long line a rule's allow patterns see: this many bytes either side of the
     * secret. They read the context of a value (the name it is assigned to, the host it belongs
     * to); on a megabyte of minified code a "cache_key:" anywhere on the line is no context, and
     * running each pattern over the whole line per line or per candidate cost seconds.
     */
    static final int ALLOW_CONTEXT = 256;

    /**
     * Whether a rule's allow patterns find something on the line of a secret: the whole line,
     * remembered for the last line (candidates come in order), or on a longer line the
     * {@link #ALLOW_CONTEXT} around the secret, searched from its start (so {@code ^} still means
     * the line's start, which such a neighbourhood does not hold).
     */
    private static final class AllowedLines {
        private final Rule rule;
        private final ByteText text;
        private final Lines lines;
        private int lineStart = -1;
        private boolean allowed;

        AllowedLines(Rule rule, ByteText text) {
            this.rule = rule;
            this.text = text;
            this.lines = new Lines(text);
        }

        boolean at(int secretStart, int secretEnd) {
            lines.at(secretStart);
            int from = Math.max(lines.start, secretStart - ALLOW_CONTEXT);
            int to = Math.min(lines.end, secretEnd + ALLOW_CONTEXT);
            if (from > lines.start || to < lines.end) {
                CharSequence view = text.view(lines.start, to);
                for (LazyPattern a : rule.allow()) {
                    if (a.matcher(view).find(from - lines.start)) {
                        return true;
                    }
                }
                return false;
            }
            if (lines.start != lineStart) {
                lineStart = lines.start;
                String line = text.slice(lines.start, lines.end);
                allowed = false;
                for (LazyPattern a : rule.allow()) {
                    if (a.matcher(line).find()) {
                        allowed = true;
                        break;
                    }
                }
            }
            return allowed;
        }
    }

    /**
     * A generic rule's match that overlaps a specific rule's secret says nothing more: drop it. Of
     * generic matches on overlapping secrets, one stands for all (one value, one finding): a
     * semi-generic rule (a header, a query parameter, an .npmrc key) before a catch-all
     * ({@code generic-*}: any secret-like name), then the first in (offset, rule id) order.
     * Sorted spans make each check a lookup: a file with 200,000 findings is not 200,000 squared.
     */
    private static List<Match> dropShadowedGeneric(List<Match> matches) {
        matches.sort(Comparator.comparingInt(Match::start).thenComparing(m -> m.rule().id()));
        if (matches.size() < 2) {
            return matches;
        }
        SecretSpans specific = new SecretSpans(matches, true);
        List<Match> generic = new ArrayList<>();
        for (Match m : matches) {
            if (m.rule().generic() && !specific.overlaps(m.secretStart(), m.secretEnd())) {
                generic.add(m);
            }
        }
        if (generic.isEmpty() && specific.size() == matches.size()) {
            return matches;
        }
        generic.sort(Comparator.comparing((Match m) -> isCatchAll(m.rule()))
                .thenComparingInt(Match::start).thenComparing(m -> m.rule().id()));
        // Kept secrets never overlap one another: the one starting last before a secret's end is
        // the only one that can overlap it.
        java.util.TreeMap<Integer, Integer> keptSpans = new java.util.TreeMap<>();
        java.util.Set<Match> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Match g : generic) {
            int start = g.secretStart();
            int end = g.secretEnd();
            Map.Entry<Integer, Integer> before = keptSpans.floorEntry(end > start ? end - 1 : start - 1);
            if (before != null && before.getValue() > start) {
                continue;
            }
            kept.add(g);
            if (end > start) {
                keptSpans.put(start, end);
            }
        }
        List<Match> out = new ArrayList<>(matches.size());
        for (Match m : matches) {
            if (!m.rule().generic() || kept.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }

    private static boolean isCatchAll(Rule rule) {
        return rule.id().startsWith("generic-");
    }

    /** The secret spans of some matches, sorted, for overlap checks by binary search. */
    private static final class SecretSpans {
        private final int[] starts;
        /** Per position in {@link #starts}, the largest end of the spans up to it. */
        private final int[] maxEnd;

        SecretSpans(List<Match> matches, boolean specificOnly) {
            long[] spans = new long[matches.size()];
            int n = 0;
            for (Match m : matches) {
                if (!specificOnly || !m.rule().generic()) {
                    spans[n++] = (long) m.secretStart() << 32 | (m.secretEnd() & 0xffffffffL);
                }
            }
            Arrays.sort(spans, 0, n);
            starts = new int[n];
            maxEnd = new int[n];
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                starts[i] = (int) (spans[i] >>> 32);
                max = Math.max(max, (int) spans[i]);
                maxEnd[i] = max;
            }
        }

        int size() {
            return starts.length;
        }

        /** Whether a span overlaps [start, end): one starts before {@code end} and ends after {@code start}. */
        boolean overlaps(int start, int end) {
            int lo = 0;
            int hi = starts.length; // the first index whose start is at or past end
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] < end) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo > 0 && maxEnd[lo - 1] > start;
        }
    }

    /**
     * The keyword hits of each rule in one content, in the order the automaton found them: for
     * anchored rules where a try starts, for the others each hit's [start, end).
     */
    private final class Hits implements KeywordAutomaton.HitSink {
        /** A rule's hit list longer than this is not kept for the next scan: one huge target does not hold memory for the rest of a run. */
        private static final int KEEP = 1 << 16;
        private final int[][] hits = new int[rules.size()][];
        private final int[] sizes = new int[rules.size()];
        /** Ranks (positions in the detector's rule order) of the rules with hits, in the order first hit. */
        private int[] touched = new int[16];
        private int nTouched;

        /** A keyword occurrence: a hit for each of its rules (an anchored rule's at its try start). */
        @Override
        public void hit(int kw, int end) {
            for (int r : rulesByKeyword[kw]) {
                if (anchored[r]) {
                    add(r, Math.max(0, end - anchorBack[kw]));
                } else {
                    add(r, end - keywordLength[kw], end);
                }
            }
        }

        Hits reset() {
            for (int i = 0; i < nTouched; i++) {
                int r = order[touched[i]];
                sizes[r] = 0;
                if (hits[r] != null && hits[r].length > KEEP) {
                    hits[r] = null;
                }
            }
            nTouched = 0;
            return this;
        }

        /** The ranks of the rules with hits and of {@code always}, rising, each once. */
        int[] touchedRanks(int[] always) {
            int[] out = Arrays.copyOf(touched, nTouched + always.length);
            int n = nTouched;
            for (int rank : always) {
                if (sizes[order[rank]] == 0) {
                    out[n++] = rank;
                }
            }
            Arrays.sort(out, 0, n);
            return n == out.length ? out : Arrays.copyOf(out, n);
        }

        private void touch(int rule) {
            if (nTouched == touched.length) {
                touched = Arrays.copyOf(touched, nTouched * 2);
            }
            touched[nTouched++] = rankOf[rule];
        }

        void add(int rule, int start) {
            int n = sizes[rule];
            int[] h = hits[rule];
            if (n == 0) {
                touch(rule);
            }
            if (h == null) {
                h = hits[rule] = new int[8];
            } else if (n == h.length) {
                h = hits[rule] = Arrays.copyOf(h, n * 2);
            }
            h[n] = start;
            sizes[rule] = n + 1;
        }

        void add(int rule, int start, int end) {
            int n = sizes[rule];
            int[] h = hits[rule];
            if (n > 0 && h[n - 2] == start && h[n - 1] == end) {
                return; // two keywords of one rule, one hit ("api-key" in "x-api-key" counts once)
            }
            if (n == 0) {
                touch(rule);
            }
            if (h == null) {
                h = hits[rule] = new int[8];
            } else if (n + 2 > h.length) {
                h = hits[rule] = Arrays.copyOf(h, h.length * 2);
            }
            h[n] = start;
            h[n + 1] = end;
            sizes[rule] = n + 2;
        }

        int[] starts(int rule) {
            int[] s = Arrays.copyOf(hits[rule], sizes[rule]);
            Arrays.sort(s); // keywords ending at the same offset arrive longest first
            return s;
        }

        /** The rule's hits as [start, end) pairs in the first {@link #size} entries (no copy). */
        int[] of(int rule) {
            return hits[rule];
        }

        int size(int rule) {
            return sizes[rule];
        }
    }

    /**
     * The line around an offset, remembered: asked at rising offsets, each byte is walked once (a
     * hit on a line already found costs nothing, and a new line's start is sought back only to the
     * end of the last one).
     */
    private static final class Lines {
        private final byte[] bytes;
        private final int length;
        /** The last line found: its first byte, and its newline (or the content's end). */
        int start = -1;
        int end = -1;

        Lines(ByteText text) {
            this.bytes = text.bytes();
            this.length = text.length();
        }

        void at(int offset) {
            if (offset >= start && offset <= end) {
                return;
            }
            int floor = start >= 0 && offset > end ? end + 1 : 0;
            int s = offset;
            while (s > floor && bytes[s - 1] != '\n') {
                s--;
            }
            int e = offset;
            while (e < length && bytes[e] != '\n') {
                e++;
            }
            start = s;
            end = e;
        }
    }
}
