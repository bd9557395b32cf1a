package dev.leakgate.source;

import dev.leakgate.report.ScanStats;
import java.io.IOException;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * What {@code git commit} would record: the index against HEAD. Rules see the lines each staged
 * file adds; the whole staged file is attached. The working tree is never read, so unstaged
 * edits and untracked files cannot be reported. Before the first commit everything staged is new.
 */
public final class StagedSource implements Source {
    private final Repository repo;
    private final StagedIndex index;
    /** HEAD's tree, or null before the first commit. */
    private final ObjectId head;
    private final long maxSize;
    private final Predicate<String> wantsWhole;
    private final PathRules rules;

    public StagedSource(Repository repo, StagedIndex index, long maxSize, PathRules rules) {
        this(repo, index, headTree(repo), maxSize, rules);
    }

    /** @param head HEAD's tree as {@link #headTree(Repository)} resolved it */
    public StagedSource(Repository repo, StagedIndex index, ObjectId head, long maxSize, PathRules rules) {
        this.repo = repo;
        this.index = index;
        this.head = head;
        this.maxSize = maxSize;
        this.wantsWhole = rules.wantsWhole();
        this.rules = rules;
    }

    @Override
    public void forEach(TargetSink sink, ScanStats stats) {
        try (ObjectReader reader = repo.newObjectReader()) {
            GitBlobs blobs = new GitBlobs(repo, reader, maxSize, wantsWhole);
            new GitChanges(repo, reader, blobs, rules)
                    .emit(headTree(reader), index.iterator(), null, "the index against HEAD", sink, stats);
        }
    }

    /**
     * The files among {@code paths} the index leaves as HEAD holds them, whole: for a check whose
     * verdict on them depends on another file the index changes.
     */
    public Source unchanged(Predicate<String> paths) {
        return (sink, stats) -> {
            try (ObjectReader reader = repo.newObjectReader(); TreeWalk tw = new TreeWalk(repo, reader)) {
                GitBlobs blobs = new GitBlobs(repo, reader, maxSize, wantsWhole);
                tw.setRecursive(true);
                tw.addTree(headTree(reader));
                tw.addTree(index.iterator());
                while (tw.next()) {
                    FileMode mode = tw.getFileMode(1);
                    String path = tw.getPathString();
                    if (mode.getObjectType() != Constants.OBJ_BLOB || mode == FileMode.GITLINK || !paths.test(path)
                            || !tw.idEqual(0, 1) || tw.getFileMode(0) != mode) {
                        continue;
                    }
                    ObjectId id = tw.getObjectId(1);
                    byte[] bytes = blobs.load(id, path, stats);
                    if (bytes != null) {
                        sink.accept(new Target(path, bytes, null, null, id.name()));
                    }
                }
            } catch (IOException e) {
                throw GitRepos.unreadable(repo, null, "the index against HEAD", e);
            }
        };
    }

    /** HEAD's tree, or null when there is no commit yet. */
    public static ObjectId headTree(Repository repo) {
        try {
            return repo.resolve("HEAD^{tree}");
        } catch (IOException e) {
            throw new SourceException("cannot resolve HEAD in " + repo.getDirectory() + ": " + e.getMessage());
        }
    }

    private AbstractTreeIterator headTree(ObjectReader reader) {
        if (head == null) {
            return new EmptyTreeIterator(); // no commit yet
        }
        try {
            return new CanonicalTreeParser(null, reader, head);
        } catch (IOException e) {
            throw GitRepos.unreadable(repo, head, "tree of HEAD", e);
        }
    }
}
