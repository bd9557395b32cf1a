package dev.leakgate.policy;

import org.eclipse.jgit.ignore.FastIgnoreRule;

/**
 * One path pattern with .gitignore semantics (JGit's {@link FastIgnoreRule}): a pattern without
 * '/' (other than a trailing one) matches a name at any depth ({@code *.lock}, {@code secrets}),
 * one with '/' is anchored at the repository root ({@code secrets/**}), {@code **&#47;} matches
 * any folders including none ({@code **&#47;secrets/**} covers a top-level {@code secrets/}), and
 * a pattern that matches a folder covers everything below it. A leading '!' negates: see
 * {@link Globs}. Compiled once; matching takes the repository-relative path as a string.
 */
public final class Glob {
    private final String text;
    private final FastIgnoreRule rule;
    /**
     * A piece of the pattern every path it matches holds verbatim ("secrets", ".lock"), or "":
     * most paths fail this {@code contains} in a few ns, where the matcher walks every segment.
     */
    private final String literal;

    public Glob(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("empty glob");
        }
        String g = glob.strip();
        boolean negated = g.startsWith("!");
        String body = negated ? g.substring(1) : g;
        // "./secrets/**" means what "secrets/**" means; in a .gitignore it would match nothing.
        while (body.startsWith("./")) {
            body = "/" + body.substring(2);
        }
        refuse(body);
        this.text = glob;
        this.rule = new FastIgnoreRule((negated ? "!" : "") + body);
        if (rule.isEmpty()) {
            throw new IllegalArgumentException("not a pattern that can match a path (a .gitignore pattern, e.g. 'secrets/**')");
        }
        this.literal = literal(body);
    }

    /**
     * The longest run of plain characters within one segment of the pattern. "**&#47;" may stand
     * for no folder at all, so a run never spans a '/'; escapes and bracket expressions are rare
     * enough to go without.
     */
    static String literal(String body) {
        if (body.indexOf('\\') >= 0 || body.indexOf('[') >= 0) {
            return "";
        }
        String best = "";
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            if (i == body.length() || "*?/".indexOf(body.charAt(i)) >= 0) {
                if (i - start > best.length()) {
                    best = body.substring(start, i);
                }
                start = i + 1;
            }
        }
        return best;
    }

    /** Spellings that would silently match nothing, or something else than meant. */
    private static void refuse(String body) {
        for (String segment : body.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("paths are repository-relative: '" + segment + "' never matches");
            }
        }
        for (int i = 0; i + 1 < body.length(); i++) {
            if (body.charAt(i) == '\\' && (Character.isLetterOrDigit(body.charAt(i + 1)) || body.startsWith("**", i + 1))) {
                throw new IllegalArgumentException("'\\' escapes the next character; separate folders with '/'");
            }
        }
        int open = body.indexOf('{');
        if (open >= 0 && body.indexOf(',', open) > open && body.indexOf('}', open) > open) {
            throw new IllegalArgumentException("braces are no glob syntax here (.gitignore patterns): list each pattern on its own");
        }
    }

    /** Whether the pattern (ignoring a leading '!') matches the path or a folder above it. */
    public boolean matches(String repoPath) {
        return !repoPath.isEmpty() && repoPath.contains(literal) && rule.isMatch(repoPath, false, false);
    }

    /** A '!' pattern: what it matches is taken out of what the patterns before it put in. */
    public boolean negated() {
        return rule.getNegation();
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
