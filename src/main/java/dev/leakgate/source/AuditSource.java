package dev.leakgate.source;

import dev.leakgate.report.ScanStats;
import dev.leakgate.report.Skip;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.ReflogEntry;
import org.eclipse.jgit.lib.ReflogReader;
import org.eclipse.jgit.lib.Repository;

/**
 * Everything reachable from every ref (branches, tags, remote-tracking refs, the stash and its
 * older entries, the HEAD of every worktree), with each unique blob scanned once, and every
 * commit and annotated-tag message.
 *
 * <p>Phase 1 reads every object of every pack once, as {@code git index-pack} resolves deltas
 * (see {@link PackReader}), on every core: blobs get the path-independent check, commits and tags
 * are parsed and their messages checked; then the trees, each parsed once into what provenance
 * needs ({@link TreeInfo}): subtrees, file names, and the few entries that need a path. JGit's
 * reader serves only what no pack holds (loose objects, alternates). Phase 2 walks history in
 * memory, no object read: each (tree, folder) once, to attach provenance to the blobs with matches
 * and to find the blobs under the secrets paths, whose whole content the envelope checks need. A
 * reachable blob phase 1 did not read is read then, so coverage never depends on packing. Phase 3
 * hands each (path, blob) of interest to the sink, each target carrying the commit that first
 * introduced that blob at that path.
 */
public final class AuditSource {
    /** The path-independent check of phase 1: true when the content has matches worth a path. */
    @FunctionalInterface
    public interface BlobCheck {
        boolean matches(String blobId, byte[] content, int length);

        /**
         * As {@link #matches}, for a blob that may be another's content changed by a delta (git
         * packs most versions of a file so): {@code copies} are the delta's (offset here, offset in
         * the base, length) triples (null when the blob was read whole, or is scanned as other bytes
         * than it is stored: a BOM'd text decoded), {@code baseMemo} what this method returned for
         * the base (null when there is none). {@code memo} says whether deltas are based on this blob: then
         * the returned {@link Verdict#memo} is handed to them.
         */
        default Verdict check(String blobId, byte[] content, int length, int[] copies, Object baseMemo, boolean memo) {
            return new Verdict(matches(blobId, content, length), null);
        }
    }

    /** What {@link BlobCheck#check} found: whether there are matches, and what deltas on the blob may reuse. */
    public record Verdict(boolean matches, Object memo) {
    }

    private static final byte SEEN = 1;
    private static final byte INTERESTING = 2;

    private final Repository repo;
    private final long maxSize;
    private final Predicate<String> secretsPath;
    private final boolean progress;
    private final int threads;

    private ObjectTable table = new ObjectTable(16);
    /** Per object: {@link #SEEN}, {@link #INTERESTING}. */
    private byte[] flags = new byte[16];
    /** Per object: {@link CommitInfo}, {@link TreeInfo}, {@link TagInfo} once read. */
    private Object[] info = new Object[16];
    private byte[] types = new byte[16];
    private final NameTable names = new NameTable();
    private final TreeInfo.Lists lists = new TreeInfo.Lists();

    /** Per blob of interest: paths in order of first introduction, each with its first commit. */
    private final Map<ObjectId, Map<String, String>> introductions = new LinkedHashMap<>();
    private final Map<ObjectId, int[]> commitsHolding = new HashMap<>();
    private final List<Target> messages = new ArrayList<>();
    private final Set<String> submodules = new HashSet<>();

