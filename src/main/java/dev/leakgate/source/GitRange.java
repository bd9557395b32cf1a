package dev.leakgate.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * What a gate checks: the commits reachable from {@code head} and from none of {@code bases}
 * (none: every commit of head), and the published commit whose policy it is held to
 * ({@code trusted}: what is published was already gated, what the range brings is not yet).
 * {@code headTag} is the annotated tag {@code head} names, if it names one: its message is
 * published with it.
 */
public record GitRange(List<ObjectId> bases, ObjectId head, String baseName, String headName, ObjectId trusted,
        ObjectId headTag) {

    /** Resolves both ends, failing closed with one line that says what is missing and how to fix it. */
    public static GitRange resolve(Repository repo, String base, String head) {
        ObjectId h = commit(repo, head, "head");
        ObjectId tag = annotatedTag(repo, head);
        if (base == null) {
            return new GitRange(List.of(), h, null, head, h, tag);
        }
        if (isNullId(base)) {
            return newBranch(repo, h, head, tag);
        }
        ObjectId b = commit(repo, base, "base");
        return new GitRange(List.of(b), h, base, head, b, tag);
    }

    /** True when something is already published (a base): a finding the range does not add was there before. */
    public boolean hasBase() {
        return !bases.isEmpty();
    }

    /** "between B and H", "of H": for messages about the history gated. */
    public String describe() {
        return baseName == null ? "of " + headName : "between " + baseName + " and " + headName;
    }

    /**
     * The forty zeros CI systems and git's pre-push hook give as the old value of a branch that
     * did not exist: nothing of this branch is published, but what the remote-tracking branches
     * hold is. A remote-tracking branch that already holds head is this branch itself (a CI
     * checkout fetches it) and publishes nothing of it. Local branches are not taken as published:
     * a local default branch may hold commits never pushed, which this push would publish.
     */
    static GitRange newBranch(Repository repo, ObjectId head, String headName, ObjectId tag) {
        List<ObjectId> bases = new ArrayList<>();
        ObjectId trusted = null;
        try (RevWalk rw = new RevWalk(repo)) {
            RevCommit h = rw.parseCommit(head);
            ObjectId defaultBranch = defaultRemoteBranch(repo);
            long newest = Long.MIN_VALUE;
            for (Ref r : repo.getRefDatabase().getRefsByPrefix(Constants.R_REMOTES)) {
                ObjectId id = r.getObjectId();
                if (id == null || r.isSymbolic()) {
                    continue;
                }
                RevObject o = rw.peel(rw.parseAny(id));
                if (!(o instanceof RevCommit c) || bases.contains(c)) {
                    continue;
                }
                rw.reset();
                if (rw.isMergedInto(h, c)) {
                    continue;
                }
                bases.add(c.copy());
                if (c.equals(defaultBranch)) {
                    trusted = c.copy();
                    newest = Long.MAX_VALUE;
                } else if (c.getCommitTime() > newest) {
                    trusted = c.copy();
                    newest = c.getCommitTime();
                }
            }
        } catch (MissingObjectException e) {
            throw GitRepos.missing(repo, e.getObjectId(), "on a remote-tracking branch");
        } catch (IOException e) {
            throw GitRepos.unreadable(repo, null, "remote-tracking branches", e);
        }
        return new GitRange(List.copyOf(bases), head, bases.isEmpty() ? null : "the remote-tracking branches", headName,
                trusted == null ? head : trusted, tag);
    }

    /** The commit refs/remotes/REMOTE/HEAD names (the remote's default branch), origin first. */
    private static ObjectId defaultRemoteBranch(Repository repo) throws IOException {
        List<String> names = new ArrayList<>(List.of(Constants.R_REMOTES + "origin/HEAD"));
        for (String remote : repo.getRemoteNames()) {
            names.add(Constants.R_REMOTES + remote + "/HEAD");
        }
        for (String n : names) {
            Ref r = repo.exactRef(n);
            if (r != null && r.getObjectId() != null) {
                return r.getObjectId();
            }
        }
        return null;
    }

    /** All zeros, as git and CI systems name "no commit" (SHA-1 or SHA-256 length). */
    public static boolean isNullId(String rev) {
        return (rev.length() == 40 || rev.length() == 64) && rev.chars().allMatch(c -> c == '0');
    }

    private static ObjectId annotatedTag(Repository repo, String rev) {
        try {
            ObjectId id = repo.resolve(rev);
            if (id == null) {
                return null;
            }
            try (RevWalk rw = new RevWalk(repo)) {
                return rw.parseAny(id) instanceof RevTag t ? t.copy() : null;
            }
        } catch (IOException | RevisionSyntaxException e) {
            return null; // resolving it as a commit already succeeded: it is just not a tag
        }
    }

    private static ObjectId commit(Repository repo, String rev, String role) {
        String fetch = GitRepos.isShallow(repo) ? "fetch it (git fetch --unshallow, or fetch-depth: 0 in CI)"
                : "fetch it (git fetch, or fetch-depth: 0 in CI)";
        ObjectId id;
        try {
            id = repo.resolve(rev + "^{commit}");
        } catch (RevisionSyntaxException | IncorrectObjectTypeException e) {
            throw new SourceException(role + " " + rev + " is not a commit");
        } catch (MissingObjectException e) {
            throw new SourceException(role + " " + rev + " names object " + e.getObjectId().name()
                    + " that is not in this repository; " + fetch);
        } catch (IOException e) {
            throw new SourceException("cannot resolve " + role + " " + rev + ": " + e.getMessage());
        }
        if (id == null) {
            if (resolvesToSomethingElse(repo, rev)) {
                // JGit answers null, not a type error, for a tag that peels to a blob
                throw new SourceException(role + " " + rev + " is not a commit");
            }
            throw new SourceException(role + " " + rev + " does not resolve to a commit in this repository;"
                    + " " + fetch + " or check the name");
        }
        try (RevWalk rw = new RevWalk(repo)) {
            rw.parseCommit(id);
        } catch (MissingObjectException e) {
            throw new SourceException(role + " " + rev + " (" + id.name() + ") is not in this repository; " + fetch);
        } catch (IOException e) {
            throw GitRepos.unreadable(repo, id, role + " " + rev, e);
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
