package dev.leakgate.source;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Opens repositories for reading, with JGit's start-up costs removed: a system config that
 * JGit would find by running {@code git} in a subprocess is not read (as with
 * {@code GIT_CONFIG_NOSYSTEM}), and the file-timestamp resolution JGit measures on a fresh home
 * directory (seconds of probing on a new CI machine) is not measured: leakgate only reads
 * objects, the index and refs, and never compares working-tree files, so racy-clean detection
 * has nothing to protect.
 */
public final class GitRepos {
    private static volatile boolean configured;

    private GitRepos() {
    }

    /** The repository containing {@code dir} (a work tree, a folder inside one, or a bare repository). */
    public static Repository open(Path dir) {
        configure();
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new SourceException("not a directory: " + dir);
        }
        FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().setMustExist(true);
        b.findGitDir(abs.toFile());
        if (b.getGitDir() == null) {
            // a bare repository is its own git dir
            File f = abs.toFile();
            if (new File(f, "objects").isDirectory() && new File(f, "HEAD").isFile()) {
                b.setGitDir(f);
            } else {
                throw new SourceException("not a git repository: " + dir);
            }
        }
        try {
            return b.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new SourceException("cannot open git repository at " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Loads JGit's message bundle ahead of need, from a second thread while the first opens the
     * repository: JGit 7 loads it when it first registers its shutdown hook, early in every
     * open, and in a cold JVM that costs about 25 ms of the pre-commit check.
     */
    public static void warmUp() {
        org.eclipse.jgit.internal.JGitText.get();
    }

    /** Process-wide JGit settings; idempotent. */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        SystemReader.setInstance(new QuietSystemReader(SystemReader.getInstance()));
        FS.FileStoreAttributes.setBackground(true);
        configured = true;
    }

    /**
     * Caches sized for reading every object once, in pack order: large windows and a large
     * delta-base cache so a chain's base is inflated once, strong references so the garbage
     * collector does not drop windows we are about to reuse.
     */
    public static void configureForBulkReading() {
        configure();
        WindowCacheConfig c = new WindowCacheConfig();
        c.setPackedGitWindowSize(1 << 20);
        c.setPackedGitLimit(256L << 20);
        c.setPackedGitOpenFiles(256);
        c.setPackedGitMMAP(false);
        c.setPackedGitUseStrongRefs(true);
        c.setDeltaBaseCacheLimit(64 << 20);
        c.setStreamFileThreshold(64 << 20);
        c.install();
    }

    /**
     * The one line a missing object deserves: which one, and why it can be missing here. A shallow
     * clone lacks the history below its cut, a partial clone the objects its filter left on the
     * server; in a full clone a missing object means a damaged repository (JGit also reports the
     * objects of a pack it found corrupt as missing).
     */
    public static SourceException missing(Repository repo, AnyObjectId id, String what) {
        String object = "git object " + (id == null ? "" : id.name() + " ") + "(" + what + ") is missing";
        if (isShallow(repo)) {
            return new SourceException(object + ": this is a shallow clone; fetch the full history"
                    + " (git fetch --unshallow, or fetch-depth: 0 in CI)");
        }
        String promisor = promisorRemote(repo);
        if (promisor != null) {
            return new SourceException(object + ": this is a partial clone, which left objects on the server and"
                    + " fetches them on demand (leakgate does not); clone without --filter, or fetch everything"
                    + " (git config --unset remote." + promisor + ".partialclonefilter && git fetch --refetch " + promisor + ")");
        }
        return new SourceException("repository corrupt: " + object + " (run git fsck)");
    }

    /** {@link #missing}, or for any other read failure one line saying what could not be read and why. */
    public static SourceException unreadable(Repository repo, AnyObjectId id, String what, IOException e) {
        if (e instanceof MissingObjectException m) {
            return missing(repo, id == null ? m.getObjectId() : id, what);
        }
        String object = "git object " + (id == null ? "" : id.name() + " ") + "(" + what + ")";
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (isCorruption(e)) {
            return new SourceException("repository corrupt: cannot read " + object + ": " + reason + " (run git fsck)");
        }
        return new SourceException("cannot read " + object + ": " + reason);
    }

    /**
     * A blob within the size limit that could still not be held in memory (JGit's
     * {@code LargeObjectException}, its out-of-memory case included): the run cannot vouch for it,
     * so it fails rather than counting it as skipped.
     */
    public static SourceException tooLarge(AnyObjectId id, String what, org.eclipse.jgit.errors.LargeObjectException e) {
        String why = e instanceof org.eclipse.jgit.errors.LargeObjectException.OutOfMemory
                ? "out of memory (give the JVM more heap, e.g. java -Xmx4g -jar ...)" : "too large to hold in memory";
        return new SourceException("cannot read git object " + (id == null ? "" : id.name() + " ") + "(" + what + "): " + why);
    }

    private static boolean isCorruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jgit.errors.CorruptObjectException
                    || t instanceof org.eclipse.jgit.errors.CorruptPackIndexException
                    || t instanceof org.eclipse.jgit.errors.PackInvalidException
                    || t instanceof org.eclipse.jgit.errors.PackMismatchException
                    || t instanceof java.util.zip.DataFormatException
                    || t instanceof java.util.zip.ZipException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The HEAD of every other worktree of this repository (the main one, each linked one), as
     * {@code git rev-list --all} counts them: a commit on another worktree's detached HEAD is
     * reachable from nothing else.
     */
    public static java.util.Map<String, ObjectId> worktreeHeads(Repository repo) {
        java.util.Map<String, ObjectId> out = new java.util.LinkedHashMap<>();
        File common = repo.getCommonDirectory() == null ? repo.getDirectory() : repo.getCommonDirectory();
        java.util.List<File> gitDirs = new java.util.ArrayList<>();
        gitDirs.add(common);
        File[] linked = new File(common, "worktrees").listFiles(File::isDirectory);
        if (linked != null) {
            java.util.Arrays.sort(linked);
            gitDirs.addAll(java.util.List.of(linked));
        }
        File own = repo.getDirectory().getAbsoluteFile();
        for (File dir : gitDirs) {
            if (dir.getAbsoluteFile().toPath().normalize().equals(own.toPath().normalize())) {
                continue;
            }
            Path head = dir.toPath().resolve(org.eclipse.jgit.lib.Constants.HEAD);
            if (!Files.isRegularFile(head)) {
                continue;
            }
            String name = dir.equals(common) ? "HEAD of the main worktree" : "HEAD of worktree " + dir.getName();
            try {
                String s = Files.readString(head, java.nio.charset.StandardCharsets.UTF_8).trim();
                ObjectId id = null;
                if (s.startsWith("ref: ")) {
                    org.eclipse.jgit.lib.Ref r = repo.exactRef(s.substring(5).trim());
                    id = r == null ? null : r.getObjectId(); // an unborn branch: nothing to read
                } else if (ObjectId.isId(s)) {
                    id = ObjectId.fromString(s);
                } else {
                    throw new SourceException("cannot read " + head + ": not a ref or an object id");
                }
                if (id != null) {
                    out.put(name, id);
                }
            } catch (IOException e) {
                throw new SourceException("cannot read " + head + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** True when the repository is a shallow clone (its history is cut at some commits). */
    public static boolean isShallow(Repository repo) {
        try {
            return repo.getObjectDatabase() instanceof org.eclipse.jgit.internal.storage.file.ObjectDirectory od
                    && !od.getShallowCommits().isEmpty();
        } catch (IOException e) {
            throw new SourceException("cannot read the shallow list of " + repo.getDirectory() + ": " + e.getMessage());
        }
    }

    /** The remote a partial clone fetches missing objects from, or null for a full clone. */
    static String promisorRemote(Repository repo) {
        Config c = repo.getConfig();
        String ext = c.getString("extensions", null, "partialclone");
        if (ext != null) {
            return ext;
        }
        for (String remote : c.getSubsections("remote")) {
            if (c.getBoolean("remote", remote, "promisor", false) || c.getString("remote", remote, "partialclonefilter") != null) {
                return remote;
            }
        }
        return null;
    }

    public static String name(ObjectId id) {
        return id == null ? null : id.name();
    }

    private static final class QuietSystemReader extends SystemReader {
        private final SystemReader delegate;

        QuietSystemReader(SystemReader delegate) {
            this.delegate = delegate;
        }

        @Override
        public String getHostname() {
            return delegate.getHostname();
        }

        @Override
        public String getenv(String variable) {
            return delegate.getenv(variable);
        }

        @Override
        public String getProperty(String key) {
            return delegate.getProperty(key);
        }

        @Override
        public FileBasedConfig openUserConfig(Config parent, FS fs) {
            File file = delegate.openUserConfig(parent, fs).getFile();
            return new FileBasedConfig(parent, file, fs) {
                @Override
                public long getTimeUnit(String section, String subsection, String name, long defaultValue, TimeUnit wantUnit) {
                    if ("filesystem".equals(section)) {
                        // answered here so JGit never measures: see the class comment
                        return wantUnit.convert(FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION.toNanos(), TimeUnit.NANOSECONDS);
                    }
                    return super.getTimeUnit(section, subsection, name, defaultValue, wantUnit);
                }

                @Override
                public void save() {
                    // leakgate never writes the user's configuration
                }
            };
        }

        @Override
        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return empty(parent, fs);
        }

        @Override
        public FileBasedConfig openJGitConfig(Config parent, FS fs) {
            return empty(parent, fs);
        }

        @Override
        public long getCurrentTime() {
            return delegate.getCurrentTime();
        }

        @Override
        public int getTimezone(long when) {
            return delegate.getTimezone(when);
        }

        private static FileBasedConfig empty(Config parent, FS fs) {
            return new FileBasedConfig(parent, null, fs) {
                @Override
                public void load() {
                }

                @Override
                public void save() {
                }

                @Override
                public boolean isOutdated() {
                    return false;
                }
            };
        }
    }
}
