package dev.leakgate.cli;

import dev.leakgate.envelope.SopsCreationRules;
import dev.leakgate.policy.ConfigException;
import dev.leakgate.source.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The .sops.yaml whose creation rules recipient drift is checked against, and where its bytes
 * come from. The git modes read one inside the repository from the version they check (the tree
 * a gate publishes, the index a commit records): the work tree may hold another version (a CI
 * checkout of another commit), or none at all (a bare repository). A .sops.yaml git does not
 * track (kept outside the repository, or ignored in it) exists only on disk and is read there.
 *
 * @param option what named it ("--sops-config", "sopsConfig"), or null for the default .sops.yaml
 * @param file   the file on disk, or null when there is no disk to look at (a bare repository)
 * @param inRoot its '/'-separated path relative to the scanned root, or null when outside it
 */
record SopsConfig(String option, Path file, String inRoot) {
    static final String DEFAULT = ".sops.yaml";

    /** {@code file} as seen from {@code root} (the scanned folder or work tree; null for a bare repository). */
    static SopsConfig at(String option, Path file, Path root) {
        if (root == null) {
            return new SopsConfig(option, file, null);
        }
        Path abs = file.toAbsolutePath().normalize();
        Path top = root.toAbsolutePath().normalize();
        return new SopsConfig(option, file, abs.startsWith(top) ? top.relativize(abs).toString().replace('\\', '/') : null);
    }

    /** The default of a bare repository: the repository's own .sops.yaml, with no disk behind it. */
    static SopsConfig inBareRepository() {
        return new SopsConfig(null, null, DEFAULT);
    }

    /** The same file, for a caller that maps each path relative to the file's folder itself. */
    SopsConfig detached() {
        return new SopsConfig(option, file, null);
    }

    /**
     * The creation rules of the file on disk (scan, envelope), or null when there are none to
     * check against: the default .sops.yaml is optional, a named one is not.
     */
    SopsCreationRules fromFiles() {
        if (file == null || !Files.isRegularFile(file)) {
            if (option == null) {
                return null;
            }
            throw new ConfigException(option + ": " + file + ": no such file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the sops config: " + e.getClass().getSimpleName());
        }
        return parse(bytes, file.toString());
    }

    /**
     * The creation rules as {@code checked} holds them. When it holds none there, but {@code
     * tracked} does, git tracks the file and the version checked dropped it: no creation rules
     * (for a named one, a config error). When neither holds it, git does not track it: read
     * from disk.
     *
     * @param checked the version checked (the tree of --head, the index)
     * @param tracked the version the work tree's files come from (its HEAD; for the index, the
     *                index itself), or null when there is no work tree
     */
    SopsCreationRules fromGit(Snapshot checked, Snapshot tracked) {
        if (inRoot != null) {
            byte[] bytes = checked.file(inRoot);
            if (bytes != null) {
                return parse(bytes, inRoot + " in " + checked.name());
            }
            if (tracked != null && tracked.file(inRoot) != null) {
                if (option == null) {
                    return null;
                }
                throw new ConfigException(option + ": " + inRoot + " is not in " + checked.name());
            }
        }
        return fromFiles();
    }

    /** Whether the file differs between two versions (added or removed included). */
    boolean changed(Snapshot from, Snapshot to) {
        return inRoot != null && !Arrays.equals(from.file(inRoot), to.file(inRoot));
    }

    /** As sops does, a creation rule's path_regex sees paths relative to the folder holding the file. */
    private String dir() {
        int slash = inRoot == null ? -1 : inRoot.lastIndexOf('/');
        return slash < 0 ? "" : inRoot.substring(0, slash);
    }

    private SopsCreationRules parse(byte[] bytes, String where) {
        try {
            return SopsCreationRules.parse(bytes, dir());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }
}
