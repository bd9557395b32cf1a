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

    /** The one line a missing object deserves: which one, and the usual cause. */
    public static SourceException missing(AnyObjectId id, String what) {
        return new SourceException("git object " + id.name() + " (" + what + ") is missing or unreadable;"
                + " if this is a shallow or partial clone, fetch the full history (git fetch --unshallow,"
                + " or fetch-depth: 0 in CI)");
    }

    public static SourceException unreadable(AnyObjectId id, String what, IOException e) {
        if (e instanceof MissingObjectException) {
            return missing(id, what);
        }
        return new SourceException("cannot read git object " + (id == null ? "" : id.name() + " ") + "(" + what + "): "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
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
