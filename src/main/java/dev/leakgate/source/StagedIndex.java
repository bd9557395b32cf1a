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

    /**
     * Starts {@link #read} on another thread: the pre-commit check reads the index and resolves
     * HEAD (its commit, tree and pack) at the same time, its two largest reads.
     */
    public static Reading startReading(Repository repo) {
        java.util.concurrent.FutureTask<StagedIndex> task = new java.util.concurrent.FutureTask<>(() -> read(repo));
        Thread t = new Thread(task, "leakgate-index");
        t.setDaemon(true);
        t.start();
        return new Reading(task);
    }

    /** An index being read; {@link #get} waits for it and fails as {@link #read} would. */
    public static final class Reading {
        private final java.util.concurrent.Future<StagedIndex> task;

        private Reading(java.util.concurrent.Future<StagedIndex> task) {
            this.task = task;
        }

        public StagedIndex get() {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException("interrupted while reading the index");
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new SourceException("cannot read the index: " + e.getCause());
            }
        }
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
            return Snapshot.blob(repo, reader, e.getObjectId(), e.getFileMode(), path, name());
        }
    }
}
