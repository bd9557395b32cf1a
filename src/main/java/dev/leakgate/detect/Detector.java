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
 *       (leftmost first, one after the other) that touch a line holding one of its keywords, or
 *       the {@code window} bytes after such a line (to the end of the line those reach);</li>
 *   <li>an {@code anchored} rule reports, at each start of one of its keywords in turn (past its
 *       last match), the match of its regex from exactly there;</li>
 *   <li>a rule without keywords searches the whole content.</li>
 * </ul>
 * Each slice is made wide enough, from the shape of the rule's regex ({@link Reach}), that the regex
 * engine sees there what it would see in the whole content: a slice starts where the earliest
 * match touching its lines could start, and ends past the last byte any thread started in it could
 * read. A search finding nothing also tells that later slices reaching no further hold nothing,
 * so many keywords on one long line cost one pass over it, not one per keyword.
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
    /** Per rule, how far its matches reach: built on a rule's first slice (most rules never need it in a run). */
    private final Reach[] reaches;
    /** The distinct windows of the rules (index 0: none), and per rule the index of its own. */
    private final int[] windows;
    private final int[] windowOf;

    public Detector(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        int n = this.rules.size();
        // Loops and arrays, no streams, boxing or per-rule regex strings: the pre-commit hook builds
        // this for a thousand rules at every commit, in a cold JVM, on its critical path.
        Map<String, Integer> keywordIndex = new LinkedHashMap<>();
        List<int[]> byKeyword = new ArrayList<>();
        int[] byKeywordSize = new int[16];
        int[] always = new int[n];
        int nAlways = 0;
        for (int r = 0; r < n; r++) {
            Rule rule = this.rules.get(r);
            if (rule.keywords().isEmpty()) {
                always[nAlways++] = r;
            }
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
        unanchored = Arrays.copyOf(always, nAlways);
        anchored = new boolean[n];
        withContext = new LazyPattern[n];
        atStart = new LazyPattern[n];
        for (int r = 0; r < n; r++) {
            Rule rule = this.rules.get(r);
            anchored[r] = rule.anchored() && !rule.keywords().isEmpty();
            if (anchored[r]) {
                // their sources are written on first use: most rules never have a hit in a run
                withContext[r] = LazyPattern.around("^(?s:.)(?:", rule.pattern(), ")");
                atStart[r] = LazyPattern.around("^(?:", rule.pattern(), ")");
            }
        }
        List<String> keywords = automaton.keywords();
        anchorBack = new int[keywords.size()];
        for (int k = 0; k < anchorBack.length; k++) {
            String kw = keywords.get(k);
            anchorBack[k] = kw.charAt(0) == '\n' ? kw.length() - 1 : kw.length();
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
        windowOf = new int[n];
        int[] distinct = new int[] {0};
        for (int r = 0; r < n; r++) {
            int w = this.rules.get(r).window();
            int at = -1;
            for (int i = 0; i < distinct.length && at < 0; i++) {
                if (distinct[i] == w) {
                    at = i;
                }
            }
            if (at < 0) {
                at = distinct.length;
                distinct = Arrays.copyOf(distinct, at + 1);
                distinct[at] = w;
            }
            windowOf[r] = at;
        }
        windows = distinct;
    }

    /** The rule's reach, made on first use; a race makes two equal ones, either of which serves. */
    private Reach reach(int r) {
        Reach reach = reaches[r];
        if (reach == null) {
            reach = reaches[r] = Reach.of(rules.get(r).pattern().source());
        }
        return reach;
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

    /** The direct matches only, without the base64 rescan: what the differential test holds against a whole-content search. */
    List<Match> scanDirect(byte[] content, int length) {
        return dropShadowedGeneric(scanRaw(content, length));
    }

    private List<Match> scanRaw(byte[] content, int length) {
        ByteText text = new ByteText(content, length);
        Hits hits = new Hits(text, rules.size(), windows);
        automaton.scan(content, length, (kw, end) -> {
            int start = Math.max(0, end - anchorBack[kw]);
            for (int r : rulesByKeyword[kw]) {
                if (anchored[r]) {
                    hits.addStart(r, start);
                } else {
                    hits.addZone(r, end - 1, windowOf[r]);
                }
            }
        });
        for (int r : unanchored) {
            hits.addWhole(r);
        }
        List<Match> matches = new ArrayList<>();
        int specific = 0; // specific rules run first: their matches head the list
        for (int r : order) {
            if (hits.size(r) == 0) {
                continue; // most rules have no hit in a given target: no allocation, no call
            }
            Rule rule = rules.get(r);
            int shadowing = rule.generic() ? specific : 0;
            if (anchored[r]) {
                matchAtStarts(text, rule, atStart[r], withContext[r], hits.starts(r), matches, shadowing);
            } else {
                matchInZones(text, rule, reach(r), hits.spans(r), hits.size(r), matches, shadowing);
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
     * A try sees the rest of the content (it stops where its last thread dies), so it finds what a
     * try on the whole content would.
     */
    private void matchAtStarts(ByteText text, Rule rule, LazyPattern atStart, LazyPattern withContext, int[] starts,
            List<Match> out, int specific) {
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
            Matcher m;
            int from;
            if (start == 0) {
                from = 0;
                m = first = first == null ? atStart.matcher(text.view(0, length)) : first.reset(text.view(0, length));
            } else {
                from = start - 1;
                CharSequence slice = text.view(from, length);
                m = afterByte = afterByte == null ? withContext.matcher(slice) : afterByte.reset(slice);
            }
            if (!m.lookingAt() || m.start(g) < 0) {
                continue;
            }
            int secretStart = from + m.start(g);
            int secretEnd = from + m.end(g);
            if (shadowed(out, specific, secretStart, secretEnd)
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
     * The whole-content search of a rule, run only where its zones (keyword lines and windows, as
     * [start, end) pairs in order) can hold a match that touches them. For each zone the slice
     * starts at the earliest start of such a match ({@link Reach#backward}), or where the last
     * match ended, and ends past what any thread started up to the zone's end can read
     * ({@link Reach#forward}): what the regex finds there is what the whole-content search finds.
     * A match found past the zone is kept only when the slice was wide enough for it too.
     */
    private void matchInZones(ByteText text, Rule rule, Reach reach, int[] zones, int n, List<Match> out, int specific) {
        Reach.Cursor cursor = reach.cursor(text);
        int length = text.length();
        int g = rule.secretGroup();
        Matcher m = null;
        Acceptance acceptance = acceptance(rule, text);
        int p = 0; // where the whole-content search goes on: every start before it is settled
        int failFrom = Integer.MAX_VALUE; // the last search that found nothing, from here ...
        int failEnd = -1; // ... over a slice ending here
        int zone = 0; // the first zone that ends after the last match start
        for (int i = 0; i < n; i += 2) {
            int last = zones[i + 1] - 1; // the last start that can still touch the zone
            if (last < p) {
                continue;
            }
            int from = Math.max(reach.backward(cursor, zones[i]), p);
            int end = (int) Math.min(length, (long) reach.forward(cursor, last) + 1);
            if (from >= failFrom && end <= failEnd) {
                p = last + 1; // that search covered these starts, with all they can read
                continue;
            }
            while (from <= last) {
                CharSequence slice = text.view(0, end);
                m = m == null ? rule.pattern().matcher(slice) : m.reset(slice);
                if (!m.find(from)) {
                    failFrom = from;
                    failEnd = end;
                    p = last + 1;
                    break;
                }
                int start = m.start();
                if (start > last && end < length && reach.forward(cursor, start) >= end) {
                    p = last + 1; // all that is known: nothing starts up to the zone's end
                    break;
                }
                int stop = m.end();
                while (zone < n && zones[zone + 1] <= start) {
                    zone += 2;
                }
                boolean touches = zone < n && zones[zone] < Math.max(stop, start + 1);
                if (touches && m.start(g) >= 0) {
                    int secretStart = m.start(g);
                    int secretEnd = m.end(g);
                    if (!shadowed(out, specific, secretStart, secretEnd)) {
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
            return !allowedLines.at(secretStart);
        }
        return true;
    }

    /**
     * Whether a rule's allow patterns find something on the line of an offset, remembered for the
     * last line: candidates come in order, so a long line holding many is read once per rule, not
     * copied and searched once per candidate.
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

        boolean at(int offset) {
            lines.at(offset);
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
     * Where each rule may match in one content: for anchored rules the keyword starts, for the
     * others their zones (keyword lines widened by the window, merged when they meet), as
     * [start, end) pairs. Keyword hits arrive in order of their end, so the line of each is found
     * from the last: a line is walked once however many hits it holds.
     */
    private static final class Hits {
        private final ByteText text;
        private final int[][] spans;
        private final int[] sizes;
        /** Per rule, the end of the line of its last zone's keyword: later hits on that line add nothing (made on the first zone). */
        private int[] keywordLineEnd;
        private final int[] windows;
        /** The keyword's line, then per window the line its reach ends on. */
        private final Lines keywordLine;
        private final Lines[] windowLine;

        Hits(ByteText text, int rules, int[] windows) {
            this.text = text;
            this.spans = new int[rules][];
            this.sizes = new int[rules];
            this.windows = windows;
            this.keywordLine = new Lines(text);
            this.windowLine = new Lines[windows.length];
        }

        /** A keyword whose last byte is at {@code lastByte}: the rule may match on its line and window. */
        void addZone(int rule, int lastByte, int window) {
            int n = sizes[rule];
            if (n > 0 && lastByte <= keywordLineEnd[rule]) {
                return; // the common case for repeated keywords: same line, same zone
            }
            if (keywordLineEnd == null) {
                keywordLineEnd = new int[sizes.length];
            }
            keywordLine.at(lastByte);
            int lineEnd = keywordLine.end;
            int end = lineEnd;
            if (windows[window] > 0) {
                Lines far = windowLine[window];
                if (far == null) {
                    far = windowLine[window] = new Lines(text);
                }
                far.at((int) Math.min(text.length(), (long) lineEnd + windows[window]));
                end = far.end;
            }
            keywordLineEnd[rule] = lineEnd;
            add(rule, keywordLine.start, end < text.length() ? end + 1 : end);
        }

        private void add(int rule, int start, int end) {
            int n = sizes[rule];
            int[] s = spans[rule];
            if (s == null) {
                s = spans[rule] = new int[8];
            }
            if (n > 0 && start <= s[n - 1]) {
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
            int[] s = Arrays.copyOf(spans[rule], sizes[rule]);
            Arrays.sort(s); // keywords ending at the same offset arrive longest first
            return s;
        }

        /** A rule without keywords: one zone, the whole content. */
        void addWhole(int rule) {
            spans[rule] = new int[] {0, text.length()};
            sizes[rule] = 2;
        }

        /** The rule's zones as [start, end) pairs in the first {@link #size} entries (no copy: this runs per rule per target). */
        int[] spans(int rule) {
            return spans[rule];
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
