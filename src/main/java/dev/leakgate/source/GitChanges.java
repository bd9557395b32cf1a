package dev.leakgate.source;

import dev.leakgate.report.ScanStats;
import dev.leakgate.report.Skip;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * What one tree adds against another, as targets: each new or changed file with the lines it
 * adds (renames detected, so lines that only moved with their file are not added), whole
 * content attached for the checks that need the whole file. A file renamed or copied to a path
 * under other rules adds all its lines. Deletions add nothing; gitlinks (submodules) are skipped
 * and counted: their content lives in another repository.
 */
final class GitChanges {
    private final Repository repo;
    private final ObjectReader reader;
    private final GitBlobs blobs;
    /** Paths whose whole content a check needs even when no line changed (the secrets paths). */
    private final Predicate<String> wantsWhole;
    private final PathRules rules;
    /** Submodules named once each, however many commits move them. */
    private final java.util.Set<String> submodules = new java.util.HashSet<>();

    GitChanges(Repository repo, ObjectReader reader, GitBlobs blobs, PathRules rules) {
        this.repo = repo;
        this.reader = reader;
        this.blobs = blobs;
        this.wantsWhole = rules.wantsWhole();
        this.rules = rules;
    }

    void emit(AbstractTreeIterator oldTree, AbstractTreeIterator newTree, String commit, String what,
            Source.TargetSink sink, ScanStats stats) {
        List<DiffEntry> entries;
        try (TreeWalk tw = new TreeWalk(repo, reader)) {
            tw.setRecursive(true);
            tw.addTree(oldTree);
            tw.addTree(newTree);
            tw.setFilter(TreeFilter.ANY_DIFF);
            entries = DiffEntry.scan(tw);
            RenameDetector rd = new RenameDetector(repo);
            rd.addAll(entries);
            entries = rd.compute(reader, NullProgressMonitor.INSTANCE);
        } catch (IOException e) {
            throw GitRepos.unreadable(repo, null, what, e);
        } catch (org.eclipse.jgit.api.errors.CanceledException e) {
            throw new SourceException("rename detection for " + what + " was cancelled");
        }
        for (DiffEntry d : entries) {
            if (d.getChangeType() == DiffEntry.ChangeType.DELETE) {
                continue;
            }
            FileMode mode = d.getNewMode();
            String path = d.getNewPath();
            if (mode == FileMode.GITLINK) {
                if (submodules.add(path)) {
                    stats.skipped(path, Skip.Reason.SUBMODULE);
                }
                continue;
            }
            if (mode.getObjectType() != org.eclipse.jgit.lib.Constants.OBJ_BLOB) {
                continue;
            }
            ObjectId newId = d.getNewId().toObjectId();
            boolean hasOld = d.getChangeType() != DiffEntry.ChangeType.ADD
                    && d.getOldMode().getObjectType() == org.eclipse.jgit.lib.Constants.OBJ_BLOB;
            ObjectId oldId = hasOld ? d.getOldId().toObjectId() : null;
            boolean moved = d.getChangeType() == DiffEntry.ChangeType.RENAME || d.getChangeType() == DiffEntry.ChangeType.COPY;
            if (moved && !rules.samePolicy().test(d.getOldPath(), path)) {
                oldId = null; // under other rules now: nothing of it was checked as it must be here
            }
            if (newId.equals(oldId) && !wantsWhole.test(path)) {
                continue; // moved or re-moded unchanged: adds no line
            }
            byte[] bytes = blobs.load(newId, path, stats);
            if (bytes == null) {
                continue;
            }
            sink.accept(new Target(path, bytes, commit, addedLines(oldId, bytes, path), newId.name()));
        }
    }

    /** Lines of {@code bytes} not in the old blob; null (every line) when there is none to compare. */
    LineSet addedLines(AnyObjectId oldId, byte[] bytes, String path) {
        if (oldId == null || Content.isBinary(bytes, bytes.length)) {
            return null;
        }
        byte[] old = blobs.read(oldId, path);
        if (old == null || Content.isBinary(old, old.length)) {
            return null;
        }
        return GitBlobs.added(old, bytes);
    }
}
