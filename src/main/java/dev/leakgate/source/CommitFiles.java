package dev.leakgate.source;

import java.io.IOException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** The files of one commit's tree, read by path. */
public final class CommitFiles implements Snapshot {
    private final Repository repo;
    private final ObjectId commit;
    private final String name;

    /**
     * @param commit the commit, or null for none yet (an unborn branch: no files)
     * @param name   how messages name it (the revision as given)
     */
    public CommitFiles(Repository repo, ObjectId commit, String name) {
        this.repo = repo;
        this.commit = commit;
        this.name = name;
    }

    /** The commit the work tree is checked out at (none on an unborn branch). */
    public static CommitFiles head(Repository repo) {
        try {
            return new CommitFiles(repo, repo.resolve("HEAD^{commit}"), "HEAD");
        } catch (IOException e) {
            throw new SourceException("cannot resolve HEAD in " + repo.getDirectory() + ": " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte[] file(String path) {
        if (commit == null) {
            return null;
        }
        try (ObjectReader reader = repo.newObjectReader(); RevWalk rw = new RevWalk(reader);
                TreeWalk tw = TreeWalk.forPath(reader, path, rw.parseCommit(commit).getTree())) {
            return tw == null ? null : Snapshot.blob(repo, reader, tw.getObjectId(0), tw.getFileMode(0), path, name);
        } catch (MissingObjectException e) {
            throw GitRepos.missing(repo, e.getObjectId(), "in the tree of " + name);
        } catch (IOException e) {
            throw GitRepos.unreadable(repo, commit, "tree of " + name, e);
        }
    }
}
