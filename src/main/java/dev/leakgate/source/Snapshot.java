package dev.leakgate.source;

import java.io.IOException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * One version of the repository's files (a commit's tree, the index), read by path: for a file
 * whose version must be the one being checked, such as the .sops.yaml its secrets are held to.
 */
public interface Snapshot {
    /** Files read by name are configuration, not content: anything larger is refused, not read. */
    long MAX_SIZE = Content.DEFAULT_MAX_SIZE;

    /** How messages name this version ("HEAD", "the index"). */
    String name();

    /**
     * The bytes of the regular file at {@code path} ('/'-separated, from the repository's top),
     * or null when this version holds none there.
     *
     * @throws SourceException when it cannot be read, or is a symbolic link (not followed)
     */
    byte[] file(String path);

    /** The blob behind one entry: null for what is no file (a folder, a submodule). */
    static byte[] blob(org.eclipse.jgit.lib.Repository repo, ObjectReader reader, ObjectId id, FileMode mode, String path, String version) {
        if (mode == FileMode.SYMLINK) {
            // git stores the link's target; following it out of the version checked would defeat reading it from there
            throw new SourceException(path + " in " + version + " is a symbolic link; make it a regular file");
        }
        if (mode.getObjectType() != Constants.OBJ_BLOB || mode == FileMode.GITLINK) {
            return null;
        }
        try {
            ObjectLoader l = reader.open(id, Constants.OBJ_BLOB);
            if (l.getSize() > MAX_SIZE) {
                throw new SourceException(path + " in " + version + " is " + l.getSize() + " bytes, over the "
                        + (MAX_SIZE >> 20) + " MiB a configuration file may be");
            }
            return l.getCachedBytes(Integer.MAX_VALUE);
        } catch (org.eclipse.jgit.errors.LargeObjectException e) {
            throw GitRepos.tooLarge(id, path + " in " + version, e);
        } catch (IOException e) {
            throw GitRepos.unreadable(repo, id, path + " in " + version, e);
        }
    }
}
