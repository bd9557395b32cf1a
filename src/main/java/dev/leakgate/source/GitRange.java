package dev.leakgate.source;

import java.io.IOException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/** {@code base..head} resolved to commits; base may be null (everything reachable from head). */
public record GitRange(ObjectId base, ObjectId head, String baseName, String headName) {

    /** Resolves both ends, failing closed with one line that says what is missing and how to fix it. */
    public static GitRange resolve(Repository repo, String base, String head) {
        ObjectId b = base == null ? null : commit(repo, base, "base");
        ObjectId h = commit(repo, head, "head");
        return new GitRange(b, h, base, head);
    }

    private static ObjectId commit(Repository repo, String rev, String role) {
        ObjectId id;
        try {
            id = repo.resolve(rev + "^{commit}");
        } catch (RevisionSyntaxException | IncorrectObjectTypeException e) {
            throw new SourceException(role + " " + rev + " is not a commit");
        } catch (MissingObjectException e) {
            throw new SourceException(role + " " + rev + " names object " + e.getObjectId().name()
                    + " that is not in this repository; fetch it (git fetch --unshallow, or fetch-depth: 0 in CI)");
        } catch (IOException e) {
            throw new SourceException("cannot resolve " + role + " " + rev + ": " + e.getMessage());
        }
        if (id == null) {
            if (resolvesToSomethingElse(repo, rev)) {
                // JGit answers null, not a type error, for a tag that peels to a blob
                throw new SourceException(role + " " + rev + " is not a commit");
            }
            throw new SourceException(role + " " + rev + " does not resolve to a commit in this repository;"
                    + " fetch it (git fetch --unshallow, or fetch-depth: 0 in CI) or check the name");
        }
        try (RevWalk rw = new RevWalk(repo)) {
            rw.parseCommit(id);
        } catch (MissingObjectException e) {
            throw new SourceException(role + " " + rev + " (" + id.name() + ") is not in this repository;"
                    + " fetch it (git fetch --unshallow, or fetch-depth: 0 in CI)");
        } catch (IOException e) {
            throw new SourceException(role + " " + rev + " (" + id.name() + ") cannot be read: " + e.getMessage());
        }
        return id;
    }

    private static boolean resolvesToSomethingElse(Repository repo, String rev) {
        try {
            return repo.resolve(rev) != null;
        } catch (IOException | RevisionSyntaxException e) {
            return false;
        }
    }
}
