package dev.leakgate.pipeline;

import dev.leakgate.archive.ArchiveFormat;
import dev.leakgate.archive.ArchiveLimits;
import dev.leakgate.archive.ArchivePath;
import dev.leakgate.detect.ByteText;
import dev.leakgate.detect.Detector;
import dev.leakgate.detect.Kind;
import dev.leakgate.detect.KeywordHits;
import dev.leakgate.detect.Match;
import dev.leakgate.detect.Rule;
import dev.leakgate.policy.Policy;
import dev.leakgate.report.Finding;
import dev.leakgate.report.Fingerprints;
import dev.leakgate.report.Redaction;
import dev.leakgate.report.Report;
import dev.leakgate.report.RuleInfo;
import dev.leakgate.report.ScanStats;
import dev.leakgate.source.AuditSource;
import dev.leakgate.source.Content;
import dev.leakgate.source.LineSet;
import dev.leakgate.source.Source;
import dev.leakgate.source.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Source → Target → Scanner → Finding → Filter → Report. Every mode runs through here; modes
 * differ only in their Source. Thread-safe: a source may hand over targets from several threads.
 */
public final class Pipeline {
    public static final String ENVELOPE_RULE = "envelope-invalid";
    public static final String DRIFT_RULE = "sops-recipient-drift";

    /** The envelope checks as rules, so every report format (SARIF's rule list) can name them. */
    public static final List<RuleInfo> ENVELOPE_RULES = List.of(
            new RuleInfo(ENVELOPE_RULE, Kind.ENVELOPE.label(),
                    "File under a secrets path that is not a valid age or sops envelope, or a sops file with a value in clear"),
            new RuleInfo(DRIFT_RULE, Kind.ENVELOPE.label(),
                    "sops file encrypted to recipients other than its .sops.yaml creation rule lists"));

    private final Policy policy;
    /** Built on first scan, so a source's git work overlaps the rules loading on another thread. */
    private volatile Detector detector;
    private final EnvelopeInspector envelopes;
    /** Matches per blob id: a blob seen again (another commit, another path) is not scanned again. */
    private final Map<String, List<Match>> byBlob = new ConcurrentHashMap<>();
    /** Findings the baseline accepted: not reported, but what a refreshed baseline must list again. */
    private final ConcurrentLinkedQueue<Finding> baselined = new ConcurrentLinkedQueue<>();
    private final ArchiveLimits archives;
    /** What an archive blob holds, per blob id: each archive is read inside once. */
    private final Map<String, ArchiveContents> archiveByBlob = new ConcurrentHashMap<>();
    /** Per run: the (path, reason) of each skip inside an archive already named (a gate meets an archive twice). */
    private final Map<ScanStats, Set<String>> namedSkips = Collections.synchronizedMap(new WeakHashMap<>());

    public Pipeline(Policy policy, EnvelopeInspector envelopes) {
        this(policy, envelopes, ArchiveLimits.defaults(Content.DEFAULT_MAX_SIZE));
    }

    /** {@code archives}: how far files inside archives are read (see {@link ArchiveLimits}). */
    public Pipeline(Policy policy, EnvelopeInspector envelopes, ArchiveLimits archives) {
        this.policy = policy;
        this.envelopes = envelopes;
        this.archives = archives;
    }

    /** Keyword hits a blob keeps for the deltas on it, at most: 8 bytes each, while the blob is held as a base. */
    private static final int MEMO_HITS_MAX = 1 << 20;
    /** Whether the audit derives a delta's keyword hits from its base's (see {@link Detector#keywordHits(byte[], int, KeywordHits, int[])}). */
    private volatile boolean reuseDeltas = true;

    /** The audit scans every blob whole when false: the slow obvious path that tests hold the delta reuse to. */
    public Pipeline reuseDeltas(boolean reuse) {
        this.reuseDeltas = reuse;
        return this;
    }

    private Detector detector() {
        Detector d = detector;
        if (d == null) {
            d = detector = Detector.of(policy.rules());
        }
        return d;
    }

