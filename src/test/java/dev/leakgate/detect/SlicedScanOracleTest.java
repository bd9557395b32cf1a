package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import dev.leakgate.testing.TestSeed;
import dev.leakgate.testing.Tokens;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The detector runs each rule only on slices around its keywords; this test holds every built-in
 * rule's sliced results to the slow obvious path, on random inputs drawn from the run's seed:
 *
 * <ul>
 *   <li>a rule with keywords: its regex searched along the whole content with {@code find()},
 *       keeping the matches that touch a line holding a keyword (or that line's window);</li>
 *   <li>an anchored rule: at each keyword start in turn (past its last match), the leftmost match
 *       of a search of the whole content from there, if it starts exactly there;</li>
 *   <li>a rule without keywords: the whole-content search.</li>
 * </ul>
 *
 * Both must give the same matches at the same offsets (so the same rule, line and column). The
 * inputs put keywords and the rules' own examples at the old slice edges (256 bytes before a
 * keyword, 1 KiB after one), on long lines, many to a line, with CRLF and non-ASCII bytes. A
 * failure names the rule, the input's number and the seed, never the input.
 * {@code -Dleakgate.seed=N} replays a run; {@code -Dleakgate.oracle.inputs=N} draws more inputs.
 */
class SlicedScanOracleTest {
    private static final List<Rule> RULES = BuiltinRules.load();
    private static final Map<String, Detector> ALONE = new HashMap<>();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String B64 = ALNUM + "+/";
    private static final String[] DELIMITERS = {" ", "=", " = ", ": ", ":", "\"", "'", "=\"", "\": \"", ",", ";", "&", "?",
        "/", "(", ")", "[", "{", "}", "\t", "-", "_", ".", "@", "<", ">", "`", "|", "\\n", "%2F", "é", "\u00ff"};
    private static final String[] WORDS = {"the", "value", "config", "server", "user", "host", "default", "port", "name",
        "export", "const", "let", "return", "function", "data", "kind", "metadata", "url", "path", "id", "x", "a1"};
    /** Rules whose examples and keywords one input is built from. */
    private static final int FOCUS = 24;
    /** Offsets where the old slices were cut: 256 bytes before a keyword, 1 KiB after the first one. */
    private static final int[] EDGES = {250, 255, 256, 257, 258, 1015, 1020, 1023, 1024, 1025, 1030, 2048, 4100};

    @Test
    void everyRuleFindsInSlicesWhatItFindsInTheWholeContent() {
        Random random = Tokens.random();
        // Enough inputs for every rule to be one input's focus, and a few more.
        int inputs = Integer.getInteger("leakgate.oracle.inputs", (RULES.size() + FOCUS - 1) / FOCUS + 4);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        int found = 0;
        for (int i = 0; i < inputs && failures.size() < 20; i++) {
            List<Rule> focus = focus(random, i);
            byte[] content = content(random, focus);
            String lower = asciiLower("\n" + new String(content, StandardCharsets.ISO_8859_1));
            for (Rule rule : RULES) {
                List<int[]> hits = hits(rule, lower);
                if (!rule.keywords().isEmpty() && hits.isEmpty()) {
                    continue;
                }
                List<Match> sliced = alone(rule).scanDirect(content, content.length);
                List<Match> whole = oracle(rule, content, hits);
                compared++;
                found += whole.size();
                String difference = difference(sliced, whole, new ByteText(content));
                if (difference != null) {
                    failures.add(rule.id() + " on input " + i + ": " + difference);
                }
            }
        }
        System.out.println("[leakgate] sliced vs whole-content scan: " + inputs + " inputs, " + compared + " rule runs, "
                + found + " matches");
        assertThat(failures).as("sliced scan differs from the whole-content search (test seed %d, %d rule runs)",
                TestSeed.run(), compared).isEmpty();
        assertThat(found).as("matches compared: the inputs must exercise the rules").isGreaterThan(inputs * 5);
    }

    /**
     * Rules whose keyword is context beside their matches (the detector searches around their
     * keywords' lines, not around the keywords): the inputs put more of them at a distance.
     */
    private static final List<Rule> CONTEXT_RULES = RULES.stream().filter(r -> !r.anchored() && !r.keywords().isEmpty()
            && !KeywordCover.everyMatchHoldsOne(r.pattern().source(), r.keywords())).toList();

    /** Which rules an input is built around: every rule in turn, then random ones, and a few context rules. */
    private static List<Rule> focus(Random random, int input) {
        List<Rule> focus = new ArrayList<>();
        for (int k = 0; k < FOCUS; k++) {
            int index = input * FOCUS + k;
            focus.add(index < RULES.size() ? RULES.get(index) : RULES.get(random.nextInt(RULES.size())));
        }
        for (int k = 0; k < 4 && !CONTEXT_RULES.isEmpty(); k++) {
            focus.add(CONTEXT_RULES.get(random.nextInt(CONTEXT_RULES.size())));
        }
        return focus;
    }

    private static Detector alone(Rule rule) {
        return ALONE.computeIfAbsent(rule.id(), id -> new Detector(List.of(rule)));
    }

    // ---- the obvious path ----

