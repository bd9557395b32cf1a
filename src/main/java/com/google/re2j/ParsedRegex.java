package com.google.re2j;

import java.util.ArrayList;
import java.util.List;

/**
 * re2j's own parse tree of a pattern, read-only. re2j keeps its parser package-private; leakgate's
 * detector bounds how far a rule's matches can reach ({@code dev.leakgate.detect.Reach}) from the
 * very tree re2j compiles, not from a second parser that could read the syntax differently. This
 * class sits in re2j's package for that access alone and holds no logic of its own.
 */
public final class ParsedRegex {
    /** What a node does. Zero-width assertions ({@code ^ $ \b \B \A \z}) are all {@link #ASSERTION}. */
    public enum Op {
        NO_MATCH, EMPTY, ASSERTION, LITERAL, CHAR_CLASS, ANY_CHAR_NOT_NL, ANY_CHAR, CAPTURE, STAR, PLUS, QUEST,
        REPEAT, CONCAT, ALTERNATE
    }

    /**
     * One node. {@code runes}: a literal's code points, or a class's ranges as (lo, hi) pairs;
     * {@code foldCase}: a literal also matches its other cases; {@code min}/{@code max}: a
     * repeat's bounds, {@code max} -1 for none.
     */
    public record Node(Op op, int[] runes, boolean foldCase, int min, int max, List<Node> subs) {
    }

    private ParsedRegex() {
    }

    /** The tree of {@code pattern} as {@link Pattern#compile(String)} parses it. */
    public static Node parse(String pattern) {
        return convert(Parser.parse(pattern, RE2.PERL));
    }

    private static Node convert(Regexp re) {
        List<Node> subs = new ArrayList<>();
        if (re.subs != null) {
            for (Regexp s : re.subs) {
                subs.add(convert(s));
            }
        }
        int[] runes = re.runes == null ? new int[0] : re.runes.clone();
        return new Node(op(re.op), runes, (re.flags & RE2.FOLD_CASE) != 0, re.min, re.max, List.copyOf(subs));
    }

    private static Op op(Regexp.Op op) {
        switch (op) {
            case NO_MATCH:
                return Op.NO_MATCH;
            case EMPTY_MATCH:
                return Op.EMPTY;
            case BEGIN_LINE:
            case END_LINE:
            case BEGIN_TEXT:
            case END_TEXT:
            case WORD_BOUNDARY:
            case NO_WORD_BOUNDARY:
                return Op.ASSERTION;
            case LITERAL:
                return Op.LITERAL;
            case CHAR_CLASS:
                return Op.CHAR_CLASS;
            case ANY_CHAR_NOT_NL:
                return Op.ANY_CHAR_NOT_NL;
            case ANY_CHAR:
                return Op.ANY_CHAR;
            case CAPTURE:
                return Op.CAPTURE;
            case STAR:
                return Op.STAR;
            case PLUS:
                return Op.PLUS;
            case QUEST:
                return Op.QUEST;
            case REPEAT:
                return Op.REPEAT;
            case CONCAT:
                return Op.CONCAT;
            case ALTERNATE:
                return Op.ALTERNATE;
            default:
                // LEFT_PAREN and VERTICAL_BAR exist only while parsing.
                throw new IllegalStateException("unexpected node " + op + " in a parsed pattern");
        }
    }
}
