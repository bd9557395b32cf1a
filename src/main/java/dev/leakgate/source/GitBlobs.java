package dev.leakgate.source;

import dev.leakgate.report.ScanStats;
import java.io.IOException;
import java.util.function.Predicate;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/** Reading blobs and diffing them into added lines: shared by the git sources. */
final class GitBlobs {
    private static final DiffAlgorithm HISTOGRAM = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);

    private final org.eclipse.jgit.lib.Repository repo;
    private final ObjectReader reader;
    private final long maxSize;
    /** Paths whose whole content a check wants even when binary (the envelope checks). */
    private final Predicate<String> wantsBinary;

    GitBlobs(org.eclipse.jgit.lib.Repository repo, ObjectReader reader, long maxSize, Predicate<String> wantsBinary) {
        this.repo = repo;
        this.reader = reader;
        this.maxSize = maxSize;
        this.wantsBinary = wantsBinary;
    }

    /** What the rules read of the blob, or null when it is over the limit (counted and named in stats). */
    byte[] load(AnyObjectId id, String path, ScanStats stats) {
        byte[] bytes = read(id, path);
        if (bytes == null) {
            stats.skippedLarge(path);
        }
        return bytes;
    }

    /** What the rules read of the blob ({@link Content#forRules}), or null when over the size limit. */
    byte[] read(AnyObjectId id, String path) {
        try {
            ObjectLoader l = reader.open(id, Constants.OBJ_BLOB);
            boolean envelope = wantsBinary.test(path);
            if (envelope && l.getSize() > Content.ENVELOPE_MAX_SIZE) {
                throw Content.tooLargeForEnvelope(path, l.getSize());
            }
            if (l.getSize() > maxSize && !envelope) {
                return null;
            }
            return Content.forRules(l.getCachedBytes(Integer.MAX_VALUE));
        } catch (org.eclipse.jgit.errors.LargeObjectException e) {
            throw GitRepos.tooLarge(id, "blob " + path, e);
        } catch (IOException e) {
            throw GitRepos.unreadable(repo, id, "blob " + path, e);
        }
    }

    /** Lines of {@code b} that are not in {@code a} (1-based, in b). */
    static LineSet added(byte[] a, byte[] b) {
        RawText ra = new RawText(a);
        RawText rb = new RawText(b);
        EditList edits = HISTOGRAM.diff(RawTextComparator.DEFAULT, ra, rb);
        LineSet.Builder out = new LineSet.Builder();
        for (Edit e : edits) {
            out.add(e.getBeginB() + 1, e.getEndB());
        }
        return out.build();
    }
}