    private static List<Match> oracle(Rule rule, byte[] content, List<int[]> hits) {
        ByteText text = new ByteText(content);
        String whole = new String(content, StandardCharsets.ISO_8859_1);
        List<Match> out = new ArrayList<>();
        int g = rule.secretGroup();
        Detector.Acceptance acceptance = Detector.acceptance(rule, text);
        if (rule.anchored() && !rule.keywords().isEmpty()) {
            List<Integer> starts = new ArrayList<>();
            for (int[] h : hits) {
                starts.add(h[2]);
            }
            starts.sort(null);
            Matcher m = rule.pattern().matcher(whole);
            int covered = -1;
            int previous = -1;
            // The leftmost match from a start is also the leftmost from any later start up to it:
            // one search serves every keyword start before the match it found.
            int next = -1;
            for (int start : starts) {
                if (start < covered || start == previous) {
                    continue;
                }
                previous = start;
                if (rule.assignment() && !AssignmentFrame.at(content, start, content.length)) {
                    continue;
                }
                if (start > next) {
                    next = m.find(start) ? m.start() : Integer.MAX_VALUE;
                }
                if (next != start || m.start(g) < 0) {
                    continue;
                }
                if (rule.assignment() && !AssignmentFrame.literal(content, start, m.start(g), m.end(g), content.length)) {
                    continue;
                }
                if (acceptance.accept(m.group(g), m.start(g))) {
                    out.add(new Match(rule, start, m.end(), m.start(g), m.end(g), m.group(g), false));
                    covered = m.end();
                }
            }
            return out;
        }
        List<int[]> zones = zones(rule, text, hits);
        Matcher m = rule.pattern().matcher(whole);
        while (m.find()) {
            boolean touches = rule.keywords().isEmpty() || touches(zones, m.start(), m.end());
            if (touches && m.start(g) >= 0 && acceptance.accept(m.group(g), m.start(g))) {
                out.add(new Match(rule, m.start(), m.end(), m.start(g), m.end(g), m.group(g), false));
            }
        }
        return out;
    }

    /**
     * Every occurrence of a keyword in the content (given ASCII lower-cased, behind a newline, as the
     * automaton reads it): {start, end, where an anchored try starts (past a leading newline)}.
     */
    private static List<int[]> hits(Rule rule, String lower) {
        List<int[]> out = new ArrayList<>();
        for (String k : rule.keywords()) {
            for (int at = lower.indexOf(k); at >= 0; at = lower.indexOf(k, at + 1)) {
                int start = at - 1;
                int end = start + k.length();
                if (end < 1) {
                    continue;
                }
                out.add(new int[] {start, end, k.charAt(0) == '\n' ? start + 1 : Math.max(0, start)});
            }
        }
        return out;
    }

