package dev.leakgate.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.concurrent.atomic.AtomicLong;

/** Counts of what a run read and passed over; shown in every report so nothing is skipped silently. */
@JsonPropertyOrder({"targets", "bytes", "skippedBinary", "skippedLarge", "skippedSymlinks", "findings", "millis"})
public final class ScanStats {
    private final AtomicLong targets = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong skippedBinary = new AtomicLong();
    private final AtomicLong skippedLarge = new AtomicLong();
    private final AtomicLong skippedSymlinks = new AtomicLong();
    private volatile long findings;
    private volatile long millis;

    public void scanned(long size) {
        targets.incrementAndGet();
        bytes.addAndGet(size);
    }

    public void skippedBinary() {
        skippedBinary.incrementAndGet();
    }

    public void skippedLarge() {
        skippedLarge.incrementAndGet();
    }

    public void skippedSymlink() {
        skippedSymlinks.incrementAndGet();
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

    public long getSkippedBinary() {
        return skippedBinary.get();
    }

    public long getSkippedLarge() {
        return skippedLarge.get();
    }

    public long getSkippedSymlinks() {
        return skippedSymlinks.get();
    }

    public long getFindings() {
        return findings;
    }

    public long getMillis() {
        return millis;
    }
}
