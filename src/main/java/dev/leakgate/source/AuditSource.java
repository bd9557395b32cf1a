package dev.leakgate.source;

import dev.leakgate.report.ScanStats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectIdSubclassMap;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.ReflogEntry;
import org.eclipse.jgit.lib.ReflogReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevBlob;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Everything reachable from every ref (branches, tags, remote-tracking refs, the stash and its
 * older entries, a detached HEAD), with each unique blob scanned once.
 *
 * <p>Phase 1 reads every object of every pack in pack order (the order git stored them, so
 * delta bases are at hand and reads are sequential), on every core, and runs only the
 * path-independent check; only blobs with matches are remembered. Phase 2 walks history, trees
 * only, to attach provenance to those few blobs (the first commit that introduced each at each
 * path, how many paths and commits hold it) and to find blobs under the secrets paths, whose
 * whole content the envelope checks need. Any reachable blob phase 1 did not see (a loose
 * object, an alternate) is scanned when phase 2 meets it, so coverage never depends on packing.
 * Phase 3 hands each (path, blob) of interest to the sink, each blob's paths in order of
 * introduction, each target carrying the commit that first introduced that blob at that path.
 */
public final class AuditSource {
    /** The path-independent check of phase 1: true when the blob has matches worth a path. */
    @FunctionalInterface
    public interface BlobCheck {
        boolean matches(String blobId, byte[] content, int length);
    }

    private final Repository repo;
    private final long maxSize;
    private final Predicate<String> secretsPath;
    private final boolean progress;
    private final int threads;

    /** Blobs phase 1 read (scanned or skipped): phase 2 scans any other reachable blob itself. */
    private final ObjectIdSubclassMap<ObjectId> seen = new ObjectIdSubclassMap<>();
    private final ObjectIdSubclassMap<ObjectId> interesting = new ObjectIdSubclassMap<>();
    /** Blobs scanned in phase 2 (read concurrently, so kept apart from the phase 1 maps). */
    private final java.util.Set<ObjectId> seenLate = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<ObjectId> interestingLate = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Per blob of interest: paths in order of first introduction, each with its first commit. */
    private final Map<ObjectId, Map<String, String>> introductions = new HashMap<>();
    private final Map<ObjectId, int[]> commitsHolding = new HashMap<>();
    private final java.util.Set<String> submodules = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Commit and tag messages with matches, as targets. */
    private final List<Target> messages = new ArrayList<>();

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
        scanPacks(check, stats);
        long t1 = System.nanoTime();
        walkHistory(check, stats);
        long t2 = System.nanoTime();
        emit(sink);
        if (Boolean.getBoolean("leakgate.timing")) {
            System.err.printf("leakgate audit: read+scan %d ms, history %d ms, findings %d ms%n",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        }
    }

    /** How many commits hold this blob (at any path); 0 when it is reachable only from a tag. */
    public int commitsHolding(String blobId) {
        int[] n = commitsHolding.get(ObjectId.fromString(blobId));
        return n == null ? 0 : n[0];
    }

    // ---- phase 1 ----------------------------------------------------------------------------

    private record Entry(long offset, ObjectId id) {
    }

