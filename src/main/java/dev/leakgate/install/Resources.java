package dev.leakgate.install;

import dev.leakgate.source.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** The files install writes, as the jar carries them, and how they are written. */
final class Resources {
    private Resources() {
    }

    static byte[] read(String resource) throws IOException {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SourceException(resource + " is not packaged in this build of leakgate");
            }
            return in.readAllBytes();
        }
    }

    /** Whether the start of {@code file} carries leakgate's marker: only such files are replaced or removed. */
    static boolean isOurs(Path file, String marker) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return new String(head, 0, n, StandardCharsets.UTF_8).contains(marker);
    }

    /** Written beside, then moved over the old one: a hook or command running meanwhile reads either whole. */
    static void write(Path target, byte[] content, String mode) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".leakgate-tmp");
        Files.write(tmp, content);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException e) {
            tmp.toFile().setExecutable(mode.contains("x"));
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void writeExecutable(Path target, byte[] content) throws IOException {
        write(target, content, "rwxr-xr-x");
    }
}
