package dev.leakgate.pipeline;

/**
 * {@code leakgate:allow} on a line, in a comment of any syntax ({@code # leakgate:allow},
 * {@code // leakgate:allow}, {@code <!-- leakgate:allow -->}, ...): the findings of that line are
 * accepted where they stand. Not for envelope findings (a file is no envelope whatever a line
 * says), and off where the policy says {@code inlineAllow: false}.
 */
final class InlineAllow {
    static final String MARK = "leakgate:allow";

    private InlineAllow() {
    }

    /** Whether the line carries the mark as a word of its own (not inside a longer name such as leakgate:allowed). */
    static boolean marks(String line) {
        for (int i = line.indexOf(MARK); i >= 0; i = line.indexOf(MARK, i + 1)) {
            int end = i + MARK.length();
            boolean before = i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1));
            boolean after = end == line.length() || !Character.isLetterOrDigit(line.charAt(end));
            if (before && after) {
                return true;
            }
        }
        return false;
    }
}
