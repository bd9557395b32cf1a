package dev.leakgate.source;

import java.io.IOException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.NoWorkTreeException;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * The index as {@code git commit} would record it. Intent-to-add entries ({@code git add -N})
 * are left out: they stand for the empty blob, but a commit writes them nowhere.
 */
public final class StagedIndex implements Snapshot {
    private final Repository repo;
    private final DirCache entries;

    private StagedIndex(Repository repo, DirCache entries) {
        this.repo = repo;
        this.entries = entries;
    }

    /** Fails when there is nothing a commit could record: a bare repository, or unresolved conflicts. */
    public static StagedIndex read(Repository repo) {
        DirCache index;
        try {
            index = repo.readDirCache();
        } catch (NoWorkTreeException e) {
            throw new SourceException("staged needs a repository with a work tree; " + repo.getDirectory() + " is bare");
        } catch (IOException e) {
            throw new SourceException("cannot read the index of " + repo.getDirectory() + ": " + e.getMessage());
        }
        if (index.hasUnmergedPaths()) {
            throw new SourceException("the index has unmerged paths: resolve the conflicts and stage the result first");
        }
        return new StagedIndex(repo, withoutIntentToAdd(index));
    }

    private static DirCache withoutIntentToAdd(DirCache index) {
        boolean any = false;
        for (int i = 0; i < index.getEntryCount() && !any; i++) {
            any = index.getEntry(i).isIntentToAdd();
        }
        if (!any) {
            return index;
        }
        DirCache committed = DirCache.newInCore();
        DirCacheBuilder b = committed.builder();
        for (int i = 0; i < index.getEntryCount(); i++) {
            DirCacheEntry e = index.getEntry(i);
            if (!e.isIntentToAdd()) {
                b.add(e);
            }
        }
        b.finish();
        return committed;
    }

    DirCacheIterator iterator() {
        return new DirCacheIterator(entries);
    }

    @Override
    public String name() {
        return "the index";
    }

    @Override
    public byte[] file(String path) {
        DirCacheEntry e = entries.getEntry(path);
        if (e == null) {
            return null;
        }
        try (ObjectReader reader = repo.newObjectReader()) {
            return Snapshot.blob(reader, e.getObjectId(), e.getFileMode(), path, name());
        }
    }
}
