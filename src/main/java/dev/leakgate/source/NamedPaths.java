package dev.leakgate.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The paths named on a command line, placed: the root whose {@code .leakgate.yaml} and
 * {@code .sops.yaml} apply, and for each path the name it is shown as, which is also the name the
 * policy's globs judge.
 *
 * <p>Inside a git work tree the root is the top of the work tree and every name is
 * repository-relative, as git and gitleaks see it, wherever the command runs from and however
 * the path is spelled ({@code secrets}, {@code ./secrets/}, {@code .} inside {@code secrets/},
 * an absolute path). Outside any work tree there is no such top: see {@link Outside}. Standard
 * input ({@code -}) and what is neither a file nor a folder (a pipe, a device) take no part in
 * finding the root.
 */
public final class NamedPaths {
    /** The command-line spelling of standard input. */
    public static final String STDIN_ARG = "-";
    /** How standard input is shown in reports. */
    public static final String STDIN_SHOWN = "<stdin>";

    /** Where the names come from outside any git work tree. */
    public enum Outside {
        /**
         * A folder is its own root: the files in it are named relative to it, and when it is the
         * only path named, its {@code .leakgate.yaml} applies. A file is named relative to the
         * working folder (the root otherwise).
         */
        FOLDER_IS_ROOT,
        /** Everything is named relative to the working folder, which is the root. */
        WORKING_FOLDER_IS_ROOT
    }

    /**
     * One path as named: {@code file} to read (null for standard input), {@code shown} the name it
     * and (for a folder, as a prefix) everything in it are shown as ("" for a root folder), and
     * {@code given} the spelling on the command line, for messages.
     */
    public record Named(Path file, String shown, String given) {
        public boolean isStdin() {
            return file == null;
        }

        /** The name of {@code relative} (a '/'-separated path) inside this folder. */
        public String child(String relative) {
            return shown.isEmpty() ? relative : shown + "/" + relative;
        }
    }

    private final Path root;
    private final Path workTree;
    private final List<Named> named;

    private NamedPaths(Path root, Path workTree, List<Named> named) {
        this.root = root;
        this.workTree = workTree;
        this.named = List.copyOf(named);
    }

    /** The root: where the config and {@code .sops.yaml} are looked for (an absolute path). */
    public Path root() {
        return root;
    }

    /** The git work tree every named path is in, or null when they are in none. */
    public Path workTree() {
        return workTree;
    }

    public List<Named> list() {
        return named;
    }

    /** Where a shown name is on disk (for a name that is a path), or null for standard input. */
    public Path fileOf(String shown) {
        if (STDIN_SHOWN.equals(shown)) {
            return null;
        }
        Path p = Path.of(shown);
        return p.isAbsolute() ? p : root.resolve(p).normalize();
    }

    /**
     * @throws IllegalArgumentException when the paths lie in different work trees (or some in one
     *         and some in none): no single config or root applies to them
     */
    public static NamedPaths resolve(List<String> args, Outside outside) {
        return resolve(args, Path.of("").toAbsolutePath().normalize(), outside);
    }

    static NamedPaths resolve(List<String> args, Path cwd, Outside outside) {
        List<Path> files = new ArrayList<>();
        Path tree = null;
        Path inTree = null;
        Path inNone = null;
        for (String arg : args) {
            Path file = arg.equals(STDIN_ARG) ? null : cwd.resolve(arg).normalize();
            files.add(file);
            if (file == null || !(Files.isDirectory(file) || Files.isRegularFile(file))) {
                continue; // stdin, a pipe, a device, nothing at all: no repository to find
            }
            Path wt = workTree(Files.isDirectory(file) ? file : file.getParent());
            if (wt == null) {
                inNone = inNone == null ? file : inNone;
            } else if (tree == null) {
                tree = wt;
                inTree = file;
            } else if (!tree.equals(wt)) {
                throw new IllegalArgumentException(inTree + " and " + file + " are in different git work trees ("
                        + tree + ", " + wt + "): scan them one at a time");
            }
        }
        if (tree != null && inNone != null) {
            throw new IllegalArgumentException(inNone + " is outside the git work tree " + tree + " that " + inTree
                    + " is in: scan them one at a time");
        }
        Path root;
        if (tree != null) {
            root = tree;
        } else if (outside == Outside.FOLDER_IS_ROOT && files.size() == 1 && files.get(0) != null
                && Files.isDirectory(files.get(0))) {
            root = files.get(0);
        } else {
            root = cwd;
        }
        List<Named> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Path file = files.get(i);
            String shown;
            if (file == null) {
                shown = STDIN_SHOWN;
            } else if (tree == null && outside == Outside.FOLDER_IS_ROOT && Files.isDirectory(file)) {
                shown = "";
            } else {
                shown = relative(root, file);
            }
            out.add(new Named(file, shown, args.get(i)));
        }
        return new NamedPaths(root, tree, out);
    }

    /** {@code file} relative to {@code root} with '/', or its absolute path when outside it. */
    private static String relative(Path root, Path file) {
        if (!file.startsWith(root)) {
            return file.toString().replace('\\', '/');
        }
        return root.relativize(file).toString().replace('\\', '/');
    }

    /**
     * The top of the git work tree holding {@code dir}: the nearest folder, from {@code dir} up,
     * with a {@code .git} repository (a folder holding HEAD and objects, as git looks for it) or
     * a {@code .git} file (linked work trees, submodules). Null when there is none. No JGit here:
     * loading its repository classes would cost every plain scan tens of milliseconds.
     */
    static Path workTree(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            Path dotGit = p.resolve(".git");
            if (Files.isRegularFile(dotGit)
                    || Files.isRegularFile(dotGit.resolve("HEAD")) && Files.isDirectory(dotGit.resolve("objects"))) {
                return p;
            }
        }
        return null;
    }
}
