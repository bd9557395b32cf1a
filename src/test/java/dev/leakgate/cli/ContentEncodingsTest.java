package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakgate.source.TestRepo;
import dev.leakgate.testing.Tokens;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text behind a byte-order mark and binary content are read in every mode: a secret in either is
 * found, at the line and column an editor shows.
 */
class ContentEncodingsTest {
    @TempDir
    Path tmp;

    private final String pat = Tokens.githubPat();

    /** Three lines, the token on the third, at column 14 ("GITHUB_TOKEN=" is 13 characters). */
    private String text() {
        return "# d\u00e9ploiement\r\nname: app\r\nGITHUB_TOKEN=" + pat + "\r\n";
    }

    private static byte[] withMark(String text, String charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(switch (charset) {
            case "UTF-8" -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            case "UTF-16LE" -> new byte[] {(byte) 0xFF, (byte) 0xFE};
            case "UTF-16BE" -> new byte[] {(byte) 0xFE, (byte) 0xFF};
            case "UTF-32LE" -> new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0};
            case "UTF-32BE" -> new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF};
            default -> throw new IllegalArgumentException(charset);
        });
        out.writeBytes(text.getBytes(Charset.forName(charset)));
        return out.toByteArray();
    }

    private static List<String> placed(Cli r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : Json.findings(r)) {
            out.add(f.get("path").asText() + ":" + f.get("line").asInt() + ":" + f.get("column").asInt() + " " + f.get("ruleId").asText());
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
    void scanFindsASecretInTextBehindAByteOrderMark(String charset) throws Exception {
        Files.write(tmp.resolve("deploy.env"), withMark(text(), charset));
        Cli r = Cli.run("scan", tmp.toString(), "--format", "json").assertNoSecret(pat);
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(placed(r)).containsExactly("deploy.env:3:14 github-pat");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UTF-16LE", "UTF-32BE"})
    void everyGitModeFindsASecretInTextBehindAByteOrderMark(String charset) {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        String base = r.commitAll("empty");
        r.write("deploy.env", withMark(text(), charset)).add("deploy.env");
        Cli staged = Cli.run("staged", "-C", r.dir.toString(), "--format", "json").assertNoSecret(pat);
        r.commit("deploy");
        Cli gate = Cli.run("gate", "-C", r.dir.toString(), "--base", base, "--format", "json").assertNoSecret(pat);
        Cli audit = Cli.run("audit", "-C", r.dir.toString(), "--no-progress", "--format", "json").assertNoSecret(pat);
        for (Cli c : List.of(staged, gate, audit)) {
            assertThat(c.exit()).as(c.toString()).isEqualTo(1);
            assertThat(placed(c)).containsExactly("deploy.env:3:14 github-pat");
        }
    }

    @Test
    void aSecretBeforeANulByteIsFoundInEveryMode() {
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        String base = r.commitAll("empty");
        byte[] bytes = ("GITHUB_TOKEN=" + pat + "\n\0trailer\n").getBytes(StandardCharsets.UTF_8);
        r.write("app.env", bytes).add("app.env");
        Cli staged = Cli.run("staged", "-C", r.dir.toString(), "--format", "json").assertNoSecret(pat);
        r.commit("add");
        Cli gate = Cli.run("gate", "-C", r.dir.toString(), "--base", base, "--format", "json").assertNoSecret(pat);
        Cli audit = Cli.run("audit", "-C", r.dir.toString(), "--no-progress", "--format", "json").assertNoSecret(pat);
        Cli scan = Cli.run("scan", r.dir.resolve("app.env").toString(), "--format", "json").assertNoSecret(pat);
        for (Cli c : List.of(staged, gate, audit, scan)) {
            assertThat(c.exit()).as(c.toString()).isEqualTo(1);
            assertThat(placed(c)).containsExactly("app.env:1:14 github-pat");
        }
    }

    @Test
    void aBinaryThatStartsLikeAMarkIsReadAsItIs() throws Exception {
        // FF FE then an odd number of bytes and a lone surrogate: no UTF-16 text, so its bytes are scanned as they are.
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0xD8, '\n'});
        b.writeBytes(("GITHUB_TOKEN=" + pat + "\n").getBytes(StandardCharsets.US_ASCII));
        Files.write(tmp.resolve("image.bin"), b.toByteArray());
        Cli r = Cli.run("scan", tmp.toString(), "--format", "json").assertNoSecret(pat);
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(placed(r)).containsExactly("image.bin:2:14 github-pat");
    }
}
