package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.testing.Tokens;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binary content and code are read now (issue 9), archives opened (issue 11): what a class file's
 * constant pool or a program's names hold near a service's name is no secret, and what is one still is.
 */
class BinaryPrecisionTest {
    private static final String B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @TempDir
    Path dir;

    /** As javac writes strings into a class file: a tag, a two-byte length, the bytes. */
    private static void utf8(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(1);
        out.write(b.length >> 8);
        out.write(b.length);
        out.writeBytes(b);
    }

    @Test
    void aClassFilesStringsAreNoPassword() throws Exception {
        ByteArrayOutputStream pool = new ByteArrayOutputStream();
        pool.writeBytes(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 8, 1, 0x11});
        utf8(pool, "enter password: ");
        pool.writeBytes(new byte[] {8, 1, 0x13});
        utf8(pool, "java/io/BufferedReader");
        pool.writeBytes(new byte[] {7, 1, 0x15});
        utf8(pool, "java/io/InputStreamReader");
        pool.writeBytes(new byte[] {7, 1, 0x17});
        utf8(pool, "in");
        utf8(pool, "Ljava/io/InputStream;");
        Files.write(dir.resolve("DefaultSecDispatcher.class"), pool.toByteArray());
        Cli r = Cli.run("scan", dir.toString(), "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
    }

    @Test
    void aPasswordInBinaryContentIsStillFound() throws Exception {
        String password = "Xy8" + Tokens.random(B64URL.substring(0, 62), 13);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        blob.writeBytes(new byte[] {0, 1, 2, 3, 0});
        blob.writeBytes(("\ndb.password=" + password + "\n").getBytes(StandardCharsets.US_ASCII));
        blob.writeBytes(new byte[] {0, 0, (byte) 0xff});
        Files.write(dir.resolve("settings.bin"), blob.toByteArray());
        Cli r = Cli.run("scan", dir.toString(), "--format", "json").assertNoSecret(password);
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(Json.locations(r)).containsExactly("generic-password settings.bin:2");
    }

    @Test
    void namesInCodeNearAServiceNameAreNoToken() throws Exception {
        Files.writeString(dir.resolve("Ranks.java"), "package app;\n\n"
                + "import org.roaringbitmap.RunContainerCharRankIterator;\n"
                + "import org.roaringbitmap.buffer.MutableRoaringBitmapSupplier;\n\n"
                + "final class Ranks {\n    // roaring: MAX_RETRY_COUNT_FOR_REQUESTS\n}\n");
        Cli r = Cli.run("scan", dir.toString(), "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
    }

    @Test
    void aServiceTokenBesideItsNameIsStillFound() throws Exception {
        String token;
        do {
            token = Tokens.random(B64URL, 28);
        } while (token.chars().noneMatch(Character::isDigit));
        Files.writeString(dir.resolve("app.env"), "ROARING_API_KEY=" + token + "\n");
        Cli r = Cli.run("scan", dir.toString(), "--format", "json").assertNoSecret(token);
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(Json.locations(r)).containsExactly("roaring-api-key app.env:1");
    }
}
