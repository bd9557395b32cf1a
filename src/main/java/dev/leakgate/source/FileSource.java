package dev.leakgate.source;

import dev.leakgate.report.ScanStats;
import dev.leakgate.report.Skip;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Plain files and folders, no git.
 *
 * <p>What the user named is read, whatever it is: a symlink is followed (to a file or a folder),
 * a pipe or a device is read as a stream ({@code <(...)}, {@code /dev/stdin}), and {@code -} is
 * standard input. Inside a folder, symlinks are not followed (a link could lead out of the tree):
 * one under a secrets path is read as git would store it, its target's path, which is no
 * envelope; any other is skipped and named. FIFOs, sockets and devices in a folder are skipped
 * and named (reading one could block or never end), and so is {@code .git}.
 */
public final class FileSource implements Source {
    private final List<NamedPaths.Named> named;
    private final long maxSize;
    /** The secrets paths: their files must be proven envelopes, whatever their size or kind. */
    private final Predicate<String> secretsPath;
    /** 0: no special limit for secrets paths, they are skipped over {@code maxSize} like any file. */
    private final long envelopeMaxSize;
    private final Supplier<InputStream> stdin;

    /**
     * Files under a secrets path are read up to {@code envelopeMaxSize} whatever {@code maxSize}
     * says, and a larger one fails the run: the gate must prove each is an envelope and may not
     * skip one. With {@code envelopeMaxSize} 0 they are skipped over {@code maxSize} like any
     * other, and named (the envelope command refuses to pass on that).
     */
    public FileSource(List<NamedPaths.Named> named, long maxSize, Predicate<String> secretsPath, long envelopeMaxSize) {
        this(named, maxSize, secretsPath, envelopeMaxSize, () -> System.in);
    }

    FileSource(List<NamedPaths.Named> named, long maxSize, Predicate<String> secretsPath, long envelopeMaxSize,
            Supplier<InputStream> stdin) {
        this.named = List.copyOf(named);
        this.maxSize = maxSize;
        this.secretsPath = secretsPath;
        this.envelopeMaxSize = envelopeMaxSize;
        this.stdin = stdin;
    }

    @Override
    public void forEach(TargetSink sink, ScanStats stats) {
        Set<String> seen = new HashSet<>(); // a file named twice (a folder and a file in it) is read once
        TargetSink once = t -> {
            if (seen.add(t.path())) {
                sink.accept(t);
            }
        };
        for (NamedPaths.Named n : named) {
            if (n.isStdin()) {
                readStream(stdin.get(), n.shown(), n.given(), once, stats);
            } else if (!Files.exists(n.file(), LinkOption.NOFOLLOW_LINKS)) {
                throw new SourceException("cannot read " + n.given() + ": no such file or directory");
            } else if (Files.isDirectory(n.file())) {
                walk(n, once, stats);
            } else if (Files.isRegularFile(n.file())) {
                readFile(n.file(), n.shown(), once, stats);
            } else {
                try (InputStream in = Files.newInputStream(n.file())) {
                    readStream(in, n.shown(), n.given(), once, stats);
                } catch (IOException e) {
                    throw new SourceException("cannot read " + describe(n.given(), e));
                }
            }
        }
    }

    /** What a walk meets, by kind: read it, read the link, or name it as skipped. */
    private enum Kind { FILE, LINK, SPECIAL }

    private void walk(NamedPaths.Named folder, TargetSink sink, ScanStats stats) {
        Path top;
        try {
            top = folder.file().toRealPath(); // a named link to a folder: walk what it points to
        } catch (IOException e) {
            throw new SourceException("cannot read " + describe(folder.given(), e));
        }
        Map<String, Object[]> found = new TreeMap<>(); // shown -> {Path, Kind}, in path order
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(top)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String shown = folder.child(top.relativize(file).toString().replace('\\', '/'));
                    Kind kind = attrs.isSymbolicLink() ? Kind.LINK : attrs.isRegularFile() ? Kind.FILE : Kind.SPECIAL;
                    found.put(shown, new Object[] {file, kind});
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new SourceException("cannot read " + describe(null, e));
        }
        for (Map.Entry<String, Object[]> e : found.entrySet()) {
            String shown = e.getKey();
            Path file = (Path) e.getValue()[0];
            switch ((Kind) e.getValue()[1]) {
                case FILE -> readFile(file, shown, sink, stats);
                case LINK -> readLink(file, shown, sink, stats);
                case SPECIAL -> stats.skipped(shown, Skip.Reason.SPECIAL);
            }
        }
    }

    /**
     * A symlink in a walked folder. Under a secrets path it is what git would record, a blob
     * holding the target's path, and that is no envelope: reported, as the git modes report it.
     */
    private void readLink(Path link, String shown, TargetSink sink, ScanStats stats) {
        if (!secretsPath.test(shown)) {
            stats.skippedSymlink(shown);
            return;
        }
        try {
            sink.accept(Target.file(shown, Files.readSymbolicLink(link).toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new SourceException("cannot read " + describe(null, e));
        }
    }

    private void readFile(Path file, String shown, TargetSink sink, ScanStats stats) {
        try {
            long size = Files.size(file);
            boolean envelope = secretsPath.test(shown);
            if (envelope && envelopeMaxSize > 0) {
                if (size > envelopeMaxSize) {
                    throw Content.tooLargeForEnvelope(shown, size);
                }
            } else if (size > maxSize) {
                stats.skippedLarge(shown);
                return;
            }
            accept(Files.readAllBytes(file), shown, sink);
        } catch (IOException e) {
            throw new SourceException("cannot read " + describe(null, e));
        }
    }

    /**
     * A pipe, a device or standard input: no size to check first, so read up to the limit and one
     * byte more. Past the limit it is what a file that large is: skipped and named, or (under a
     * secrets path) a failed run. An endless stream ({@code /dev/zero}) so ends at the limit.
     */
    private void readStream(InputStream in, String shown, String given, TargetSink sink, ScanStats stats) {
        boolean envelope = secretsPath.test(shown) && envelopeMaxSize > 0;
        long limit = envelope ? envelopeMaxSize : maxSize;
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw new SourceException("cannot read " + describe(given, e));
        }
        if (bytes.length > limit) {
            if (envelope) {
                throw Content.tooLargeForEnvelope(shown, -1);
            }
            stats.skippedLarge(shown);
            return;
        }
        accept(bytes, shown, sink);
    }

    private static void accept(byte[] bytes, String shown, TargetSink sink) {
        sink.accept(Target.file(shown, Content.forRules(bytes)));
    }

    /** One line for an unreadable path: which path (as given, when known) and why, in words. */
    private static String describe(String given, IOException e) {
        if (e instanceof FileSystemException f) {
            String path = given != null ? given : f.getFile();
            if (e instanceof AccessDeniedException) {
                return path + ": permission denied";
            }
            if (e instanceof NoSuchFileException) {
                return path + ": no such file or directory";
            }
            return path + ": " + (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName());
        }
        return (given != null ? given + ": " : "") + e.getMessage();
    }
}
