package dev.leakgate.archive;

import java.util.List;
import java.util.Locale;

/**
 * Where a file inside an archive is shown: the archive's own path, then one {@code !} per archive
 * level ({@code archive.tgz!dir/.env}, {@code a.zip!inner.tar.gz!x/.env}), as gitleaks and Nosey
 * Parker name them. A level is a name inside the archive; an empty one is the content of a
 * single compressed file (gzip, xz, ...), named after it without its suffix
 * ({@code config.env.gz!config.env}): reading it is path-independent, the name is given once the
 * archive's path is known.
 */
public final class ArchivePath {
    public static final char SEPARATOR = '!';

    private static final String[][] SUFFIXES = {
        {".tgz", ".tar"}, {".taz", ".tar"}, {".tbz2", ".tar"}, {".tbz", ".tar"}, {".txz", ".tar"},
        {".tzst", ".tar"}, {".tlz4", ".tar"}, {".gz", ""}, {".xz", ""}, {".bz2", ""}, {".zst", ""},
        {".zstd", ""}, {".lz4", ""}, {".z", ""}, {".gzip", ""},
    };

    private ArchivePath() {
    }

    /** {@code outer} followed by each level, '!' between them. */
    public static String render(String outer, List<String> levels) {
        return join(outer, levels, SEPARATOR);
    }

    /**
     * The same place with each archive as a folder ({@code vendor/lib.jar/META-INF/x}): what
     * folder patterns such as {@code **&#47;testdata/**} are matched against as well.
     */
    public static String asFolders(String outer, List<String> levels) {
        return join(outer, levels, '/');
    }

    private static String join(String outer, List<String> levels, char sep) {
        StringBuilder sb = new StringBuilder(outer);
        String previous = outer;
        for (String level : levels) {
            String name = level.isEmpty() ? decompressedName(previous) : level;
            sb.append(sep).append(name);
            previous = name;
        }
        return sb.toString();
    }

    /** The name of what a compressed file holds: its own name without the compression suffix. */
    static String decompressedName(String compressed) {
        String base = compressed.substring(compressed.lastIndexOf('/') + 1);
        String lower = base.toLowerCase(Locale.ROOT);
        for (String[] s : SUFFIXES) {
            if (lower.endsWith(s[0]) && lower.length() > s[0].length()) {
                return base.substring(0, base.length() - s[0].length()) + s[1];
            }
        }
        return base;
    }
}