    private void scanPacks(BlobCheck check, ScanStats stats) {
        List<ObjectId> order = new ArrayList<>();
        if (repo.getObjectDatabase() instanceof ObjectDirectory od) {
            for (Pack pack : od.getPacks()) {
                List<Entry> entries = new ArrayList<>();
                try {
                    for (PackIndex.MutableEntry e : pack) {
                        entries.add(new Entry(e.getOffset(), e.toObjectId()));
                    }
                } catch (RuntimeException e) {
                    throw new SourceException("cannot read pack index " + pack.getPackFile().getName() + ": " + e.getMessage());
                }
                entries.sort((a, b) -> Long.compare(a.offset, b.offset));
                byte[] types = PackTypes.of(pack.getPackFile(), entries.stream().mapToLong(Entry::offset).toArray());
                for (int i = 0; i < entries.size(); i++) {
                    // commits and trees are skipped unread; an unknown type is read to find out
                    if (types[i] == Constants.OBJ_BLOB || types[i] == PackTypes.UNKNOWN) {
                        order.add(entries.get(i).id);
                    }
                }
            }
        }
        int chunk = 1024;
        int chunks = (order.size() + chunk - 1) / chunk;
        AtomicInteger next = new AtomicInteger();
        List<List<ObjectId>> seenBy = new ArrayList<>();
        List<List<ObjectId>> matchedBy = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "leakgate-audit");
            t.setDaemon(true);
            return t;
        });
        try (Progress p = progress ? Progress.onTerminal(order.size()) : Progress.NONE) {
            p.phase("reading");
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                List<ObjectId> mySeen = new ArrayList<>();
                List<ObjectId> myMatched = new ArrayList<>();
                seenBy.add(mySeen);
                matchedBy.add(myMatched);
                futures.add(pool.submit(() -> {
                    try (ObjectReader reader = repo.newObjectReader()) {
                        int c;
                        while ((c = next.getAndIncrement()) < chunks) {
                            int end = Math.min(order.size(), (c + 1) * chunk);
                            long bytes = 0;
                            for (int i = c * chunk; i < end; i++) {
                                bytes += scanObject(reader, order.get(i), check, stats, mySeen, myMatched);
                            }
                            p.advance(end - c * chunk, bytes);
                        }
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
        for (List<ObjectId> l : seenBy) {
            l.forEach(id -> seen.addIfAbsent(id));
        }
        for (List<ObjectId> l : matchedBy) {
            l.forEach(id -> interesting.addIfAbsent(id));
        }
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
                throw GitRepos.unreadable(repo, null, "history", io);
            }
            throw new SourceException("audit failed: " + c.getClass().getSimpleName() + ": " + c.getMessage());
        }
    }

    /** Reads one object; scans it if it is a text blob within the limit. Returns the bytes read. */
    private long scanObject(ObjectReader reader, ObjectId id, BlobCheck check, ScanStats stats,
            List<ObjectId> mySeen, List<ObjectId> myMatched) {
        try {
            ObjectLoader l = reader.open(id);
            if (l.getType() != Constants.OBJ_BLOB) {
                return 0;
            }
            mySeen.add(id);
            if (l.getSize() > maxSize) {
                stats.skippedLarge("blob " + id.name());
                return 0;
            }
            byte[] bytes = l.getCachedBytes(Integer.MAX_VALUE);
            if (Content.isBinary(bytes, bytes.length)) {
                stats.skippedBinary("blob " + id.name());
                return bytes.length;
            }
            stats.scanned(bytes.length);
            if (check.matches(id.name(), bytes, bytes.length)) {
                myMatched.add(id);
            }
            return bytes.length;
        } catch (LargeObjectException e) {
            throw GitRepos.tooLarge(id, "blob", e);
        } catch (IOException e) {
            throw GitRepos.unreadable(repo, id, "object in a pack", e);
        }
    }

    // ---- phase 2 ----------------------------------------------------------------------------

    /** The part of a tree that matters: subtrees holding something of interest, and such blobs. */
    private static final class Node {
        static final Node EMPTY = new Node(List.of(), List.of());
        final List<Object[]> trees; // {String name, Node}
        final List<Object[]> blobs; // {String name, ObjectId}

        Node(List<Object[]> trees, List<Object[]> blobs) {
            this.trees = trees;
            this.blobs = blobs;
        }
    }

    private void walkHistory(BlobCheck check, ScanStats stats) {
        Map<String, Node> memo = new java.util.concurrent.ConcurrentHashMap<>();
        List<RevCommit> commits = new ArrayList<>();
        try (ObjectReader reader = repo.newObjectReader(); RevWalk rw = new RevWalk(reader)) {
            List<RevTree> looseTrees = new ArrayList<>();
            List<Object[]> looseBlobs = new ArrayList<>();
            boolean any = false;
            for (Map.Entry<String, ObjectId> tip : tips().entrySet()) {
                RevObject o;
                try {
                    o = rw.parseAny(tip.getValue());
                    while (o instanceof RevTag t) {
                        rw.parseBody(t);
                        message(t, t.getRawBuffer(), Messages.path(t.getTagName()), null, check);
                        o = rw.parseAny(t.getObject());
                    }
                } catch (MissingObjectException e) {
                    throw GitRepos.missing(repo, e.getObjectId(), "reachable from " + tip.getKey());
                }
                if (o instanceof RevCommit c) {
                    rw.markStart(c);
                    any = true;
                } else if (o instanceof RevTree t) {
                    looseTrees.add(t);
                } else if (o instanceof RevBlob b) {
                    looseBlobs.add(new Object[] {tip.getKey(), b.copy()});
                }
            }
            if (any) {
                rw.sort(RevSort.TOPO);
                rw.sort(RevSort.REVERSE, true);
                for (RevCommit c : rw) {
                    commits.add(c);
                }
            }
            summarizeAll(commits, memo, check, stats);
            int index = 0;
            for (RevCommit c : commits) {
                message(c, c.getRawBuffer(), Messages.path(c.name()), c.name(), check);
                record(summarize(reader, c.getTree(), "", memo, check, stats), "", c.name(), ++index);
            }
            for (RevTree t : looseTrees) {
                record(summarize(reader, t, "", memo, check, stats), "", null, -1);
            }
            for (Object[] b : looseBlobs) {
                ObjectId id = (ObjectId) b[1];
                ensureScanned(reader, id, check, stats);
                if (isInteresting(id)) {
                    introductions.computeIfAbsent(id, k -> new LinkedHashMap<>()).putIfAbsent((String) b[0], null);
                }
            }
        } catch (MissingObjectException e) {
            throw GitRepos.missing(repo, e.getObjectId(), "in history");
        } catch (IOException e) {
            throw GitRepos.unreadable(repo, null, "history", e);
        }
    }

    /**
     * Summarizes every commit's tree on every core: each worker takes a contiguous stretch of
     * history, so consecutive trees (which share most subtrees and delta bases) stay together.
     * Workers may summarize the same tree twice; the results are equal, so that is only waste.
     */
    private void summarizeAll(List<RevCommit> commits, Map<String, Node> memo, BlobCheck check, ScanStats stats) {
        if (commits.isEmpty()) {
            return;
        }
        int n = threads;
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "leakgate-history");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            int per = (commits.size() + n - 1) / n;
            for (int w = 0; w < n; w++) {
                List<RevCommit> mine = commits.subList(Math.min(commits.size(), w * per), Math.min(commits.size(), (w + 1) * per));
                futures.add(pool.submit(() -> {
                    try (ObjectReader reader = repo.newObjectReader()) {
                        for (RevCommit c : mine) {
                            summarize(reader, c.getTree(), "", memo, check, stats);
                        }
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

    /** Scans a message; keeps it as a target when it has matches. */
    private void message(ObjectId id, byte[] raw, String path, String commit, BlobCheck check) {
        if (raw == null) {
            return;
        }
        byte[] message = Messages.of(raw);
        if (message.length > 0 && check.matches(id.name(), message, message.length)) {
            messages.add(new Target(path, message, commit, null, id.name()));
        }
    }

    /** Every ref, the detached HEAD, and the older stash entries (kept only in the stash's reflog). */
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

    private Node summarize(ObjectReader reader, ObjectId tree, String prefix, Map<String, Node> memo,
            BlobCheck check, ScanStats stats) throws IOException {
        String key = prefix.isEmpty() ? tree.name() : tree.name() + prefix;
        Node cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        List<Object[]> trees = null;
        List<Object[]> blobs = null;
        CanonicalTreeParser p = new CanonicalTreeParser(null, reader, tree);
        while (!p.eof()) {
            FileMode mode = p.getEntryFileMode();
            String name = p.getEntryPathString();
            if (mode == FileMode.TREE) {
                Node child = summarize(reader, p.getEntryObjectId(), prefix + name + "/", memo, check, stats);
                if (child != Node.EMPTY) {
                    (trees == null ? trees = new ArrayList<>() : trees).add(new Object[] {name, child});
                }
            } else if (mode == FileMode.GITLINK) {
                if (submodules.add(prefix + name)) {
                    stats.skipped(prefix + name, dev.leakgate.report.Skip.Reason.SUBMODULE);
                }
            } else if (mode.getObjectType() == Constants.OBJ_BLOB) {
                ObjectId id = p.getEntryObjectId();
                if (!seen.contains(id)) {
                    ensureScanned(reader, id, check, stats);
                }
                if (isInteresting(id) || secretsPath.test(prefix + name)) {
                    (blobs == null ? blobs = new ArrayList<>() : blobs).add(new Object[] {name, id});
                }
            }
            p.next();
        }
        Node n = trees == null && blobs == null ? Node.EMPTY
                : new Node(trees == null ? List.of() : trees, blobs == null ? List.of() : blobs);
        memo.put(key, n);
        return n;
    }

    /** A reachable blob phase 1 did not meet (loose, or in an alternate): scanned now. */
    private synchronized void ensureScanned(ObjectReader reader, ObjectId id, BlobCheck check, ScanStats stats) {
        if (seen.contains(id) || seenLate.contains(id)) {
            return;
        }
        try {
            if (!reader.has(id)) {
                throw GitRepos.missing(repo, id, "blob");
            }
        } catch (IOException e) {
            throw GitRepos.unreadable(repo, id, "blob", e);
        }
        List<ObjectId> matched = new ArrayList<>();
        List<ObjectId> mine = new ArrayList<>();
        scanObject(reader, id, check, stats, mine, matched);
        matched.forEach(m -> interestingLate.add(m.copy()));
        seenLate.add(id.copy()); // last: another worker takes "seen" to mean "its matches are known"
    }

    private boolean isInteresting(ObjectId id) {
        return interesting.contains(id) || (!interestingLate.isEmpty() && interestingLate.contains(id));
    }

    private void record(Node node, String prefix, String commit, int commitIndex) {
        for (Object[] b : node.blobs) {
            ObjectId id = (ObjectId) b[1];
            String path = prefix + b[0];
            introductions.computeIfAbsent(id, k -> new LinkedHashMap<>()).putIfAbsent(path, commit);
            if (commitIndex > 0) {
                int[] n = commitsHolding.computeIfAbsent(id, k -> new int[2]);
                if (n[1] != commitIndex) { // a blob at two paths of one commit counts once
                    n[1] = commitIndex;
                    n[0]++;
                }
            }
        }
        for (Object[] t : node.trees) {
            record((Node) t[1], prefix + t[0] + "/", commit, commitIndex);
        }
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
                    bytes = l.getCachedBytes(Integer.MAX_VALUE);
                } catch (LargeObjectException ex) {
                    throw GitRepos.tooLarge(id, "blob", ex);
                } catch (IOException ex) {
                    throw GitRepos.unreadable(repo, id, "blob", ex);
                }
                boolean binary = Content.isBinary(bytes, bytes.length); // once per blob, not per path
                for (Map.Entry<String, String> at : e.getValue().entrySet()) {
                    if ((large || binary) && !secretsPath.test(at.getKey())) {
                        continue; // over the limit or binary outside the secrets paths: counted in phase 1
                    }
                    sink.accept(new Target(at.getKey(), bytes, at.getValue(), null, id.name()));
                }
            }
        }
    }
}