    public AuditSource(Repository repo, long maxSize, Predicate<String> secretsPath, boolean progress) {
        this.repo = repo;
        this.maxSize = maxSize;
        this.secretsPath = secretsPath;
        this.progress = progress;
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Runs all phases; the sink is called from this thread only. */
    public void run(BlobCheck check, Source.TargetSink sink, ScanStats stats) {
        if (GitRepos.isShallow(repo)) {
            throw new SourceException("this is a shallow clone: the history below its cut is not here to audit;"
                    + " fetch the full history (git fetch --unshallow, or fetch-depth: 0 in CI)");
        }
        long t0 = System.nanoTime();
        long t1;
        long t2;
        try (Progress p = progress ? Progress.onTerminal() : Progress.NONE;
                ObjectReader reader = repo.newObjectReader()) {
            readPacks(check, stats, p);
            t1 = System.nanoTime();
            new History(reader, check, stats, p).walk();
            t2 = System.nanoTime();
        }
        emit(sink);
        if (Boolean.getBoolean("leakgate.timing")) {
            long sinceStart = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.printf("leakgate audit: JVM start to audit %d ms, read+scan %d ms, history %d ms, findings %d ms%n",
                    sinceStart - (System.nanoTime() - t0) / 1_000_000,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        }
    }

    /** How many commits hold this blob (at any path); 0 when it is reachable only from a tag. */
    public int commitsHolding(String blobId) {
        int[] n = commitsHolding.get(ObjectId.fromString(blobId));
        return n == null ? 0 : n[0];
    }

    // ---- what phase 1 keeps of commits and tags ---------------------------------------------

    /** A commit's tree and parents, as table indexes (-1: not in the table yet, id kept aside). */
    private static final class CommitInfo {
        int tree;
        ObjectId treeId;
        int[] parents;
        ObjectId[] parentIds;
    }

    private static final class TagInfo {
        int object;
        ObjectId objectId;
        String name;
    }

    private CommitInfo parseCommit(byte[] raw, ObjectId id) throws IOException {
        CommitInfo c = new CommitInfo();
        int p = 0;
        byte[] bin = new byte[20];
        if (!startsWith(raw, p, "tree ")) {
            throw new org.eclipse.jgit.errors.CorruptObjectException(id, "no tree line");
        }
        c.tree = hex(raw, p + 5, bin, id);
        c.treeId = c.tree < 0 ? ObjectId.fromRaw(bin) : null;
        p += 46;
        List<Integer> parents = new ArrayList<>(2);
        List<ObjectId> parentIds = new ArrayList<>(2);
        while (startsWith(raw, p, "parent ")) {
            int at = hex(raw, p + 7, bin, id);
            parents.add(at);
            parentIds.add(at < 0 ? ObjectId.fromRaw(bin) : null);
            p += 48;
        }
        c.parents = parents.stream().mapToInt(Integer::intValue).toArray();
        c.parentIds = parentIds.toArray(ObjectId[]::new);
        return c;
    }

    private TagInfo parseTag(byte[] raw, ObjectId id) throws IOException {
        TagInfo t = new TagInfo();
        byte[] bin = new byte[20];
        if (!startsWith(raw, 0, "object ")) {
            throw new org.eclipse.jgit.errors.CorruptObjectException(id, "no object line");
        }
        t.object = hex(raw, 7, bin, id);
        t.objectId = ObjectId.fromRaw(bin);
        int p = 48;
        while (p < raw.length && raw[p] != '\n') {
            int eol = p;
            while (eol < raw.length && raw[eol] != '\n') {
                eol++;
            }
            if (startsWith(raw, p, "tag ")) {
                t.name = new String(raw, p + 4, eol - p - 4, java.nio.charset.StandardCharsets.UTF_8);
            }
            p = eol + 1;
        }
        if (t.name == null) {
            t.name = id.name();
        }
        return t;
    }

    private static boolean startsWith(byte[] raw, int p, String s) {
        if (p + s.length() > raw.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (raw[p + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Parses 40 hex digits at p into {@code bin}; returns the table index, or -1. */
    private int hex(byte[] raw, int p, byte[] bin, ObjectId id) throws IOException {
        if (p + 40 > raw.length) {
            throw new org.eclipse.jgit.errors.CorruptObjectException(id, "truncated object id");
        }
        for (int i = 0; i < 20; i++) {
            int hi = Character.digit(raw[p + 2 * i], 16);
            int lo = Character.digit(raw[p + 2 * i + 1], 16);
            if (hi < 0 || lo < 0) {
                throw new org.eclipse.jgit.errors.CorruptObjectException(id, "bad object id");
            }
            bin[i] = (byte) (hi << 4 | lo);
        }
        return table.find(bin, 0);
    }

    // ---- phase 1 ----------------------------------------------------------------------------

    private record Job(PackLayout layout, int[] global, FileChannel channel, long length) {
    }

    /** What one thread needs to read objects: its reader and its view of the name table. */
    private final class Worker implements PackReader.Visitor, AutoCloseable {
        final ObjectReader reader = repo.newObjectReader();
        final PackReader packs = new PackReader(reader, maxSize);
        final TreeInfo.Parser trees = new TreeInfo.Parser(table, names.local(), lists, AuditSource.this::blobState);
        final BlobCheck check;
        final ScanStats stats;
        final Progress progress;
        int[] global;

        Worker(BlobCheck check, ScanStats stats, Progress progress) {
            this.check = check;
            this.stats = stats;
            this.progress = progress;
        }

        @Override
        public void accept(int type, int index, byte[] content, byte[] base, long size, long packed) throws IOException {
            accept(type, index, content, base, null, null, false, size, packed);
        }

        @Override
        public Object accept(int type, int index, byte[] content, byte[] base, byte[] delta, Object baseMemo,
                boolean isBase, long size, long packed) throws IOException {
            Object memo = handle(global[index], type, content, base, delta, baseMemo, isBase, this);
            progress.advance(packed);
            return memo;
        }

        @Override
        public void close() {
            packs.close();
            reader.close();
        }
    }

    /**
     * Keeps what an object read holds for the audit: the check's verdict, a commit's parents, a
     * tree's entries. Returns what the check keeps of a blob for the deltas on it.
     */
    private Object handle(int g, int type, byte[] content, byte[] base, byte[] delta, Object baseMemo, boolean isBase,
            Worker w) throws IOException {
        types[g] = (byte) type;
        Object memo = null;
        switch (type) {
            case Constants.OBJ_BLOB -> {
                if (content == null) {
                    w.stats.skippedLarge("blob " + table.id(g).name());
                } else {
                    byte[] text = Content.forRules(content); // binary too; content may be a delta base: not changed
                    w.stats.scanned(text.length);
                    // what the check kept of the base applies only where both are scanned as stored (no BOM decoded)
                    boolean asStored = text == content;
                    int[] copies = asStored && delta != null && baseMemo != null ? DeltaCopies.of(delta, text.length) : null;
                    Verdict v = w.check.check(table.id(g).name(), text, text.length, copies, baseMemo, isBase && asStored);
                    if (v.matches()) {
                        flags[g] |= INTERESTING;
                    }
                    memo = v.memo();
                }
            }
            case Constants.OBJ_COMMIT -> {
                ObjectId id = table.id(g);
                info[g] = parseCommit(content, id);
                message(g, content, w);
            }
            case Constants.OBJ_TAG -> {
                ObjectId id = table.id(g);
                info[g] = parseTag(content, id);
                message(g, content, w);
            }
            case Constants.OBJ_TREE -> info[g] = w.trees.parse(content, base);
            default -> throw new org.eclipse.jgit.errors.CorruptObjectException(table.id(g), "unknown type " + type);
        }
        flags[g] |= SEEN;
        return memo;
    }

    private void message(int g, byte[] raw, Worker w) {
        byte[] message = Messages.of(raw);
        if (message.length > 0) {
            w.stats.scanned(message.length);
            if (w.check.matches(table.id(g).name(), message, message.length)) {
                flags[g] |= INTERESTING;
            }
        }
    }

    /** For {@link TreeInfo}: 1 read with matches, 0 read without, -1 not read by phase 1. */
    private int blobState(int g) {
        byte f = flags[g];
        return (f & SEEN) == 0 || types[g] != Constants.OBJ_BLOB ? -1 : (f & INTERESTING) != 0 ? 1 : 0;
    }

    private void ensureCapacity(int n) {
        if (n > flags.length) {
            int cap = Math.max(n, flags.length * 2);
            flags = Arrays.copyOf(flags, cap);
            types = Arrays.copyOf(types, cap);
            info = Arrays.copyOf(info, cap);
        }
    }

    private void readPacks(BlobCheck check, ScanStats stats, Progress p) {
        List<Pack> packs = new ArrayList<>();
        if (repo.getObjectDatabase() instanceof ObjectDirectory od) {
            packs.addAll(od.getPacks());
        }
        List<PackLayout> layouts = new ArrayList<>();
        List<ObjectId> unlaid = new ArrayList<>();
        for (Pack pack : packs) {
            try {
                layouts.add(PackLayout.read(pack.getPackFile(), pack.getIndex()));
            } catch (IOException | RuntimeException e) {
                // a pack whose headers do not read as expected: JGit reads its objects one by one and says what is wrong
                try {
                    for (PackIndex.MutableEntry m : pack) {
                        unlaid.add(m.toObjectId());
                    }
                } catch (RuntimeException e2) {
                    throw new SourceException("repository corrupt: cannot read pack index " + pack.getPackFile().getName()
                            + ": " + e2.getMessage() + " (run git fsck)");
                }
            }
        }
        layouts.addAll(alternatePacks());
        int total = unlaid.size();
        for (PackLayout l : layouts) {
            total += l.count;
        }
        table = new ObjectTable(total);
        List<Job> jobs = new ArrayList<>();
        List<FileChannel> channels = new ArrayList<>();
        try {
            long bytes = 0;
            for (PackLayout l : layouts) {
                int[] global = new int[l.count];
                for (int i = 0; i < l.count; i++) {
                    global[i] = table.add(l.id[i]);
                }
                FileChannel ch = FileChannel.open(l.file.toPath(), StandardOpenOption.READ);
                channels.add(ch);
                long length = ch.size();
                jobs.add(new Job(l, global, ch, length));
                for (int i = 0; i < l.count; i++) {
                    bytes += l.compressedLength(i, length);
                }
            }
            int[] unlaidGlobal = new int[unlaid.size()];
            for (int i = 0; i < unlaid.size(); i++) {
                unlaidGlobal[i] = table.add(unlaid.get(i));
            }
            ensureCapacity(table.size() + 1024);
            p.phase("reading packs", bytes, true);
            // Trees last: parsing one needs the verdict on every blob it names.
            runRoots(jobs, false, check, stats, p);
            readUnlaid(unlaidGlobal, false, check, stats, p);
            runRoots(jobs, true, check, stats, p);
            readUnlaid(unlaidGlobal, true, check, stats, p);
        } catch (IOException e) {
            throw GitRepos.unreadable(repo, null, "a pack", e);
        } finally {
            for (FileChannel ch : channels) {
                try {
                    ch.close();
                } catch (IOException e) {
                    // read-only: nothing was lost
                }
            }
        }
    }

    /**
     * The packs of the repository's alternates ({@code objects/info/alternates}, as a clone made
     * with {@code --shared} or {@code --reference} has), read like its own: otherwise every object
     * there would be read one by one through JGit in phase 2. A pack that does not lay out is left
     * to that path, which reads alternates too.
     */
    private List<PackLayout> alternatePacks() {
        List<PackLayout> out = new ArrayList<>();
        java.io.File own = repo.getObjectDatabase() instanceof ObjectDirectory od ? od.getDirectory() : null;
        if (own == null) {
            return out;
        }
        Set<java.nio.file.Path> seen = new HashSet<>();
        java.util.ArrayDeque<java.nio.file.Path> dirs = new java.util.ArrayDeque<>();
        seen.add(own.toPath().toAbsolutePath().normalize());
        dirs.add(own.toPath());
        while (!dirs.isEmpty() && seen.size() < 64) {
            java.nio.file.Path objects = dirs.poll();
            java.nio.file.Path list = objects.resolve("info").resolve("alternates");
            if (!java.nio.file.Files.isRegularFile(list)) {
                continue;
            }
            List<String> lines;
            try {
                lines = java.nio.file.Files.readAllLines(list);
            } catch (IOException e) {
                continue; // JGit reads it too, and fails or not on its own terms
            }
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                java.nio.file.Path alt = objects.resolve(line.trim()).toAbsolutePath().normalize();
                if (!seen.add(alt)) {
                    continue;
                }
                dirs.add(alt);
                java.io.File[] idx = alt.resolve("pack").toFile().listFiles((d, n) -> n.endsWith(".idx"));
                for (java.io.File i : idx == null ? new java.io.File[0] : idx) {
                    java.io.File pack = new java.io.File(i.getParentFile(), i.getName().replaceAll("\\.idx$", ".pack"));
                    try {
                        out.add(PackLayout.read(pack, PackIndex.open(i)));
                    } catch (IOException | RuntimeException e) {
                        // left to phase 2, object by object
                    }
                }
            }
        }
        return out;
    }

    /** Reads every delta tree whose root is (or is not) a tree, on every core. */
    private void runRoots(List<Job> jobs, boolean trees, BlobCheck check, ScanStats stats, Progress p) {
        List<long[]> units = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            PackLayout l = jobs.get(j).layout;
            for (int i = 0; i < l.count; i++) {
                if (l.base[i] < 0 && (l.type[i] == Constants.OBJ_TREE) == trees) {
                    units.add(new long[] {j, i});
                }
            }
        }
        AtomicInteger next = new AtomicInteger();
        // A delta tree can be most of a pack (every version of a large folder's tree, of a much-edited
        // file): its parts are handed to a thread that has run out of roots, so no core waits on one.
        java.util.concurrent.ConcurrentLinkedDeque<long[]> handed = new java.util.concurrent.ConcurrentLinkedDeque<>();
        Map<Long, PackReader.Held> bases = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicLong handedIds = new java.util.concurrent.atomic.AtomicLong();
        AtomicInteger idle = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "leakgate-audit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                futures.add(pool.submit(() -> {
                    long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    long wall0 = System.nanoTime();
                    try (Worker worker = new Worker(check, stats, p)) {
                        int[] job = {0};
                        worker.packs.splitter((index, base) -> {
                            if (idle.get() == 0 || handed.size() >= threads) {
                                return false;
                            }
                            long id = handedIds.incrementAndGet();
                            bases.put(id, base);
                            handed.add(new long[] {job[0], index, id});
                            return true;
                        });
                        boolean waiting = false;
                        try {
                            while (!stop.get()) {
                                long[] task = handed.poll();
                                int u = task != null ? -1 : next.getAndIncrement();
                                if (task == null && u >= units.size()) {
                                    if (!waiting) {
                                        idle.incrementAndGet();
                                        waiting = true;
                                    }
                                    if (idle.get() == threads && handed.isEmpty()) {
                                        break;
                                    }
                                    Thread.sleep(1);
                                    continue;
                                }
                                if (waiting) {
                                    idle.decrementAndGet();
                                    waiting = false;
                                }
                                Job j = jobs.get(job[0] = (int) (task != null ? task[0] : units.get(u)[0]));
                                worker.global = j.global;
                                if (task != null) {
                                    worker.packs.readFrom(j.layout, j.channel, j.length, (int) task[1], bases.remove(task[2]), worker);
                                } else {
                                    worker.packs.readTree(j.layout, j.channel, j.length, (int) units.get(u)[1], worker);
                                }
                            }
                        } catch (Throwable t) {
                            stop.set(true); // the others stop too: the run fails with this one's error
                            throw t;
                        } finally {
                            if (!waiting) {
                                idle.incrementAndGet(); // gone: no one waits for this thread to hand work over
                            }
                        }
                    }
                    if (Boolean.getBoolean("leakgate.timing")) {
                        System.err.printf("leakgate audit: %s thread: %d ms cpu in %d ms%n", trees ? "trees" : "objects",
                                (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1_000_000,
                                (System.nanoTime() - wall0) / 1_000_000);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                join(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Objects of packs whose headers did not read: through JGit, one by one. */
    private void readUnlaid(int[] unlaid, boolean trees, BlobCheck check, ScanStats stats, Progress p) throws IOException {
        if (unlaid.length == 0) {
            return;
        }
        try (Worker w = new Worker(check, stats, p)) {
            for (int g : unlaid) {
                ObjectLoader l = w.reader.open(table.id(g));
                if ((l.getType() == Constants.OBJ_TREE) == trees) {
                    read(g, l, w);
                }
            }
        }
    }

    /** One object through JGit (not in a pack phase 1 could lay out): read and handled as phase 1 would. */
    private void read(int g, ObjectLoader l, Worker w) throws IOException {
        int type = l.getType();
        if (type == Constants.OBJ_BLOB && l.getSize() > maxSize) {
            handle(g, type, null, null, null, null, false, w);
            return;
        }
        byte[] content;
        try {
            content = l.getCachedBytes(Integer.MAX_VALUE);
        } catch (LargeObjectException e) {
            throw GitRepos.tooLarge(table.id(g), Constants.typeString(type), e);
        }
        handle(g, type, content, null, null, null, false, w);
    }

    private void join(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            if (c instanceof IOException io) {
                throw GitRepos.unreadable(repo, null, "a pack", io);
            }
            throw new SourceException("audit failed: " + c.getClass().getSimpleName() + ": " + c.getMessage());
        }
    }

    // ---- phase 2 ----------------------------------------------------------------------------

    /** Something a (tree, folder) holds that needs its path: a blob with matches, or under a secrets path. */
    private record Entry(String path, ObjectId blob) {
    }

    private static final Entry[] NO_ENTRIES = new Entry[0];

    /** History, walked in memory from what phase 1 kept; JGit reads only what no pack held. */
    private final class History {
        private final ObjectReader reader;
        private final Worker late;
        private final Progress progress;
        /** Folders: index → path ("" for the top, else ending in '/'), and (folder, name) → index. */
        private final List<String> dirs = new ArrayList<>(List.of(""));
        private final Map<Long, Integer> dirIndex = new HashMap<>();
        private final Map<Long, Entry[]> summaries = new HashMap<>();
        /** Per (folder, interned file-name list): the positions in the list that are secrets paths. */
        private final Map<Long, Map<int[], int[]>> secretsByList = new HashMap<>();
        private final Map<Long, Boolean> secretsByName = new HashMap<>();

        History(ObjectReader reader, BlobCheck check, ScanStats stats, Progress progress) {
            this.reader = reader;
            this.late = new Worker(check, stats, Progress.NONE);
            this.progress = progress;
        }

        void walk() {
            try {
                walkOrFail();
            } catch (MissingObjectException e) {
                throw GitRepos.missing(repo, e.getObjectId(), "in history");
            } catch (IOException e) {
                throw GitRepos.unreadable(repo, null, "history", e);
            } finally {
                late.close();
            }
        }

        private void walkOrFail() throws IOException {
            List<Integer> starts = new ArrayList<>();
            List<Integer> looseTrees = new ArrayList<>();
            List<Object[]> looseBlobs = new ArrayList<>();
            for (Map.Entry<String, ObjectId> tip : tips().entrySet()) {
                int g = known(tip.getValue(), "reachable from " + tip.getKey());
                int hops = 0;
                while (types[g] == Constants.OBJ_TAG) {
                    TagInfo t = (TagInfo) info[g];
                    messageTarget(g, Messages.path(t.name), null);
                    g = known(t.object >= 0 ? table.id(t.object) : t.objectId, "tagged by " + t.name);
                    if (++hops > 1000) {
                        throw new SourceException("repository corrupt: tag " + tip.getKey() + " loops");
                    }
                }
                switch (types[g]) {
                    case Constants.OBJ_COMMIT -> starts.add(g);
                    case Constants.OBJ_TREE -> looseTrees.add(g);
                    case Constants.OBJ_BLOB -> looseBlobs.add(new Object[] {tip.getKey(), g});
                    default -> { }
                }
            }
            int[] order = topoOrder(starts);
            progress.phase("history", order.length, false);
            int index = 0;
            for (int c : order) {
                CommitInfo ci = (CommitInfo) info[c];
                String name = table.id(c).name();
                messageTarget(c, Messages.path(name), name);
                int tree = ci.tree >= 0 ? ci.tree : known(ci.treeId, "tree of commit " + name);
                record(summary(tree, 0), name, ++index);
                progress.advance(1);
            }
            for (int t : looseTrees) {
                record(summary(t, 0), null, -1);
            }
            for (Object[] b : looseBlobs) {
                int g = (Integer) b[1];
                if ((flags[g] & INTERESTING) != 0) {
                    introductions.computeIfAbsent(table.id(g), k -> new LinkedHashMap<>()).putIfAbsent((String) b[0], null);
                }
            }
        }

        /** The table index of {@code id}, read through JGit if phase 1 did not read it (a loose object). */
        private int known(ObjectId id, String what) throws IOException {
            int g = table.add(id);
            ensureCapacity(table.size());
            if ((flags[g] & SEEN) == 0) {
                ObjectLoader l;
                try {
                    l = reader.open(id);
                } catch (MissingObjectException e) {
                    throw GitRepos.missing(repo, id, what);
                }
                read(g, l, late);
            }
            return g;
        }

        /** Commits reachable from {@code starts}, every parent before its children. */
        private int[] topoOrder(List<Integer> starts) throws IOException {
            List<Integer> out = new ArrayList<>();
            Set<Integer> done = new HashSet<>();
            Set<Integer> onStack = new HashSet<>();
            ArrayList<int[]> stack = new ArrayList<>(); // {commit, next parent}
            for (int s : starts) {
                if (done.contains(s)) {
                    continue;
                }
                stack.add(new int[] {s, 0});
                onStack.add(s);
                while (!stack.isEmpty()) {
                    int[] top = stack.get(stack.size() - 1);
                    CommitInfo ci = (CommitInfo) info[top[0]];
                    if (top[1] < ci.parents.length) {
                        int k = top[1]++;
                        int parent = ci.parents[k];
                        if (parent < 0) {
                            parent = known(ci.parentIds[k], "parent of commit " + table.id(top[0]).name());
                            ci.parents[k] = parent;
                        } else if ((flags[parent] & SEEN) == 0) {
                            parent = known(table.id(parent), "parent of commit " + table.id(top[0]).name());
                        }
                        if (types[parent] != Constants.OBJ_COMMIT) {
                            throw new SourceException("repository corrupt: parent " + table.id(parent).name() + " of commit "
                                    + table.id(top[0]).name() + " is not a commit (run git fsck)");
                        }
                        if (!done.contains(parent) && onStack.add(parent)) {
                            stack.add(new int[] {parent, 0});
                        }
                    } else {
                        stack.remove(stack.size() - 1);
                        onStack.remove(top[0]);
                        if (done.add(top[0])) {
                            out.add(top[0]);
                        }
                    }
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        private void messageTarget(int g, String path, String commit) throws IOException {
            if ((flags[g] & INTERESTING) == 0) {
                return;
            }
            flags[g] &= ~INTERESTING; // one target per message, however many refs reach it
            byte[] raw = reader.open(table.id(g)).getCachedBytes(Integer.MAX_VALUE);
            messages.add(new Target(path, Messages.of(raw), commit, null, table.id(g).name()));
        }

        private String dir(int d) {
            return dirs.get(d);
        }

        private int child(int dir, int name) {
            long key = (long) dir << 32 | name;
            Integer d = dirIndex.get(key);
            if (d == null) {
                d = dirs.size();
                dirs.add(dir(dir) + names.name(name) + "/");
                dirIndex.put(key, d);
            }
            return d;
        }

        /** What a tree holds that needs a path, as it sits in folder {@code dir}: computed once per (tree, folder). */
        private Entry[] summary(int tree, int dir) throws IOException {
            long key = (long) tree << 32 | dir;
            Entry[] cached = summaries.get(key);
            if (cached != null) {
                return cached;
            }
            if (types[tree] != Constants.OBJ_TREE || !(info[tree] instanceof TreeInfo)) {
                tree = known(table.id(tree), "tree in " + (dir == 0 ? "the top folder" : dir(dir)));
                if (types[tree] != Constants.OBJ_TREE) {
                    throw new SourceException("repository corrupt: " + table.id(tree).name() + " is not a tree (run git fsck)");
                }
            }
            TreeInfo t = (TreeInfo) info[tree];
            List<Entry> out = null;
            for (int k = 0; k < t.specialCount(); k++) {
                String path = dir(dir) + names.name(t.specialNames[k]);
                switch (t.specialKinds[k]) {
                    case TreeInfo.INTERESTING -> out = add(out, new Entry(path, table.id(t.specialObjects[k])));
                    case TreeInfo.UNSEEN -> {
                        int g = known(t.specialExtra[k], "blob " + path);
                        if ((flags[g] & INTERESTING) != 0) {
                            out = add(out, new Entry(path, table.id(g)));
                        }
                    }
                    case TreeInfo.GITLINK -> {
                        if (submodules.add(path)) {
                            late.stats.skipped(path, Skip.Reason.SUBMODULE);
                        }
                    }
                    default -> { }
                }
            }
            int[] secret = secretPositions(dir, t.blobNames);
            if (secret.length > 0) {
                out = secretEntries(tree, dir, t.blobNames, secret, out);
            }
            for (int k = 0; k < t.subTrees.length; k++) {
                int sub = t.subTrees[k];
                if (sub < 0) {
                    sub = known(t.subExtra[k], "tree " + dir(dir) + names.name(t.subNames[k]));
                    t.subTrees[k] = sub;
                }
                Entry[] below = summary(sub, child(dir, t.subNames[k]));
                if (below.length > 0) {
                    if (out == null) {
                        out = new ArrayList<>(below.length);
                    }
                    out.addAll(Arrays.asList(below));
                }
            }
            Entry[] result = out == null ? NO_ENTRIES : out.toArray(Entry[]::new);
            summaries.put(key, result);
            return result;
        }

        private List<Entry> add(List<Entry> out, Entry e) {
            List<Entry> l = out == null ? new ArrayList<>() : out;
            l.add(e);
            return l;
        }

        /** Which of these file names, in this folder, are secrets paths: each (folder, name) asked once. */
        private int[] secretPositions(int dir, int[] blobNames) {
            if (blobNames.length == 0) {
                return blobNames;
            }
            Map<int[], int[]> byList = secretsByList.computeIfAbsent((long) dir, k -> new java.util.IdentityHashMap<>());
            int[] known = byList.get(blobNames);
            if (known != null) {
                return known;
            }
            int[] positions = new int[blobNames.length];
            int n = 0;
            for (int i = 0; i < blobNames.length; i++) {
                long key = (long) dir << 32 | blobNames[i];
                Boolean s = secretsByName.get(key);
                if (s == null) {
                    s = secretsPath.test(dir(dir) + names.name(blobNames[i]));
                    secretsByName.put(key, s);
                }
                if (s) {
                    positions[n++] = i;
                }
            }
            int[] result = Arrays.copyOf(positions, n);
            byList.put(blobNames, result);
            return result;
        }

        /** The blobs at the secrets paths of one tree: the only trees read twice (through JGit, by id). */
        private List<Entry> secretEntries(int tree, int dir, int[] blobNames, int[] positions, List<Entry> out) throws IOException {
            byte[] raw = reader.open(table.id(tree), Constants.OBJ_TREE).getCachedBytes(Integer.MAX_VALUE);
            int blob = 0;
            int want = 0;
            int p = 0;
            while (p < raw.length && want < positions.length) {
                int sp = p;
                while (raw[sp] != ' ') {
                    sp++;
                }
                int mode = Integer.parseInt(new String(raw, p, sp - p, java.nio.charset.StandardCharsets.US_ASCII), 8);
                int nul = sp + 1;
                while (raw[nul] != 0) {
                    nul++;
                }
                int kind = mode & 0170000;
                if (kind == 0100000 || kind == 0120000) {
                    if (blob == positions[want]) {
                        ObjectId id = ObjectId.fromRaw(raw, nul + 1);
                        String path = dir(dir) + names.name(blobNames[blob]);
                        int g = known(id, "blob " + path);
                        out = add(out, new Entry(path, table.id(g)));
                        want++;
                    }
                    blob++;
                }
                p = nul + 21;
            }
            return out;
        }

        private void record(Entry[] entries, String commit, int commitIndex) {
            for (Entry e : entries) {
                introductions.computeIfAbsent(e.blob, k -> new LinkedHashMap<>()).putIfAbsent(e.path, commit);
                if (commitIndex > 0) {
                    int[] n = commitsHolding.computeIfAbsent(e.blob, k -> new int[2]);
                    if (n[1] != commitIndex) { // a blob at two paths of one commit counts once
                        n[1] = commitIndex;
                        n[0]++;
                    }
                }
            }
        }
    }

    /** Every ref, the HEAD of every worktree, and the older stash entries (kept only in the stash's reflog). */
    private Map<String, ObjectId> tips() throws IOException {
        Map<String, ObjectId> tips = new LinkedHashMap<>();
        for (Ref r : repo.getRefDatabase().getRefs()) {
            if (r.getObjectId() != null) {
                tips.putIfAbsent(r.getName(), r.getObjectId());
            }
        }
        Ref head = repo.exactRef(Constants.HEAD);
        if (head != null && head.getObjectId() != null) {
            tips.putIfAbsent(Constants.HEAD, head.getObjectId());
        }
        GitRepos.worktreeHeads(repo).forEach(tips::putIfAbsent);
        ReflogReader stash = repo.getRefDatabase().getReflogReader(Constants.R_STASH);
        if (stash != null) {
            int i = 0;
            for (ReflogEntry e : stash.getReverseEntries()) {
                tips.putIfAbsent("stash@{" + i++ + "}", e.getNewId());
            }
        }
        return tips;
    }

    // ---- phase 3 ----------------------------------------------------------------------------

    private void emit(Source.TargetSink sink) {
        messages.forEach(sink::accept);
        try (ObjectReader reader = repo.newObjectReader()) {
            for (Map.Entry<ObjectId, Map<String, String>> e : introductions.entrySet()) {
                ObjectId id = e.getKey();
                byte[] bytes;
                boolean large;
                try {
                    ObjectLoader l = reader.open(id, Constants.OBJ_BLOB);
                    large = l.getSize() > maxSize;
                    String envelopePath = e.getValue().keySet().stream().filter(secretsPath).findFirst().orElse(null);
                    if (envelopePath != null && l.getSize() > Content.ENVELOPE_MAX_SIZE) {
                        throw Content.tooLargeForEnvelope(envelopePath, l.getSize());
                    }
                    if (large && envelopePath == null) {
                        continue; // counted in phase 1
                    }
                    bytes = Content.forRules(l.getCachedBytes(Integer.MAX_VALUE));
                } catch (LargeObjectException ex) {
                    throw GitRepos.tooLarge(id, "blob", ex);
                } catch (IOException ex) {
                    throw GitRepos.unreadable(repo, id, "blob", ex);
                }
                for (Map.Entry<String, String> at : e.getValue().entrySet()) {
                    if (large && !secretsPath.test(at.getKey())) {
                        continue; // over the limit outside the secrets paths: counted in phase 1
                    }
                    sink.accept(new Target(at.getKey(), bytes, at.getValue(), null, id.name()));
                }
            }
        }
    }
}
