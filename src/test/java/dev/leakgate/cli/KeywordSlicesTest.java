package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakgate.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule's regex runs on slices around its keywords; these secrets sat where the old fixed
 * margins (256 bytes before a keyword, 1 KiB after the first of several) cut them off.
 */
class KeywordSlicesTest {
    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @TempDir
    Path dir;

    private Cli scan(String content) throws Exception {
        Path file = dir.resolve("settings.env");
        Files.writeString(file, content);
        return Cli.run("scan", file.toString(), "--format", "json");
    }

    private static List<String> positions(Cli r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : Json.findings(r)) {
            out.add(f.get("ruleId").asText() + " " + f.get("line").asInt() + ":" + f.get("column").asInt());
        }
        return out;
    }

    /** Harmless words of {@code length} bytes ending in a comma, with no keyword of any rule in them. */
    private static String filler(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < length - 1; i++) {
            b.append("replica").append(i % 10).append(',');
        }
        b.setLength(length - 1);
        return b.append(',').toString();
    }

    @Test
    void aSecondKeywordPastTheFirstKeywordsKibibyteIsSearched() throws Exception {
        String password = Tokens.password();
        String head = "DATABASE_URLS=postgres://localhost/db,";
        String line = head + filler(1020 - head.length()) + "postgres://app:" + password + "@db.internal:5432/app\n";
        assertThat(line.indexOf("postgres://app:")).isEqualTo(1020);
        Cli r = scan(line);
        assertThat(r.exit()).as("%s", r).isEqualTo(1);
        assertThat(positions(r)).containsExactly("postgres-uri-password 1:" + (line.indexOf(password) + 1));
        r.assertNoSecret(password);
    }

    @Test
    void aSasSignatureFarBehindItsVersionParameterIsFound() throws Exception {
        String signature = Tokens.random(B64, 43) + "%3D";
        StringBuilder params = new StringBuilder();
        for (int i = 0; params.length() < 260; i++) {
            params.append("&rscd").append(i).append("=attachment");
        }
        String url = "https://acme.blob.core.windows.net/backups/db.tar?sv=2022-11-02&ss=b&srt=co&sp=rl" + params
                + "&sig=" + signature;
        assertThat(url.indexOf("sig=") - url.indexOf("?sv=")).isGreaterThan(256);
        String content = "# nightly restore\nBACKUP_URL=\"" + url + "\"\n";
        Cli r = scan(content);
        assertThat(r.exit()).as("%s", r).isEqualTo(1);
        int column = content.indexOf(signature) - content.indexOf('\n');
        assertThat(positions(r)).containsExactly("azure-sas-token 2:" + column);
        r.assertNoSecret(signature);
    }
}
