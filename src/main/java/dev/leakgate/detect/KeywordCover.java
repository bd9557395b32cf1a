package dev.leakgate.detect;

import com.google.re2j.ParsedRegex;
import com.google.re2j.ParsedRegex.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether every match of a pattern holds one of a rule's keywords, read from re2j's parse tree:
 * then each match contains a keyword hit, and the detector need only search around the hits, not
 * along the whole line as for a rule whose keyword is context beside the match ({@code telegram}
 * on the line of a bot token). The answer must never be yes wrongly; where the tree is too
 * intricate to tell, it is no.
 *
 * <p>A piece of the pattern either matches one of a small set of strings (a literal, {@code [_.-]},
 * {@code (?:live|test)}, optional parts of these), or it does not; a sequence holds a keyword when
 * one piece does, or when a run of small-set pieces spells one in every combination; an alternation
 * when every branch does. Keywords are matched as the keyword pass matches them (ASCII letters in
 * any case).
 */
final class KeywordCover {
    /** A piece matching more strings than this is not spelled out. */
    private static final int MAX_STRINGS = 256;
    private static final int MAX_LENGTH = 64;
    /** Optional pieces tried both ways in one sequence, at most. */
    private static final int MAX_OPTIONAL = 6;

    private final List<String> keywords;

    private KeywordCover(List<String> keywords) {
        this.keywords = keywords;
    }

    static boolean everyMatchHoldsOne(String pattern, List<String> keywords) {
        return everyMatchHoldsOne(ParsedRegex.parse(pattern), keywords);
    }

    static boolean everyMatchHoldsOne(Node pattern, List<String> keywords) {
        if (keywords.isEmpty()) {
            return false;
        }
        List<String> lower = new ArrayList<>();
        for (String k : keywords) {
            lower.add(asciiLower(k));
        }
        return new KeywordCover(lower).holds(pattern);
    }

    private boolean holds(Node n) {
        Set<String> exact = strings(n);
        if (exact != null) {
            return allHold(exact);
        }
        switch (n.op()) {
            case CAPTURE:
                return holds(n.subs().get(0));
            case PLUS:
                return holds(n.subs().get(0));
            case REPEAT:
                return n.min() >= 1 && holds(n.subs().get(0));
            case ALTERNATE:
                for (Node s : n.subs()) {
                    if (!holds(s)) {
                        return false;
                    }
                }
                return true;
            case CONCAT:
                return concatHolds(n.subs());
            default:
                return false;
        }
    }

    /**
     * A piece holds a keyword, or a run of pieces with small sets spells one in every combination;
     * an optional piece that breaks such a run is tried both ways ({@code postgres(?:\+[a-z]+)?://}
     * holds "postgres://" without it and "postgres+" with it).
     */
    private boolean concatHolds(List<Node> parts) {
        return concatHolds(flatten(parts), 0);
    }

    private boolean concatHolds(List<Node> parts, int depth) {
        for (Node p : parts) {
            if (holds(p)) {
                return true;
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            Set<String> run = Set.of("");
            for (int j = i; j < parts.size(); j++) {
                Set<String> next = strings(parts.get(j));
                if (next == null) {
                    break;
                }
                run = product(run, next);
                if (run == null) {
                    break;
                }
                if (allHold(run)) {
                    return true;
                }
            }
        }
        if (depth >= MAX_OPTIONAL) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            Node p = parts.get(i);
            if (p.op() == ParsedRegex.Op.QUEST && strings(p) == null) {
                List<Node> without = new ArrayList<>(parts);
                without.remove(i);
                List<Node> with = new ArrayList<>(parts.subList(0, i));
                with.add(p.subs().get(0));
                with.addAll(parts.subList(i + 1, parts.size()));
                return concatHolds(without, depth + 1) && concatHolds(flatten(with), depth + 1);
            }
        }
        return false;
    }

