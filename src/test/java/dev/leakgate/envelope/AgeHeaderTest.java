package dev.leakgate.envelope;

import static dev.leakgate.envelope.AgeSamples.VERSION;
import static dev.leakgate.envelope.AgeSamples.b64;
import static dev.leakgate.envelope.AgeSamples.body;
import static dev.leakgate.envelope.AgeSamples.file;
import static dev.leakgate.envelope.AgeSamples.mac;
import static dev.leakgate.envelope.AgeSamples.stanza;
import static dev.leakgate.envelope.AgeSamples.withPayload;
import static dev.leakgate.envelope.AgeSamples.x25519;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Header grammar and known stanza shapes, one rule per test, on files built from scratch. */
class AgeHeaderTest {

    private static List<EnvelopeProblem> problems(byte[] file) {
        return AgeFile.binary(file).problems();
    }

    private static List<String> reasons(byte[] file) {
        return problems(file).stream().map(EnvelopeProblem::reason).toList();
    }

    @Test
    void minimalX25519FileIsValid() {
        assertThat(problems(file(x25519(), 5))).isEmpty();
        assertThat(AgeFile.binary(file(x25519(), 5)).plaintextLength()).isEqualTo(5);
    }

    @Test
    void bodyOfExactly48BytesNeedsAnEmptyFinalLine() {
        String full = "-> grease\n" + b64(48) + "\n";
        assertThat(problems(file(x25519() + full + "\n", 1))).isEmpty();
        List<EnvelopeProblem> missing = problems(file(x25519() + full, 1));
        assertThat(missing).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("stanza 2 body does not end with a short (under 64 columns) line");
            assertThat(p.line()).isEqualTo(6); // the MAC line, read where the short line should be
        });
    }

    @Test
    void emptyAndMultiLineBodiesOfUnknownTypesAreValid() {
        assertThat(problems(file(x25519() + stanza("grease", 0), 1))).isEmpty();
        assertThat(problems(file(x25519() + stanza("grease a b !~", 96), 1))).isEmpty();
        assertThat(problems(file(x25519() + stanza("grease", 100), 1))).isEmpty();
    }

    @Test
    void bodyLineLongerThan64ColumnsIsRejectedAtItsLine() {
        String longLine = "-> grease\n" + b64(51) + "\n"; // 68 columns
        assertThat(problems(file(x25519() + longLine, 1))).singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).contains("longer than 64 columns");
                    assertThat(p.line()).isEqualTo(5);
                });
    }

    @Test
    void aShortLineEndsTheBody() {
        String twoShort = "-> grease\n" + b64(24) + "\n" + b64(24) + "\n";
        assertThat(problems(file(x25519() + twoShort, 1))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("neither a stanza"));
    }

    @Test
    void bodyBase64MustBeCanonicalAndUnpadded() {
        String nonCanonical = "-> grease\nAB\n";
        assertThat(problems(file(x25519() + nonCanonical, 1))).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("stanza 2 body not canonical unpadded base64"));
        String padded = "-> grease\nAA==\n";
        assertThat(reasons(file(x25519() + padded, 1))).containsExactly("age-bad-header");
    }

    @Test
    void argumentsMustBeNonEmptyVisibleAscii() {
        assertThat(reasons(file(x25519() + stanza("grease  a", 0), 1))).containsExactly("age-bad-header");
        assertThat(reasons(file(x25519() + stanza("grease a ", 0), 1))).containsExactly("age-bad-header");
        assertThat(reasons(file(x25519() + "->\n\n", 1))).containsExactly("age-bad-header");
        byte[] nonAscii = file(x25519() + stanza("grease \u00e9", 0), 1);
        assertThat(reasons(nonAscii)).containsExactly("age-bad-header");
    }

    @Test
    void versionCrlfAndMissingStanzaAreHeaderFaults() {
        assertThat(reasons(withPayload("age-encryption.org/v2\n" + x25519() + mac(), 32))).containsExactly("age-bad-version");
        assertThat(reasons(withPayload("age-encryption.org/v1\r\n" + x25519() + mac(), 32))).containsExactly("age-bad-header");
        assertThat(reasons(withPayload(VERSION + mac(), 32))).containsExactly("age-bad-header");
        assertThat(reasons(VERSION.getBytes(StandardCharsets.US_ASCII))).containsExactly("age-bad-header");
        assertThat(reasons(withPayload(VERSION + x25519().replace("\n", "\r\n") + mac(), 32))).containsExactly("age-bad-header");
    }

    @Test
    void macLineIsOneSpaceAnd43CanonicalCharacters() {
        String header = VERSION + x25519();
        assertThat(reasons(withPayload(header + "--- " + b64(32) + "\n", 32))).isEmpty();
        assertThat(reasons(withPayload(header + "---" + b64(32) + "\n", 32))).containsExactly("age-bad-mac");
        assertThat(reasons(withPayload(header + "---  " + b64(32) + "\n", 32))).containsExactly("age-bad-mac");
        assertThat(reasons(withPayload(header + "--- " + b64(32) + " \n", 32))).containsExactly("age-bad-mac");
        assertThat(reasons(withPayload(header + "--- " + b64(31) + "\n", 32))).containsExactly("age-bad-mac");
        assertThat(reasons(withPayload(header + "--- " + b64(33) + "\n", 32))).containsExactly("age-bad-mac");
        String nonCanonical = b64(32).substring(0, 42) + "B";
        assertThat(reasons(withPayload(header + "--- " + nonCanonical + "\n", 32))).containsExactly("age-bad-mac");
    }

    @Test
    void knownStanzaShapes() {
        assertThat(problems(file(stanza("X25519 " + b64(31), 32), 1))).isNotEmpty();
        assertThat(problems(file(stanza("X25519 " + b64(32) + " x", 32), 1))).isNotEmpty();
        assertThat(problems(file(stanza("X25519 " + b64(32), 41), 1))).isNotEmpty();
        assertThat(problems(file(stanza("mlkem768x25519 " + b64(1120), 32), 1))).isEmpty();
        assertThat(problems(file(stanza("mlkem768x25519 " + b64(1119), 32), 1))).isNotEmpty();
        assertThat(problems(file(stanza("p256tag " + b64(4) + " " + b64(65), 32), 1))).isEmpty();
        assertThat(problems(file(stanza("p256tag " + b64(4) + " " + b64(64), 32), 1))).isNotEmpty();
        assertThat(problems(file(stanza("mlkem768p256tag " + b64(4) + " " + b64(1153), 32), 1))).isEmpty();
        assertThat(problems(file(stanza("mlkem768p256tag " + b64(5) + " " + b64(1153), 32), 1))).isNotEmpty();
        assertThat(problems(file(stanza("ssh-ed25519 " + b64(4) + " " + b64(32), 32), 1))).isEmpty();
        assertThat(problems(file(stanza("ssh-ed25519 " + b64(4), 32), 1))).isNotEmpty();
        // Wrong case makes an unknown type: only the generic grammar applies.
        assertThat(problems(file(stanza("x25519 " + b64(31), 7), 1))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 384, 512})
    void sshRsaBodyIsTheModulusSize(int bytes) {
        assertThat(problems(file(stanza("ssh-rsa " + b64(4), bytes), 1))).isEmpty();
        assertThat(problems(file(stanza("ssh-rsa " + b64(4), bytes - 1), 1))).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("age-bad-stanza"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "10", "18", "22", "23", "64"})
    void scryptWorkFactorsInRangeAreWellFormed(String w) {
        assertThat(problems(file(stanza("scrypt " + b64(16) + " " + w, 32), 1))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65", "010", "+10", "-10", "0xa", "1e1", "9223372036854775818"})
    void scryptWorkFactorsOutOfGrammarOrRangeAreRejected(String w) {
        assertThat(reasons(file(stanza("scrypt " + b64(16) + " " + w, 32), 1))).containsExactly("age-bad-stanza");
    }

    @Test
    void scryptMustBeAlone() {
        String scrypt = stanza("scrypt " + b64(16) + " 18", 32);
        assertThat(problems(file(scrypt, 1))).isEmpty();
        assertThat(reasons(file(scrypt + x25519(), 1))).containsExactly("age-bad-stanza");
        assertThat(reasons(file(scrypt + stanza("grease", 0), 1))).containsExactly("age-bad-stanza");
    }

    @Test
    void payloadLengthIsChecked() {
        String header = VERSION + x25519() + mac();
        assertThat(reasons(withPayload(header, 0))).containsExactly("age-bad-payload");
        assertThat(reasons(withPayload(header, 16))).containsExactly("age-bad-payload");
        assertThat(reasons(withPayload(header, 16 + 65552 + 16))).containsExactly("age-bad-payload");
        assertThat(reasons(withPayload(header, 16 + 65552 + 17))).isEmpty();
    }

    @Test
    void bodyHelperWrapsLikeAge() {
        assertThat(body(48)).endsWith("\n\n");
        assertThat(body(47).split("\n")).hasSize(1);
    }
}
