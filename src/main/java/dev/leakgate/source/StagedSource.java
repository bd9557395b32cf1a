package dev.leakgate.source;

import dev.leakgate.report.ScanStats;
import java.io.IOException;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;

/**
 * What {@code git commit} would record: the index against HEAD. Rules see the lines each staged
 * file adds; the whole staged file is attached. The working tree is never read, so unstaged
 * edits and untracked files cannot be reported. Before the first commit everything staged is new.
 */
public final class StagedSource implements Source {
    private final Repository repo;
    private final StagedIndex index;
    private final long maxSize;
    private final Predicate<String> wantsWhole;

    public StagedSource(Repository repo, StagedIndex index, long maxSize, Predicate<String> wantsWhole) {
        this.repo = repo;
        this.index = index;
        this.maxSize = maxSize;
        this.wantsWhole = wantsWhole;
    }

    @Override
    public void forEach(TargetSink sink, ScanStats stats) {
        try (ObjectReader reader = repo.newObjectReader()) {
            GitBlobs blobs = new GitBlobs(reader, maxSize, wantsWhole);
            new GitChanges(repo, reader, blobs, wantsWhole)
                    .emit(headTree(reader), index.iterator(), null, "the index against HEAD", sink, stats);
        }
    }

    private AbstractTreeIterator headTree(ObjectReader reader) {
        ObjectId tree;
        try {
            tree = repo.resolve("HEAD^{tree}");
        } catch (IOException e) {
            throw new SourceException("cannot resolve HEAD in " + repo.getDirectory() + ": " + e.getMessage());
        }
        if (tree == null) {
            return new EmptyTreeIterator(); // no commit yet
        }
        try {
            return new CanonicalTreeParser(null, reader, tree);
        } catch (IOException e) {
            throw GitRepos.unreadable(tree, "tree of HEAD", e);
        }
    }
}
