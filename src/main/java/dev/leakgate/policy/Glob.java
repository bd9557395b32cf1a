package dev.leakgate.policy;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * A path glob with gitignore-like anchoring: a glob without '/' matches a file name at any depth
 * ({@code *.lock}), one with '/' matches the repository-relative path ({@code secrets/**}), and a
 * trailing '/' means everything below that folder.
 */
public final class Glob {
    private final String text;
    private final PathMatcher matcher;
    private final boolean nameOnly;

    public Glob(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("empty glob");
        }
        String g = glob.startsWith("/") ? glob.substring(1) : glob;
        if (g.endsWith("/")) {
            g = g + "**";
        }
        this.text = glob;
        this.nameOnly = !glob.contains("/");
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + g);
    }

    public boolean matches(String repoPath) {
        if (repoPath.isEmpty()) {
            return false;
        }
        Path p = Path.of(repoPath);
        if (nameOnly) {
            return p.getFileName() != null && matcher.matches(p.getFileName());
        }
        return matcher.matches(p);
    }

    public String text() {
        return text;
    }

    public static boolean any(List<Glob> globs, String path) {
        for (Glob g : globs) {
            if (g.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
