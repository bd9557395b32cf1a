package dev.leakgate.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EnvelopeValidatorTest {
    /** Characters that mean something to one of the stores. */
    private static final String SYNTAX = "\n\r:#;-=[]{}\"' \t|>&*!,`";

    private static EnvelopeResult check(String path, String text) {
        return EnvelopeValidator.check(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nonEnvelopesAreNamedAsSuch() {
        EnvelopeResult pem = check("secrets/id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY-----\n");
        assertThat(pem.format()).isEqualTo(EnvelopeFormat.NONE);
        assertThat(pem.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("not-an-envelope");
            assertThat(p.message()).startsWith("not an age or sops envelope: ").doesNotContain("OPENSSH");
        });
        EnvelopeResult pgp = check("secrets/db.asc", "-----BEGIN PGP MESSAGE-----\n\nhQEMA\n-----END PGP MESSAGE-----\n");
        assertThat(pgp.format()).isEqualTo(EnvelopeFormat.NONE);
        assertThat(pgp.problems()).extracting(EnvelopeProblem::reason).containsExactly("not-an-envelope");
        assertThat(check("secrets/app.yaml", "password: hunter2\n").problems()).extracting(EnvelopeProblem::reason)
                .containsExactly("missing-metadata");
        assertThat(check("secrets/app.env", "PASSWORD=hunter2\n").problems()).extracting(EnvelopeProblem::reason)
                .containsExactly("missing-metadata");
        assertThat(check("secrets/app.ini", "[db]\npassword = hunter2\n").problems()).extracting(EnvelopeProblem::reason)
                .containsExactly("missing-metadata");
        assertThat(check("secrets/notes.txt", "the password is hunter2\n").problems()).extracting(EnvelopeProblem::reason)
                .containsExactly("not-parseable");
        assertThat(check("secrets/list.yaml", "- a\n- b\n").problems()).extracting(EnvelopeProblem::reason)
                .containsExactly("not-an-envelope");
        assertThat(check("secrets/list.json", "[1, 2]").problems()).extracting(EnvelopeProblem::reason)
                .containsExactly("not-an-envelope");
        assertThat(check("secrets/blank.yaml", " \n\t\n").problems()).extracting(EnvelopeProblem::reason)
                .containsExactly("empty-file");
        assertThat(check("secrets/a.yaml", "a: [\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("not-parseable"));
        assertThat(check("secrets/a.json", "{\"a\": hunter2}").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).doesNotContain("hunter2"));
    }

    @Test
    void ageIsDetectedByContentWhateverTheExtension() {
        EnvelopeResult r = EnvelopeValidator.check("secrets/db.yaml", AgeSamples.file(AgeSamples.x25519(), 10));
        assertThat(r.format()).isEqualTo(EnvelopeFormat.AGE_BINARY);
        assertThat(r.valid()).isTrue();
        EnvelopeResult armored = EnvelopeValidator.check("secrets/db.json",
                AgeSamples.armor(AgeSamples.file(AgeSamples.x25519(), 10), "\n"));
        assertThat(armored.format()).isEqualTo(EnvelopeFormat.AGE_ARMORED);
        assertThat(armored.valid()).isTrue();
    }

    @Test
    void nullsAreBadInputNotCrashes() {
        assertThat(EnvelopeValidator.check(null, null).problems()).extracting(EnvelopeProblem::reason).containsExactly("empty-file");
        assertThat(EnvelopeValidator.check(null, "x: 1".getBytes(StandardCharsets.UTF_8)).valid()).isFalse();
    }

    /** Every fixture, and thousands of corrupted copies, under every store: a result, never an exception. */
    @Test
    void corruptedInputNeverThrows() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (Path dir : List.of(SopsManifestTest.SOPS, Path.of("test-fixtures", "fleet", "secrets"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".md")).toList()) {
                    seeds.add(Files.readAllBytes(f));
                }
            }
        }
        String[] paths = {"a.yaml", "a.json", "a.env", "a.ini", "a.bin", "a.age"};
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            byte[] b = seeds.get(random.nextInt(seeds.size())).clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && b.length > 0; e++) {
                int at = random.nextInt(b.length);
                switch (random.nextInt(3)) {
                    case 0 -> b[at] = (byte) random.nextInt(256);
                    case 1 -> b[at] = (byte) SYNTAX.charAt(random.nextInt(SYNTAX.length()));
                    default -> b = java.util.Arrays.copyOf(b, at);
                }
            }
            byte[] input = b;
            String path = paths[random.nextInt(paths.length)];
            assertThatCode(() -> {
                EnvelopeResult r = EnvelopeValidator.check(path, input);
                for (EnvelopeProblem p : r.problems()) {
                    assertThat(p.reason()).isNotBlank();
                    assertThat(p.message()).isNotBlank().doesNotContain("\n")
                            // The catch-all for an internal exception: every input should get a precise answer.
                            .isNotEqualTo("not an age or sops envelope: the file could not be parsed");
                }
            }).as("mutation %d of %s", i, path).doesNotThrowAnyException();
        }
    }

    /** Plaintexts the invalid fixtures carry: no message may repeat them, nor ciphertext or recipients. */
    @Test
    void messagesNeverContainValues() throws IOException {
        List<String> secrets = List.of("hunter2", "test_value", "give you up", "John", "correct horse", "fake-key-material",
                "Springfield", "1234.56789", "example_value1", "user is admin", "4242", "not really", "OPENSSH", "A1A1A1",
                "6 Aug 2025", "ENC[", "age1", "AES256_GCM,data", "-----BEGIN PGP", "EXTRA");
        List<String> messages = new ArrayList<>();
        for (SopsManifestTest.Row row : SopsManifestTest.rows()) {
            EnvelopeResult r = EnvelopeValidator.check(row.file(), Files.readAllBytes(SopsManifestTest.SOPS.resolve(row.file())));
            r.problems().forEach(p -> messages.add(p.message()));
        }
        assertThat(messages).hasSizeGreaterThan(50);
        for (String message : messages) {
            for (String secret : secrets) {
                assertThat(message).doesNotContain(secret);
            }
        }
    }
}
