package dev.leakgate.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Files written by the real age 1.1.1 (see test-fixtures/fleet/README.md) must all pass, and their breakage must not. */
class FleetTest {
    static final Path SECRETS = Path.of("test-fixtures", "fleet", "secrets");
    private static final int PAYLOAD = 43; // "fleet fixture payload: nothing secret here\n"

    private static final Map<String, List<String>> STANZAS = Map.ofEntries(
            Map.entry("x25519.age", List.of("X25519")),
            Map.entry("x25519.armored.age", List.of("X25519")),
            Map.entry("multi.age", List.of("X25519", "X25519", "X25519")),
            Map.entry("multi.armored.age", List.of("X25519", "X25519", "X25519")),
            Map.entry("ssh-ed25519.age", List.of("ssh-ed25519")),
            Map.entry("ssh-rsa.age", List.of("ssh-rsa")),
            Map.entry("mixed.age", List.of("X25519", "ssh-ed25519")),
            Map.entry("scrypt.age", List.of("scrypt")),
            Map.entry("scrypt.armored.age", List.of("scrypt")),
            Map.entry("empty.age", List.of("X25519")),
            Map.entry("one-full-chunk.age", List.of("X25519")),
            Map.entry("two-chunks.armored.age", List.of("X25519")));

    private static final Map<String, Long> PLAINTEXT = Map.of(
            "empty.age", 0L, "one-full-chunk.age", 65536L, "two-chunks.armored.age", 65537L);

    static Stream<String> files() throws IOException {
        try (Stream<Path> list = Files.list(SECRETS)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static byte[] read(String name) throws IOException {
        return Files.readAllBytes(SECRETS.resolve(name));
    }

    private static byte[] binary(String name) throws Exception {
        byte[] bytes = read(name);
        return name.contains(".armored.") ? AgeArmor.decode(bytes) : bytes;
    }

    @Test
    void everyDocumentedFileIsThere() throws IOException {
        assertThat(files()).containsExactlyInAnyOrderElementsOf(STANZAS.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void realAgeOutputValidates(String name) throws Exception {
        EnvelopeResult result = EnvelopeValidator.check("secrets/" + name, read(name));
        assertThat(result.problems()).isEmpty();
        assertThat(result.format()).isEqualTo(name.contains(".armored.") ? EnvelopeFormat.AGE_ARMORED : EnvelopeFormat.AGE_BINARY);
        AgeHeaderParser.Header header = AgeHeaderParser.parse(binary(name), false);
        assertThat(header.stanzas()).extracting(AgeStanza::type).containsExactlyElementsOf(STANZAS.get(name));
        AgeFile.Check check = name.contains(".armored.") ? AgeFile.armored(read(name)) : AgeFile.binary(read(name));
        assertThat(check.plaintextLength()).isEqualTo(PLAINTEXT.getOrDefault(name, (long) PAYLOAD));
    }

    @Test
    void ageWritesScryptWorkFactor18AndRsa2048Bodies() throws Exception {
        AgeStanza scrypt = AgeHeaderParser.parse(binary("scrypt.age"), true).stanzas().get(0);
        assertThat(scrypt.args().get(1)).isEqualTo("18");
        assertThat(AgeHeaderParser.parse(binary("ssh-rsa.age"), true).stanzas().get(0).body()).hasSize(256);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void brokenCopiesAreRejected(String name) throws Exception {
        byte[] bin = binary(name);
        int payload = AgeHeaderParser.parse(bin, false).payloadOffset();
        byte[] cut = Arrays.copyOf(bin, payload + 16 + 15);
        assertThat(EnvelopeValidator.check("x.age", cut).valid()).as("cut to a 15-byte chunk").isFalse();
        String text = new String(bin, StandardCharsets.ISO_8859_1);
        byte[] crlf = text.replaceFirst("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(EnvelopeValidator.check("x.age", crlf).valid()).as("CRLF header").isFalse();
        if (name.contains(".armored.")) {
            List<String> lines = new java.util.ArrayList<>(List.of(new String(read(name), StandardCharsets.US_ASCII).split("\n")));
            lines.remove(1); // one armor line lost, as in a bad merge
            byte[] dropped = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII);
            assertThat(EnvelopeValidator.check("x.age", dropped).valid()).as("armor line dropped").isFalse();
        }
    }
}