    public Policy policy() {
        return policy;
    }

    public Report run(Source source) {
        return run(source, (sink, stats) -> { });
    }

    /**
     * {@link #run(Source)}, plus {@code recheck}: files the change leaves as they are, but holds
     * to creation rules it changes. Only their recipient drift is checked: nothing else of
     * theirs is the change's doing.
     */
    public Report run(Source source, Source recheck) {
        long t0 = System.nanoTime();
        ScanStats stats = new ScanStats();
        ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> targets = new ConcurrentLinkedQueue<>();
        collect(source, stats, findings, targets, t -> scan(t, stats));
        collect(recheck, stats, findings, targets, this::drift);
        return report(new ArrayList<>(findings), stats, targets, t0);
    }

    /**
     * The publish gate: {@code history} (changes, oldest first, each target carrying its commit)
     * and {@code tree} (what is published, whole). A leak found in both is reported once: at its
     * place in the tree, with the commit that introduced it. Must be run with a single-threaded
     * history source, so "first" means "introduced first". With {@code hasBase} (something is
     * published already), a tree finding no commit of the range introduced is marked
     * {@link Finding#markedInBase()}: it was published before, the range does not add it.
     */
    public Report runGate(Source history, Source tree, boolean hasBase) {
        long t0 = System.nanoTime();
        ScanStats stats = new ScanStats();
        ConcurrentLinkedQueue<Finding> fromHistory = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Finding> fromTree = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> targets = new ConcurrentLinkedQueue<>();
        collect(history, stats, fromHistory, targets, t -> scan(t, stats));
        collect(tree, stats, fromTree, targets, t -> scan(t, stats));
        Map<String, Finding> firstByLeak = new LinkedHashMap<>();
        Map<String, Finding> firstByLeakAndPath = new LinkedHashMap<>();
        for (Finding f : fromHistory) {
            firstByLeak.putIfAbsent(leak(f), f);
            firstByLeakAndPath.putIfAbsent(leak(f) + '\0' + f.path(), f);
        }
        Set<String> shownInTree = new HashSet<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : fromTree) {
            Finding intro = firstByLeakAndPath.getOrDefault(leak(f) + '\0' + f.path(), firstByLeak.get(leak(f)));
            if (intro != null) {
                shownInTree.add(leak(f));
                f = f.withCommit(intro.commit());
            } else if (hasBase) {
                f = f.markedInBase();
            }
            out.add(f);
        }
        for (Finding f : fromHistory) {
            if (!shownInTree.contains(leak(f))) {
                out.add(f); // added then removed: only history shows it
            }
        }
        if (hasBase) {
            out.replaceAll(f -> f.inBase() == null ? f.addedByRange() : f);
        }
        return report(out, stats, targets, t0);
    }

    /**
     * The history audit: each finding once per (blob, rule, location), under the path where its
     * blob was introduced first, with the commit that did it and how many other paths and
     * commits hold the blob.
     */
    public Report runAudit(AuditSource audit) {
        long t0 = System.nanoTime();
        ScanStats stats = new ScanStats();
        Map<String, Finding> first = new LinkedHashMap<>();
        Map<String, Set<String>> paths = new HashMap<>();
        Map<String, String> blobOf = new HashMap<>();
        List<String> targets = new ArrayList<>(); // the report puts them in order, once, if a writer reads them
        // Every blob (and message) read is a target (JUnit names each); those with findings by their paths.
        // Noted per thread, in lists: a concurrent set of 100,000 ids spent its time resizing.
        List<List<String>> blobLists = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<List<String>> blobs = ThreadLocal.withInitial(() -> {
            List<String> l = new ArrayList<>();
            blobLists.add(l);
            return l;
        });
        // The targets the audit hands over are scanned on every core (a fingerprint is thousands of
        // hashes), and their findings taken in the order they were handed over.
        InOrder scanned = new InOrder(t -> scan(t, stats));
        audit.run(new AuditSource.BlobCheck() {
            @Override
            public boolean matches(String blobId, byte[] content, int length) {
                blobs.get().add(blobId);
                return prescan(blobId, content, length, null, stats);
            }

            @Override
            public AuditSource.Verdict check(String blobId, byte[] content, int length, int[] copies, Object baseMemo,
                    boolean memo) {
                blobs.get().add(blobId);
                KeywordHits hits = baseMemo instanceof KeywordHits earlier && copies != null && reuseDeltas
                        ? detector().keywordHits(content, length, earlier, copies)
                        : detector().keywordHits(content, length);
                boolean any = prescan(blobId, content, length, hits, stats);
                // a content with a keyword at every byte is not worth its memory to its deltas
                return new AuditSource.Verdict(any, memo && hits.size() <= MEMO_HITS_MAX ? hits : null);
            }
        }, scanned::add, stats);
        Set<String> named = new HashSet<>(); // blobs that are targets under their paths
        for (ScannedTarget done : scanned.results()) {
            named.add(done.blobId());
            targets.add(done.path());
            for (Finding f : done.findings()) {
                String key = done.blobId() + '\0' + f.ruleId() + '\0' + f.line() + '\0' + f.column() + '\0' + f.fingerprint();
                first.putIfAbsent(key, f);
                blobOf.putIfAbsent(key, done.blobId());
                paths.computeIfAbsent(key, k -> new HashSet<>()).add(done.path());
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, Finding> e : first.entrySet()) {
            Finding f = e.getValue();
            int commits = audit.commitsHolding(blobOf.get(e.getKey()));
            out.add(f.withProvenance(f.commit(), paths.get(e.getKey()).size() - 1, Math.max(0, commits - 1)));
        }
        for (List<String> list : blobLists) {
            for (String id : list) {
                if (!named.contains(id)) {
                    targets.add(id); // a blob or a message read whole, clean: its object id names it
                }
            }
        }
        return report(out, stats, targets, t0);
    }

    /** A target's findings, with its names: not its content, which is let go once scanned. */
    private record ScannedTarget(String path, String blobId, List<Finding> findings) {
    }

    /**
     * Scans targets on a pool of threads as they are handed over and gives back their findings in
     * the order they came: at most a few targets per thread are waiting at a time, so the contents
     * held stay bounded whatever the number of targets.
     */
    private static final class InOrder {
        private final Function<Target, List<Finding>> scan;
        private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private final java.util.concurrent.Semaphore waiting = new java.util.concurrent.Semaphore(4 * threads);
        private final List<java.util.concurrent.Future<ScannedTarget>> futures = new ArrayList<>();
        private java.util.concurrent.ExecutorService pool;

        InOrder(Function<Target, List<Finding>> scan) {
            this.scan = scan;
        }

        void add(Target target) {
            if (pool == null) {
                pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "leakgate-findings");
                    t.setDaemon(true);
                    return t;
                });
            }
            waiting.acquireUninterruptibly();
            futures.add(pool.submit(() -> {
                try {
                    return new ScannedTarget(target.path(), target.blobId(), scan.apply(target));
                } finally {
                    waiting.release();
                }
            }));
        }

        List<ScannedTarget> results() {
            List<ScannedTarget> out = new ArrayList<>(futures.size());
            try {
                for (java.util.concurrent.Future<ScannedTarget> f : futures) {
                    out.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new dev.leakgate.source.SourceException("interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
            return out;
        }
    }

    /** What makes two findings the same leak, wherever and whenever they were seen. */
    private static String leak(Finding f) {
        return f.ruleId() + '\0' + f.fingerprint();
    }

    /** Runs {@code check} on each of the source's targets, counting them. */
    private static void collect(Source source, ScanStats stats, Collection<Finding> findings,
            Collection<String> targets, Function<Target, List<Finding>> check) {
        source.forEach(target -> {
            stats.scanned(target.content().length);
            targets.add(target.path());
            findings.addAll(check.apply(target));
        }, stats);
    }

    /** A report of findings produced through {@link #scan(Target, ScanStats)} by a caller driving its own source. */
    public Report report(List<Finding> findings, ScanStats stats, Collection<String> targets, long startNanos) {
        List<Finding> sorted = dedupe(findings);
        envelopes.addTo(stats);
        stats.finish(sorted.size(), (System.nanoTime() - startNanos) / 1_000_000);
        if (policy.baseline().file() != null) {
            stats.baselineUnused(policy.baseline().unused().size());
        }
        List<String> unused = new ArrayList<>();
        policy.baseline().unused().forEach(e -> unused.add(e.shown()));
        return new Report(sorted, stats, Report.targetNames(targets), ruleInfos(),
                dedupe(new ArrayList<>(baselined)), unused);
    }

    /**
     * Runs the path-independent detector over one blob and remembers its matches when there are
     * any; returns whether there were. The history audit calls this once per unique blob, so only
     * the few blobs with matches take memory; {@link #scan(Target, ScanStats)} on the same blob id
     * then reuses them. An archive is read inside here too, once per blob: true also when a file
     * inside has matches or something inside could not be read (it is named at each path).
     */
    public boolean prescan(String blobId, byte[] content, int length, KeywordHits hits, ScanStats stats) {
        List<Match> matches = detector().scan(content, length, hits, true); // a history's blobs repeat each other
        boolean any = !matches.isEmpty();
        if (any) {
            byBlob.put(blobId, matches);
        }
        if (archives.enabled() && ArchiveFormat.detect(content, length) != null) {
            ArchiveContents inside = ArchiveContents.read(content, length, archives, detector(), stats);
            archiveByBlob.put(blobId, inside);
            any |= !inside.isEmpty();
        }
        return any;
    }

    /**
     * The findings of one target, after the policy and the allowlists; what it could not read
     * inside an archive is named in {@code stats}.
     */
    public List<Finding> scan(Target target, ScanStats stats) {
        String path = target.path();
        if (policy.isAllowedPath(path)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        boolean envelopeFailed = false;
        if (policy.isSecretsPath(path)) {
            for (EnvelopeInspector.Defect d : envelopes.inspect(path, target.content())) {
                // A file that is no envelope is reported once, as such; drift leaves its values encrypted.
                boolean drift = DRIFT_RULE.equals(d.ruleId());
                envelopeFailed |= !drift;
                if (drift && target.commit() != null) {
                    // Drift is about what is published now: a past version encrypted to a since-rotated
                    // key is how history looks, and the creation rules are the ones to be published.
                    continue;
                }
                addEnvelopeFinding(target, d, out);
            }
        }
        List<Match> matches;
        if (target.addedLines() != null && target.content().length >= AddedLinesFocus.MIN_SIZE
                && (target.blobId() == null || !byBlob.containsKey(target.blobId()))) {
            // Only what the change adds can be reported: the rules need not read the rest.
            matches = detector().scan(AddedLinesFocus.mask(target.content(), target.addedLines()));
        } else {
            matches = target.blobId() == null ? detector().scan(target.content())
                    : byBlob.computeIfAbsent(target.blobId(), id -> detector().scan(target.content()));
        }
        // Under a secrets path an archive is what it is, no envelope: that finding says it all.
        ArchiveContents inside = policy.isSecretsPath(path) ? ArchiveContents.NONE : inside(target, stats);
        matches = inside.withoutShadows(matches);
        addFindings(path, path, target.content(), matches, target.addedLines(), envelopeFailed, target.commit(), out);
        if (!inside.isEmpty()) {
            addInside(path, inside, target.commit(), stats, out);
        }
        return out;
    }

    /** What {@code target} holds inside when it is an archive (read once per blob), else {@link ArchiveContents#NONE}. */
    private ArchiveContents inside(Target target, ScanStats stats) {
        if (!archives.enabled()) {
            return ArchiveContents.NONE;
        }
        String blobId = target.blobId();
        if (blobId != null) {
            ArchiveContents known = archiveByBlob.get(blobId);
            if (known != null) {
                return known;
            }
        }
        byte[] content = target.content();
        if (ArchiveFormat.detect(content, content.length) == null) {
            return ArchiveContents.NONE;
        }
        ArchiveContents read = ArchiveContents.read(content, content.length, archives, detector(), stats);
        if (blobId != null) {
            archiveByBlob.put(blobId, read);
        }
        return read;
    }

    /**
     * The findings inside an archive at {@code path}: each file judged by the policy under its own
     * path ({@code path!inner}, and as folders, {@code path/inner}) for the allowlists, and under
     * the archive's path for which kinds apply (what is inside is published where the archive is).
     * No envelope check applies inside: an archive under a secrets path is not read inside.
     */
    private void addInside(String path, ArchiveContents inside, String commit, ScanStats stats, List<Finding> out) {
        for (ArchiveContents.Entry e : inside.entries) {
            String shown = ArchivePath.render(path, e.levels());
            if (!isAllowedInside(path, e.levels(), shown)) {
                addFindings(shown, path, e.content(), e.matches(), null, false, commit, out);
            }
        }
        for (ArchiveContents.Skipped s : inside.skips) {
            String shown = ArchivePath.render(path, s.levels());
            if (!isAllowedInside(path, s.levels(), shown)
                    && namedSkips.computeIfAbsent(stats, k -> ConcurrentHashMap.newKeySet()).add(shown + '\0' + s.reason())) {
                stats.skipped(shown, s.reason());
            }
        }
    }

    private boolean isAllowedInside(String path, List<String> levels, String shown) {
        return !levels.isEmpty() && (policy.isAllowedPath(shown) || policy.isAllowedPath(ArchivePath.asFolders(path, levels)));
    }

    /**
     * The findings of {@code matches} in {@code content}, shown at {@code path}; {@code kindsPath}
     * decides which kinds apply (the path itself, or the archive a file inside is in).
     */
    private void addFindings(String path, String kindsPath, byte[] content, List<Match> matches, LineSet addedLines,
            boolean envelopeFailed, String commit, List<Finding> out) {
        if (matches.isEmpty()) {
            return;
        }
        ByteText text = new ByteText(content);
        // A finding is placed at its secret: a match may start with the delimiter before it, which
        // for a secret at a line start is the previous line's newline. All positions come from one
        // walk over the content, and findings on one line share its text.
        int[] offsets = new int[matches.size() * 2];
        for (int i = 0; i < matches.size(); i++) {
            offsets[2 * i] = matches.get(i).secretStart();
            offsets[2 * i + 1] = firstByte(text, matches.get(i));
        }
        ByteText.Position[] positions = text.positions(offsets);
        int lineStart = -1;
        String lineText = null;
        boolean lineMarked = false;
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            Rule rule = m.rule();
            if (!policy.applies(rule.kind(), kindsPath) || (envelopeFailed && rule.kind() == Kind.SECRET)) {
                continue;
            }
            ByteText.Position at = positions[2 * i];
            if (!added(addedLines, positions[2 * i + 1].line(), text, m)) {
                continue;
            }
            if (at.lineStart() != lineStart) {
                lineStart = at.lineStart();
                lineText = text.slice(lineStart, text.lineEnd(m.secretStart()));
                lineMarked = policy.inlineAllow() && InlineAllow.marks(lineText);
            }
            if (lineMarked || policy.isAllowedValue(m.secret(), lineText)) {
                continue;
            }
            candidates.add(i);
        }
        // A fingerprint is thousands of hashes: a file with many findings has them made on every core.
        if (candidates.size() >= PARALLEL_FINGERPRINTS) {
            candidates.parallelStream().forEach(i -> Fingerprints.of(matches.get(i).rule().id(), matches.get(i).secret()));
        }
        for (int i : candidates) {
            Match m = matches.get(i);
            Rule rule = m.rule();
            ByteText.Position at = positions[2 * i];
            String fp = Fingerprints.of(rule.id(), m.secret());
            if (policy.isAllowedFingerprint(fp)) {
                continue;
            }
            accept(new Finding(rule.id(), rule.kind().label(), rule.description(), path, at.line(),
                    at.column(), commit, fp, Redaction.preview(rule.id(), m.secret()),
                    m.decoded() ? Boolean.TRUE : null, null, null), out);
        }
    }

    /** Findings in one target from which their fingerprints are made in parallel. */
    private static final int PARALLEL_FINGERPRINTS = 8;

    /** The recipient-drift findings of one target, after the policy and the allowlists. */
    private List<Finding> drift(Target target) {
        List<Finding> out = new ArrayList<>();
        if (policy.isAllowedPath(target.path()) || !policy.isSecretsPath(target.path())) {
            return out;
        }
        for (EnvelopeInspector.Defect d : envelopes.inspect(target.path(), target.content())) {
            if (DRIFT_RULE.equals(d.ruleId())) {
                addEnvelopeFinding(target, d, out);
            }
        }
        return out;
    }

    private void addEnvelopeFinding(Target target, EnvelopeInspector.Defect d, List<Finding> out) {
        // The message tells apart two defects of one kind in one file (two drifted recipients).
        String fp = Fingerprints.ofFacts(d.ruleId(), target.path(), d.reason(), d.message());
        if (!policy.isAllowedFingerprint(fp)) {
            accept(new Finding(d.ruleId(), Kind.ENVELOPE.label(), d.message(), target.path(), d.line(), null,
                    target.commit(), fp, null, null, null, null), out);
        }
    }

    /** Adds a finding to {@code out}, unless the baseline accepts it: then it is kept apart (see {@link Report#baselined()}). */
    private void accept(Finding f, List<Finding> out) {
        if (policy.baseline().accepts(f.fingerprint(), f.path())) {
            baselined.add(f);
        } else {
            out.add(f);
        }
    }

    /**
     * A match counts for a change when any of its lines is one the change adds, from the line of
     * its {@link #firstByte} on.
     */
    private static boolean added(LineSet addedLines, int firstLine, ByteText text, Match m) {
        if (addedLines == null) {
            return true;
        }
        int from = firstByte(text, m);
        int lastLine = firstLine + countNewlines(text, from, Math.max(from, m.end() - 1));
        for (int l = firstLine; l <= lastLine; l++) {
            if (addedLines.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /** A match's first byte, past a newline it opens with (the delimiter before a secret at a line start). */
    private static int firstByte(ByteText text, Match m) {
        int from = m.start();
        byte[] b = text.bytes();
        while (from < m.secretStart() && (b[from] == '\n' || b[from] == '\r')) {
            from++;
        }
        return from;
    }

    private static int countNewlines(ByteText text, int from, int to) {
        int n = 0;
        byte[] b = text.bytes();
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** One finding per (rule, path, line, fingerprint, commit), in a stable order. */
    private static List<Finding> dedupe(List<Finding> findings) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (Finding f : findings) {
            unique.putIfAbsent(f.ruleId() + '\0' + f.path() + '\0' + f.line() + '\0' + f.fingerprint() + '\0' + f.commit(), f);
        }
        List<Finding> out = new ArrayList<>(unique.values());
        out.sort(ORDER);
        return out;
    }

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
            .thenComparing(f -> f.line() == null ? 0 : f.line())
            .thenComparing(f -> f.column() == null ? 0 : f.column())
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.commit() == null ? "" : f.commit());

    public List<RuleInfo> ruleInfos() {
        List<RuleInfo> infos = new ArrayList<>(ENVELOPE_RULES);
        for (Rule r : policy.rules()) {
            infos.add(new RuleInfo(r.id(), r.kind().label(), r.description()));
        }
        return infos;
    }
}
