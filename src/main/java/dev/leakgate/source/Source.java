package dev.leakgate.source;

import dev.leakgate.report.ScanStats;

/**
 * Where bytes come from. A source hands each target to the sink and counts in {@code stats} what
 * it passed over (binary, too large, symlinks); it fails with {@link SourceException} when it
 * cannot read something, never by skipping it silently.
 */
public interface Source {
    void forEach(TargetSink sink, ScanStats stats) throws SourceException;

    /** Receives targets; may be called from several threads when a source reads in parallel. */
    @FunctionalInterface
    interface TargetSink {
        void accept(Target target);
    }
}
