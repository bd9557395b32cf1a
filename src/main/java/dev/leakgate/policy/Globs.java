package dev.leakgate.policy;

import java.util.List;

/**
 * An ordered list of {@link Glob}s, read as the lines of one .gitignore: the last pattern that
 * matches a path decides, so {@code ['secrets/**', '!secrets/secrets.nix']} holds every file
 * under {@code secrets/} but one. Unlike git, a '!' pattern can take a file back out of a folder
 * an earlier pattern named: each path is judged whole, there is no folder walk to stop early.
 */
public final class Globs {
    private static final Globs NONE = new Globs(List.of());

    private final Glob[] globs;

    private Globs(List<Glob> globs) {
        this.globs = globs.toArray(new Glob[0]);
    }

    public static Globs of(List<Glob> globs) {
        return globs.isEmpty() ? NONE : new Globs(globs);
    }

    public static Globs parse(List<String> texts) {
        return of(texts.stream().map(Glob::new).toList());
    }

    public static Globs none() {
        return NONE;
    }

    public boolean matches(String repoPath) {
        for (int i = globs.length - 1; i >= 0; i--) {
            if (globs[i].matches(repoPath)) {
                return !globs[i].negated();
            }
        }
        return false;
    }

    public List<Glob> list() {
        return List.of(globs);
    }
}
