package dev.leakgate.source;

import dev.leakgate.report.ScanStats;
import dev.leakgate.report.Skip;
import java.io.IOException;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Every commit in {@code base..head}, merges included, each scanned on what it adds, oldest first
 * (so the first finding of a leak names the commit that introduced it). A root commit adds
 * everything; any other commit adds its lines not in its first parent; a merge adds the lines of
 * its result that are in none of its parents (a clean merge adds nothing, an evil merge's own
 * lines are its own). Each commit's message is a target too (published with it), and so is the
 * message of the annotated tag head names.
 */
public final class RangeSource implements Source {
    private final Repository repo;
    private final GitRange range;
    private final long maxSize;
    private final Predicate<String> wantsWhole;
    private final PathRules rules;

    public RangeSource(Repository repo, GitRange range, long maxSize, PathRules rules) {
        this.repo = repo;
        this.range = range;
        this.maxSize = maxSize;
        this.wantsWhole = rules.wantsWhole();
        this.rules = rules;
    }

    @Override
    public void forEach(TargetSink sink, ScanStats stats) {
        Set<ObjectId> shallow = shallowCommits(repo);
        try (ObjectReader reader = repo.newObjectReader(); RevWalk rw = new RevWalk(reader)) {
            GitBlobs blobs = new GitBlobs(repo, reader, maxSize, wantsWhole);
            GitChanges changes = new GitChanges(repo, reader, blobs, rules);
            rw.sort(RevSort.TOPO);
            rw.sort(RevSort.REVERSE, true);
            rw.markStart(rw.parseCommit(range.head()));
            for (ObjectId base : range.bases()) {
                rw.markUninteresting(rw.parseCommit(base));
            }
            if (range.headTag() != null) {
                RevTag tag = rw.parseTag(range.headTag());
                message(tag.getRawBuffer(), Messages.path(tag.getTagName()), null, sink);
            }
            for (RevCommit c : rw) {
                if (shallow.contains(c)) {
                    throw new SourceException("the history " + range.describe()
                            + " is cut off at commit " + c.name() + " (a shallow clone): fetch the full history"
                            + " (git fetch --unshallow, or fetch-depth: 0 in CI)");
                }
                message(c.getRawBuffer(), Messages.path(c.name()), c.name(), sink);
                String what = "commit " + c.name();
                if (c.getParentCount() == 0) {
                    changes.emit(new EmptyTreeIterator(), tree(reader, c), c.name(), what, sink, stats);
                } else if (c.getParentCount() == 1) {
                    RevCommit p = rw.parseCommit(c.getParent(0));
                    changes.emit(tree(reader, p), tree(reader, c), c.name(), what, sink, stats);
                } else {
                    merge(rw, reader, c, changes, blobs, sink, stats);
                }
            }
        } catch (MissingObjectException e) {
            throw GitRepos.missing(repo, e.getObjectId(), "in the history of " + range.headName());
        } catch (IOException e) {
            throw GitRepos.unreadable(repo, null, "history of " + range.headName(), e);
        }
    }

    private static void message(byte[] raw, String path, String commit, TargetSink sink) {
        byte[] message = Messages.of(raw);
        if (message.length > 0) {
            sink.accept(new Target(path, message, commit, null, null));
        }
    }

    private void merge(RevWalk rw, ObjectReader reader, RevCommit c, GitChanges changes, GitBlobs blobs,
            TargetSink sink, ScanStats stats) throws IOException {
        int n = c.getParentCount();
        try (TreeWalk tw = new TreeWalk(repo, reader)) {
            tw.setRecursive(true);
            for (int i = 0; i < n; i++) {
                tw.addTree(rw.parseCommit(c.getParent(i)).getTree());
            }
            tw.addTree(c.getTree());
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                FileMode mode = tw.getFileMode(n);
                if (mode == FileMode.GITLINK) {
                    stats.skipped(tw.getPathString(), Skip.Reason.SUBMODULE);
                    continue;
                }
                if (mode.getObjectType() != Constants.OBJ_BLOB) {
                    continue;
                }
                ObjectId id = tw.getObjectId(n);
                boolean inAParent = false;
                for (int i = 0; i < n && !inAParent; i++) {
                    inAParent = id.equals(tw.getObjectId(i)) && tw.getFileMode(i).getObjectType() == Constants.OBJ_BLOB;
                }
                if (inAParent) {
                    continue; // taken whole from a parent: the merge adds nothing here
                }
                String path = tw.getPathString();
                byte[] bytes = blobs.load(id, path, stats);
                if (bytes == null) {
                    continue;
                }
                LineSet lines = null;
                for (int i = 0; i < n; i++) {
                    boolean parentHas = tw.getFileMode(i).getObjectType() == Constants.OBJ_BLOB;
                    LineSet vsParent = changes.addedLines(parentHas ? tw.getObjectId(i) : null, bytes, path);
                    if (vsParent != null) {
                        lines = lines == null ? vsParent : lines.intersect(vsParent);
                    }
                }
                if (lines != null && lines.isEmpty() && !wantsWhole.test(path)) {
                    continue;
                }
                sink.accept(new Target(path, bytes, c.name(), lines, id.name()));
            }
        }
    }

    private static CanonicalTreeParser tree(ObjectReader reader, RevCommit c) throws IOException {
        return new CanonicalTreeParser(null, reader, c.getTree());
    }

    static Set<ObjectId> shallowCommits(Repository repo) {
        try {
            if (repo.getObjectDatabase() instanceof ObjectDirectory od) {
                return od.getShallowCommits();
            }
            return Set.of();
        } catch (IOException e) {
            throw new SourceException("cannot read the shallow list of " + repo.getDirectory() + ": " + e.getMessage());
        }
    }
}
