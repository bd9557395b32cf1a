package dev.leakgate.source;

import dev.leakgate.report.ScanStats;
import dev.leakgate.report.Skip;
import java.io.IOException;
import java.util.function.Predicate;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Every file of one commit's tree, whole: what a publish of that commit shows. */
public final class TreeSource implements Source {
    private final Repository repo;
    private final ObjectId commit;
    private final String name;
    private final long maxSize;
    private final Predicate<String> wantsBinary;

    public TreeSource(Repository repo, ObjectId commit, String name, long maxSize, Predicate<String> wantsBinary) {
        this.repo = repo;
        this.commit = commit;
        this.name = name;
        this.maxSize = maxSize;
        this.wantsBinary = wantsBinary;
    }

    @Override
    public void forEach(TargetSink sink, ScanStats stats) {
        try (ObjectReader reader = repo.newObjectReader(); RevWalk rw = new RevWalk(reader);
                TreeWalk tw = new TreeWalk(repo, reader)) {
            GitBlobs blobs = new GitBlobs(repo, reader, maxSize, wantsBinary);
            tw.setRecursive(true);
            tw.addTree(rw.parseCommit(commit).getTree());
            while (tw.next()) {
                FileMode mode = tw.getFileMode(0);
                if (mode == FileMode.GITLINK) {
                    stats.skipped(tw.getPathString(), Skip.Reason.SUBMODULE);
                    continue;
                }
                if (mode.getObjectType() != Constants.OBJ_BLOB) {
                    continue;
                }
                String path = tw.getPathString();
                ObjectId id = tw.getObjectId(0);
                byte[] bytes = blobs.load(id, path, stats);
                if (bytes != null) {
                    sink.accept(new Target(path, bytes, null, null, id.name()));
                }
            }
        } catch (MissingObjectException e) {
            throw GitRepos.missing(repo, e.getObjectId(), "in the tree of " + name);
        } catch (IOException e) {
            throw GitRepos.unreadable(repo, commit, "tree of " + name, e);
        }
    }
}