    /** Nested sequences (in groups or not) as one list of pieces. */
    private static List<Node> flatten(List<Node> parts) {
        List<Node> out = new ArrayList<>();
        for (Node p : parts) {
            Node inner = p;
            while (inner.op() == ParsedRegex.Op.CAPTURE) {
                inner = inner.subs().get(0);
            }
            if (inner.op() == ParsedRegex.Op.CONCAT) {
                out.addAll(flatten(inner.subs()));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private boolean allHold(Set<String> strings) {
        if (strings.isEmpty()) {
            return false; // a piece that matches nothing is no proof (and never happens in a pattern that matches)
        }
        for (String s : strings) {
            boolean found = false;
            for (String k : keywords) {
                if (s.contains(k)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Pieces spelled out so far (null: too many): nested sequences and optional pieces ask again. */
    private final java.util.Map<Node, Optional<Set<String>>> spelled = new java.util.IdentityHashMap<>();

    /** Every string the piece matches (ASCII lower-cased), or null when there are too many or it cannot tell. */
    private Set<String> strings(Node n) {
        Optional<Set<String>> known = spelled.get(n);
        if (known == null) {
            known = Optional.ofNullable(spell(n));
            spelled.put(n, known);
        }
        return known.orElse(null);
    }

    private Set<String> spell(Node n) {
        switch (n.op()) {
            case EMPTY:
            case ASSERTION:
                return Set.of("");
            case LITERAL: {
                // Case folding outside ASCII (the Kelvin sign, the long s) cannot occur in content read
                // as ISO-8859-1 next to an ASCII keyword: lower-casing ASCII is what the keyword pass does.
                StringBuilder b = new StringBuilder();
                for (int r : n.runes()) {
                    b.appendCodePoint(r);
                }
                return b.length() > MAX_LENGTH ? null : Set.of(asciiLower(b.toString()));
            }
            case CHAR_CLASS: {
                Set<String> out = new LinkedHashSet<>();
                int[] r = n.runes();
                for (int i = 0; i + 1 < r.length; i += 2) {
                    if (r[i + 1] - r[i] > 16 || r[i + 1] > 127) {
                        return null;
                    }
                    for (int c = r[i]; c <= r[i + 1]; c++) {
                        out.add(asciiLower(String.valueOf((char) c)));
                    }
                }
                return out.size() > 16 ? null : out;
            }
            case CAPTURE:
                return strings(n.subs().get(0));
            case QUEST: {
                Set<String> s = strings(n.subs().get(0));
                if (s == null) {
                    return null;
                }
                Set<String> out = new LinkedHashSet<>(s);
                out.add("");
                return out;
            }
            case REPEAT: {
                if (n.max() < 0 || n.max() > 4) {
                    return null;
                }
                Set<String> s = strings(n.subs().get(0));
                if (s == null) {
                    return null;
                }
                Set<String> out = new LinkedHashSet<>();
                Set<String> times = Set.of("");
                for (int k = 0; k <= n.max(); k++) {
                    if (times == null) {
                        return null; // too many to spell out
                    }
                    if (k >= n.min()) {
                        out.addAll(times);
                    }
                    if (k < n.max()) {
                        times = product(times, s);
                    }
                }
                return out.size() > MAX_STRINGS ? null : out;
            }
            case CONCAT: {
                Set<String> run = Set.of("");
                for (Node p : n.subs()) {
                    Set<String> s = strings(p);
                    if (s == null) {
                        return null;
                    }
                    run = product(run, s);
                    if (run == null) {
                        return null;
                    }
                }
                return run;
            }
            case ALTERNATE: {
                Set<String> out = new LinkedHashSet<>();
                for (Node p : n.subs()) {
                    Set<String> s = strings(p);
                    if (s == null) {
                        return null;
                    }
                    out.addAll(s);
                }
                return out.size() > MAX_STRINGS ? null : out;
            }
            default:
                return null;
        }
    }

    private static Set<String> product(Set<String> a, Set<String> b) {
        if ((long) a.size() * b.size() > MAX_STRINGS) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String x : a) {
            for (String y : b) {
                if (x.length() + y.length() > MAX_LENGTH) {
                    return null;
                }
                out.add(x + y);
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

}