    private static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }

    /**
     * The zones of a rule whose keyword is context: per keyword, its line within the detector's
     * context of it, or on to the end of the line its window reaches; as [start, end) pairs.
     */
    private static List<int[]> zones(Rule rule, ByteText text, List<int[]> hits) {
        List<int[]> zones = new ArrayList<>();
        for (int[] h : hits) {
            int start = Math.max(0, h[0]);
            int last = h[1] - 1;
            int lineStart = text.lineStart(last);
            int lineEnd = text.lineEnd(last);
            int end;
            if (rule.window() > 0) {
                end = text.lineEnd((int) Math.min(text.length(), (long) lineEnd + rule.window()));
                end = Math.min(text.length(), end + 1);
            } else {
                end = Math.min(Math.min(text.length(), lineEnd + 1), h[1] + Detector.CONTEXT);
            }
            zones.add(new int[] {Math.max(lineStart, start - Detector.CONTEXT), end});
        }
        return zones;
    }

    /** Whether [start, end) (or the empty match at start) holds a byte of a zone. */
    private static boolean touches(List<int[]> zones, int start, int end) {
        for (int[] z : zones) {
            if (z[0] < Math.max(end, start + 1) && start < z[1]) {
                return true;
            }
        }
        return false;
    }

    /** Where two match lists first differ, as offsets and line:column (never the text), or null. */
    private static String difference(List<Match> sliced, List<Match> whole, ByteText text) {
        int n = Math.max(sliced.size(), whole.size());
        for (int i = 0; i < n; i++) {
            Match s = i < sliced.size() ? sliced.get(i) : null;
            Match w = i < whole.size() ? whole.get(i) : null;
            if (s == null || w == null || s.start() != w.start() || s.end() != w.end() || s.secretStart() != w.secretStart()
                    || s.secretEnd() != w.secretEnd()) {
                return "match " + (i + 1) + ": sliced " + describe(s, text) + ", whole " + describe(w, text)
                        + " (" + sliced.size() + " vs " + whole.size() + " matches)";
            }
        }
        return null;
    }

    private static String describe(Match m, ByteText text) {
        if (m == null) {
            return "none";
        }
        return "[" + m.start() + "," + m.end() + ") secret at " + text.lineOf(m.secretStart()) + ":"
                + text.columnOf(m.secretStart());
    }

    // ---- random inputs ----

    private static byte[] content(Random r, List<Rule> focus) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String nl = r.nextInt(3) == 0 ? "\r\n" : "\n";
        int lineStart = 0;
        int lastKeyword = 0;
        int pieces = 30 + r.nextInt(90);
        for (int i = 0; i < pieces && out.size() < 40_000; i++) {
            Rule rule = focus.get(r.nextInt(focus.size()));
            switch (r.nextInt(12)) {
                case 0, 1, 2 -> { // often on a line of its own: rules that open with a delimiter then take the newline
                    String before = r.nextBoolean() ? nl : "";
                    write(out, before + example(r, rule) + (r.nextBoolean() ? nl : ""));
                }
                case 3 -> {
                    lastKeyword = out.size();
                    write(out, keyword(r, rule) + pick(r, DELIMITERS) + value(r));
                }
                case 4 -> { // pad to an old slice edge from the line start or from the last keyword
                    int from = r.nextBoolean() ? lineStart : lastKeyword;
                    int pad = EDGES[r.nextInt(EDGES.length)] - (out.size() - from) - r.nextInt(3);
                    write(out, filler(r, Math.max(0, pad)));
                }
                case 5 -> write(out, nl.repeat(1 + r.nextInt(2)));
                case 6 -> write(out, random(r, r.nextBoolean() ? B64 : ALNUM, 200 + r.nextInt(3000)));
                case 7 -> write(out, filler(r, 5 + r.nextInt(80)));
                case 8 -> { // many hits on one line
                    int n = 2 + r.nextInt(30);
                    String k = keyword(r, rule);
                    for (int j = 0; j < n; j++) {
                        write(out, k + pick(r, DELIMITERS) + value(r) + pick(r, DELIMITERS));
                    }
                }
                case 9 -> { // a keyword as context at a distance from an example, on one line, either way round
                    rule = focus.get(focus.size() - 1 - r.nextInt(Math.min(4, focus.size())));
                    String k = keyword(r, rule);
                    String e = withoutKeywords(example(r, rule).replace("\r", "").replace("\n", " "), rule);
                    int distance = r.nextBoolean() ? Detector.CONTEXT - 20 + r.nextInt(40) : r.nextInt(Detector.CONTEXT + 64);
                    String gap = filler(r, Math.max(0, distance - (r.nextBoolean() ? 0 : e.length())));
                    write(out, r.nextBoolean() ? k + " " + gap + e : e + gap + " " + k);
                }
                case 10 -> write(out, pick(r, DELIMITERS) + pick(r, DELIMITERS));
                default -> { // an example split around a keyword of another rule
                    String e = example(r, rule);
                    int cut = e.isEmpty() ? 0 : r.nextInt(e.length());
                    write(out, e.substring(0, cut) + keyword(r, focus.get(r.nextInt(focus.size()))) + e.substring(cut));
                }
            }
            byte[] sofar = out.toByteArray();
            for (int j = sofar.length - 1; j >= lineStart; j--) {
                if (sofar[j] == '\n') {
                    lineStart = j + 1;
                    break;
                }
            }
        }
        return out.toByteArray();
    }

    private static String example(Random r, Rule rule) {
        List<String> pool = r.nextInt(4) == 0 && !rule.negativeExamples().isEmpty() ? rule.negativeExamples() : rule.examples();
        if (pool.isEmpty()) {
            return keyword(r, rule);
        }
        String e = pool.get(r.nextInt(pool.size()));
        return switch (r.nextInt(5)) {
            case 0 -> e.replace("\n", "\r\n");
            case 1 -> e.strip();
            default -> e;
        };
    }

    /** The text with the rule's keywords spelled apart: then only a keyword elsewhere makes a context. */
    private static String withoutKeywords(String text, Rule rule) {
        String out = text;
        for (String k : rule.keywords()) {
            StringBuilder b = new StringBuilder();
            String lower = asciiLower(out);
            int from = 0;
            for (int at = lower.indexOf(k); at >= 0 && !k.isEmpty(); at = lower.indexOf(k, at + k.length())) {
                b.append(out, from, at).append(out.charAt(at)).append('~').append(out, at + 1, at + k.length());
                from = at + k.length();
            }
            out = b.append(out.substring(from)).toString();
        }
        return out;
    }

    private static String keyword(Random r, Rule rule) {
        if (rule.keywords().isEmpty()) {
            return pick(r, WORDS);
        }
        String k = rule.keywords().get(r.nextInt(rule.keywords().size()));
        return r.nextBoolean() ? k : k.toUpperCase(Locale.ROOT);
    }

    private static String value(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> random(r, ALNUM, 8 + r.nextInt(60));
            case 1 -> random(r, B64, 20 + r.nextInt(100)) + "==";
            case 2 -> "\"" + random(r, ALNUM + "-_.", 10 + r.nextInt(50)) + "\"";
            default -> pick(r, WORDS);
        };
    }

    private static String filler(Random r, int length) {
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            b.append(pick(r, WORDS)).append(r.nextInt(5) == 0 ? pick(r, DELIMITERS) : " ");
        }
        b.setLength(length);
        return b.toString();
    }

    private static String random(Random r, String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String pick(Random r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
