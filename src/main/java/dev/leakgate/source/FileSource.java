package dev.leakgate.source;

import dev.leakgate.report.ScanStats;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Plain files and folders, no git. Walks folders without following symlinks (so a link can never
 * lead out of the tree), skips {@code .git}, binary files and files over the size limit.
 * Paths are shown relative to the folder given (or as given, for a file).
 */
public final class FileSource implements Source {
    private final List<Path> roots;
    private final long maxSize;
    /** Whether a file should be read even though it is binary (an envelope check wants the bytes). */
    private final Predicate<String> wantsBinary;
    /** 0: no special limit for the files {@code wantsBinary} names. */
    private final long envelopeMaxSize;

    /**
     * Files {@code wantsBinary} names are the caller's to judge when too large: skipped and
     * counted like any other (the envelope command refuses to pass on that count).
     */
    public FileSource(List<Path> roots, long maxSize, Predicate<String> wantsBinary) {
        this(roots, maxSize, wantsBinary, 0);
    }

    /**
     * Files {@code wantsBinary} names (the secrets paths) are read up to {@code envelopeMaxSize}
     * whatever {@code maxSize} says, and a larger one fails the run: the gate must prove each is
     * an envelope and may not skip one.
     */
    public FileSource(List<Path> roots, long maxSize, Predicate<String> wantsBinary, long envelopeMaxSize) {
        this.roots = List.copyOf(roots);
        this.maxSize = maxSize;
        this.wantsBinary = wantsBinary;
        this.envelopeMaxSize = envelopeMaxSize;
    }

    @Override
    public void forEach(TargetSink sink, ScanStats stats) {
        for (Path root : roots) {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                throw new SourceException("cannot read " + root + ": no such file or directory");
            }
            if (Files.isSymbolicLink(root) && !Files.isDirectory(root)) {
                readFile(root, root.toString(), sink, stats);
            } else if (Files.isDirectory(root)) {
                walk(root, sink, stats);
            } else {
                readFile(root, root.toString(), sink, stats);
            }
        }
    }

    private void walk(Path root, TargetSink sink, ScanStats stats) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(root)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink()) {
                        stats.skippedSymlink(root.relativize(file).toString().replace('\\', '/'));
                    } else if (attrs.isRegularFile()) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new SourceException("cannot read " + describe(e));
        }
        files.sort(null);
        for (Path f : files) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            readFile(f, rel, sink, stats);
        }
    }

    private void readFile(Path file, String shown, TargetSink sink, ScanStats stats) {
        try {
            if (Files.isSymbolicLink(file)) {
                stats.skippedSymlink(shown);
                return;
            }
            long size = Files.size(file);
            if (envelopeMaxSize > 0 && wantsBinary.test(shown)) {
                if (size > envelopeMaxSize) {
                    throw Content.tooLargeForEnvelope(shown, size);
                }
            } else if (size > maxSize) {
                stats.skippedLarge(shown);
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (Content.isBinary(bytes, bytes.length) && !wantsBinary.test(shown)) {
                stats.skippedBinary(shown);
                return;
            }
            sink.accept(Target.file(shown, bytes));
        } catch (IOException e) {
            throw new SourceException("cannot read " + describe(e));
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        return e.getMessage();
    }
}
