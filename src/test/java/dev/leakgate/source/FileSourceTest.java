package dev.leakgate.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.report.ScanStats;
import dev.leakgate.report.Skip;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {
    @TempDir
    Path dir;

    private List<Target> read(ScanStats stats, long maxSize, String... args) {
        NamedPaths named = NamedPaths.resolve(List.of(args), dir, NamedPaths.Outside.FOLDER_IS_ROOT);
        List<Target> out = new ArrayList<>();
        new FileSource(named.list(), maxSize, p -> p.startsWith("secrets/"), Content.ENVELOPE_MAX_SIZE).forEach(out::add, stats);
        return out;
    }

    @Test
    void everythingPassedOverInAFolderIsNamedWithItsReason() throws Exception {
        Files.createDirectories(dir.resolve("tree/sub"));
        Files.writeString(dir.resolve("tree/a.txt"), "a\n");
        Files.writeString(dir.resolve("tree/sub/big.txt"), "x".repeat(200));
        Files.createSymbolicLink(dir.resolve("tree/link.txt"), dir.resolve("tree/a.txt"));
        assertThat(new ProcessBuilder("mkfifo", dir.resolve("tree/sub/fifo").toString()).start().waitFor()).isZero();
        ScanStats stats = new ScanStats();
        List<Target> targets = read(stats, 100, "tree");
        assertThat(targets).extracting(Target::path).containsExactly("a.txt");
        assertThat(stats.skips()).containsExactly(new Skip("link.txt", Skip.Reason.SYMLINK),
                new Skip("sub/big.txt", Skip.Reason.LARGE), new Skip("sub/fifo", Skip.Reason.SPECIAL));
    }

    @Test
    void aSymlinkUnderASecretsPathIsReadAsGitStoresIt() throws Exception {
        Files.createDirectories(dir.resolve("tree/secrets"));
        Files.createSymbolicLink(dir.resolve("tree/secrets/db.yaml"), Path.of("../db.yaml"));
        ScanStats stats = new ScanStats();
        List<Target> targets = read(stats, 100, "tree");
        assertThat(targets).hasSize(1);
        assertThat(targets.get(0).path()).isEqualTo("secrets/db.yaml");
        assertThat(new String(targets.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("../db.yaml");
        assertThat(stats.skips()).isEmpty();
    }

    @Test
    void aFileNamedTwiceIsReadOnce() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a\n");
        List<Target> targets = read(new ScanStats(), 100, ".", "a.txt", "./a.txt");
        assertThat(targets).extracting(Target::path).containsExactly("a.txt");
    }
}
