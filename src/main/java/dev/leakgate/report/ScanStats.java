package dev.leakgate.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Counts of what a run read and passed over; shown in every report so nothing is skipped silently. */
@JsonPropertyOrder({"targets", "bytes", "archiveFiles", "archiveBytes", "skippedBinary", "skippedLarge", "skippedSymlinks", "skippedSubmodules",
    "skippedSpecial", "findings", "millis", "baselineUnused", "skipped"})
public final class ScanStats {
    private final AtomicLong targets = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    /** Files read inside archives (each archive blob once), and their bytes: part of what a target held. */
    private final AtomicLong archiveFiles = new AtomicLong();
    private final AtomicLong archiveBytes = new AtomicLong();
    private final AtomicLong skippedBinary = new AtomicLong();
    private final AtomicLong skippedLarge = new AtomicLong();
    private final AtomicLong skippedSymlinks = new AtomicLong();
    private final AtomicLong skippedSubmodules = new AtomicLong();
    private final AtomicLong skippedSpecial = new AtomicLong();
    /** Every skip, named: the counts say how many, this says which. */
    private final ConcurrentLinkedQueue<Skip> skips = new ConcurrentLinkedQueue<>();
    /** Envelopes opened with the operator's identities, and those none of them opens (keyed checks only). */
    private final ConcurrentLinkedQueue<String> verified = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> notVerified = new ConcurrentLinkedQueue<>();
    private volatile Integer baselineUnused;
    private volatile long findings;
    private volatile long millis;

    public void scanned(long size) {
        targets.incrementAndGet();
        bytes.addAndGet(size);
    }

    /** One file read inside an archive. */
    public void readInsideArchive(long size) {
        archiveFiles.incrementAndGet();
        archiveBytes.addAndGet(size);
    }

    /** Counts and names one thing passed over; {@code path} is where it is shown (a blob id when no path is known). */
    public void skipped(String path, Skip.Reason reason) {
        skips.add(new Skip(path, reason));
        switch (reason) {
            case BINARY -> skippedBinary.incrementAndGet();
            case LARGE -> skippedLarge.incrementAndGet();
            case SYMLINK -> skippedSymlinks.incrementAndGet();
            case SUBMODULE -> skippedSubmodules.incrementAndGet();
            case SPECIAL -> skippedSpecial.incrementAndGet();
        }
    }

    public void skippedBinary(String path) {
        skipped(path, Skip.Reason.BINARY);
    }

    public void skippedLarge(String path) {
        skipped(path, Skip.Reason.LARGE);
    }

    public void skippedSymlink(String path) {
        skipped(path, Skip.Reason.SYMLINK);
    }

    /** What was passed over, by path then reason. */
    @JsonIgnore
    public List<Skip> skips() {
        List<Skip> out = new ArrayList<>(skips);
        out.sort(Comparator.comparing(Skip::path).thenComparing(Skip::reason));
        return out;
    }

    /** Every skip, named, for the reports (JSON: {@code stats.skipped}). */
    public List<Skip> getSkipped() {
        return skips();
    }

    /** How many things were passed over, for every reason. */
    public int skipCount() {
        return skips.size();
    }

    public void verified(String path) {
        verified.add(path);
    }

    public void notVerified(String path) {
        notVerified.add(path);
    }

    /** How many envelopes an identity opened and proved intact; absent from JSON when no identity was given. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
    public long getVerified() {
        return verified.size();
    }

    /** Sound envelopes none of the identities opens; absent from JSON when there are none. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
    public long getNotVerified() {
        return notVerified.size();
    }

    /** The envelopes no identity opens, sorted, for --verbose. */
    @JsonIgnore
    public List<String> notVerifiedPaths() {
        List<String> out = new ArrayList<>(notVerified);
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** How many baseline entries accepted nothing in this run (null: no baseline, or a run that sees only part). */
    public void baselineUnused(Integer n) {
        baselineUnused = n;
    }

    public Integer getBaselineUnused() {
        return baselineUnused;
    }

    public void finish(long findingCount, long elapsedMillis) {
        findings = findingCount;
        millis = elapsedMillis;
    }

    public long getTargets() {
        return targets.get();
    }

    public long getBytes() {
        return bytes.get();
    }

    public long getArchiveFiles() {
        return archiveFiles.get();
    }

    public long getArchiveBytes() {
        return archiveBytes.get();
    }

    public long getSkippedBinary() {
        return skippedBinary.get();
    }

    public long getSkippedLarge() {
        return skippedLarge.get();
    }

    public long getSkippedSymlinks() {
        return skippedSymlinks.get();
    }

    public long getSkippedSubmodules() {
        return skippedSubmodules.get();
    }

    public long getSkippedSpecial() {
        return skippedSpecial.get();
    }

    public long getFindings() {
        return findings;
    }

    public long getMillis() {
        return millis;
    }
}
