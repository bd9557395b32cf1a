package dev.leakgate.cli;

import static dev.leakgate.testing.ArchiveMaker.files;
import static dev.leakgate.testing.ArchiveMaker.tool;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakgate.testing.ArchiveMaker;
import dev.leakgate.testing.Jar;
import dev.leakgate.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar reads inside archives with every codec it ships (shading kept them whole). */
class ArchivesIT {
    @TempDir
    Path dir;

    @Test
    void theJarReadsInsideEveryFormatAndSurvivesABomb() throws Exception {
        String pat = Tokens.githubPat();
        Path src = dir.resolve("src");
        ArchiveMaker.write(src, files("dir/.env", "GITHUB_TOKEN=" + pat + "\n"));
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        tool(src, "zip", "-qr", "../out/a.zip", "dir");
        tool(src, "tar", "czf", "../out/a.tgz", "dir");
        tool(src, "tar", "cJf", "../out/a.tar.xz", "dir");
        tool(src, "tar", "--zstd", "-cf", "../out/a.tar.zst", "dir");
        tool(src, "tar", "cjf", "../out/a.tar.bz2", "dir");
        tool(src, "sh", "-c", "tar cf - dir | lz4 -q > ../out/a.tar.lz4");
        Files.write(out.resolve("a.7z"), ArchiveMaker.sevenZ(Map.of("dir/.env", Files.readAllBytes(src.resolve("dir/.env"))), null));
        Files.write(out.resolve("42.zip"), ArchiveMaker.nestedZipBomb(4, 16, 4 << 20));
        Jar.Result r = Jar.run(out, "scan", ".", "--format", "json", "--max-archive-depth", "8");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out() + r.err()).doesNotContain(pat);
        JsonNode report = new ObjectMapper().readTree(r.out());
        List<String> paths = new ArrayList<>();
        report.get("findings").forEach(f -> paths.add(f.get("path").asText()));
        assertThat(paths).containsExactlyInAnyOrder("a.zip!dir/.env", "a.tgz!dir/.env", "a.tar.xz!dir/.env",
                "a.tar.zst!dir/.env", "a.tar.bz2!dir/.env", "a.tar.lz4!dir/.env", "a.7z!dir/.env");
        List<String> skipped = new ArrayList<>();
        report.get("stats").get("skipped").forEach(s -> skipped.add(s.get("path").asText() + " " + s.get("reason").asText()));
        assertThat(skipped).containsExactly("42.zip archive-limit");
    }
}
