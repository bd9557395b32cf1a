package dev.leakgate.pipeline;

import dev.leakgate.archive.ArchiveLimits;
import dev.leakgate.archive.ArchiveReader;
import dev.leakgate.detect.Detector;
import dev.leakgate.detect.Match;
import dev.leakgate.report.ScanStats;
import dev.leakgate.report.Skip;
import dev.leakgate.source.Content;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the rules find inside one archive, path-independent, so an audit reads each archive blob
 * once however many paths hold it: the files inside with matches (their content kept for lines
 * and previews), and what was not read. Files without matches are not kept.
 */
final class ArchiveContents {
    static final ArchiveContents NONE = new ArchiveContents(List.of(), List.of());

    /** A file inside with matches; {@code levels} as {@link dev.leakgate.archive.ArchivePath} takes them. */
    record Entry(List<String> levels, byte[] content, List<Match> matches) {
    }

    record Skipped(List<String> levels, Skip.Reason reason) {
    }

    final List<Entry> entries;
    final List<Skipped> skips;

    private ArchiveContents(List<Entry> entries, List<Skipped> skips) {
        this.entries = entries;
        this.skips = skips;
    }

    /**
     * Reads inside {@code content} if it is an archive, counting what it reads in {@code stats};
     * {@link #NONE} when it is not one or holds nothing of note.
     */
    static ArchiveContents read(byte[] content, int length, ArchiveLimits limits, Detector detector, ScanStats stats) {
        List<Entry> entries = new ArrayList<>();
        List<Skipped> skips = new ArrayList<>();
        ArchiveReader.read(content, length, limits, new ArchiveReader.Visitor() {
            @Override
            public void file(List<String> levels, byte[] bytes) {
                stats.readInsideArchive(bytes.length);
                byte[] text = Content.forRules(bytes);
                List<Match> matches = detector.scan(text);
                if (!matches.isEmpty()) {
                    entries.add(new Entry(levels, text, matches));
                }
            }

            @Override
            public void skipped(List<String> levels, Skip.Reason reason) {
                skips.add(new Skipped(levels, reason));
            }
        });
        return entries.isEmpty() && skips.isEmpty() ? NONE : new ArchiveContents(List.copyOf(entries), List.copyOf(skips));
    }

    boolean isEmpty() {
        return entries.isEmpty() && skips.isEmpty();
    }

    /**
     * The matches of the archive's own bytes that are not a file inside seen through the
     * container (a stored entry's text is in the archive's bytes as it is): the same value by the
     * same rule is reported once, at its place inside.
     */
    List<Match> withoutShadows(List<Match> outer) {
        if (entries.isEmpty() || outer.isEmpty()) {
            return outer;
        }
        Set<String> inside = new HashSet<>();
        for (Entry e : entries) {
            for (Match m : e.matches) {
                inside.add(m.rule().id() + '\0' + m.secret());
            }
        }
        List<Match> out = new ArrayList<>(outer.size());
        for (Match m : outer) {
            if (!inside.contains(m.rule().id() + '\0' + m.secret())) {
                out.add(m);
            }
        }
        return out;
    }
}
