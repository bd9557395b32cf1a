package dev.leakgate.envelope;

import static dev.leakgate.envelope.AgeSamples.armor;
import static dev.leakgate.envelope.AgeSamples.file;
import static dev.leakgate.envelope.AgeSamples.x25519;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgeArmorTest {
    /** 200 bytes: four full armor lines and a short, padded last line. */
    private static final byte[] BINARY = file(x25519(), 0);

    private static String armored() {
        return new String(armor(BINARY, "\n"), StandardCharsets.US_ASCII);
    }

    private static List<EnvelopeProblem> problems(String text) {
        return AgeFile.armored(text.getBytes(StandardCharsets.ISO_8859_1)).problems();
    }

    @Test
    void wellFormedArmorDecodesToTheBinaryFile() throws ProblemException {
        assertThat(AgeArmor.decode(armor(BINARY, "\n"))).isEqualTo(BINARY);
        assertThat(problems(armored())).isEmpty();
        assertThat(AgeFile.armored(armor(BINARY, "\n")).plaintextLength()).isZero();
    }

    @Test
    void crlfWhitespaceAroundAndMissingFinalNewlineAreAllowed() {
        assertThat(AgeFile.armored(armor(BINARY, "\r\n")).problems()).isEmpty();
        assertThat(problems("\n \n\t" + armored() + "\n\n  ")).isEmpty();
        assertThat(problems(armored().stripTrailing())).isEmpty();
    }

    @Test
    void whitespaceAroundIsCappedAt1024Bytes() {
        assertThat(problems(" ".repeat(1024) + armored())).isEmpty();
        assertThat(problems(" ".repeat(1025) + armored())).isNotEmpty();
        assertThat(problems(armored() + " ".repeat(1025))).isNotEmpty();
    }

    @Test
    void labelIsExactAndCaseSensitive() {
        assertThat(problems(armored().replace("BEGIN AGE", "BEGIN age"))).isNotEmpty();
        assertThat(problems(armored().replace("ENCRYPTED FILE-----\n", "ENCRYPTED MESSAGE-----\n"))).isNotEmpty();
        assertThat(problems(armored().replace("-----END", "----- END"))).isNotEmpty();
    }

    @Test
    void onlyTheLastDataLineMayBeShort() {
        List<String> lines = List.of(armored().split("\n"));
        int last = lines.size() - 2;
        assertThat(last).isGreaterThan(2);
        // Move one character from the first data line to the last one: same data, broken wrapping.
        StringBuilder moved = new StringBuilder(lines.get(0)).append('\n');
        moved.append(lines.get(1), 0, 63).append('\n');
        for (int i = 2; i < last; i++) {
            moved.append(lines.get(i)).append('\n');
        }
        moved.append(lines.get(1).charAt(63)).append(lines.get(last)).append('\n').append(AgeArmor.END).append('\n');
        assertThat(problems(moved.toString())).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("short armor line before the last one");
            assertThat(e.line()).isEqualTo(2);
        });
    }

    @Test
    void paddingIsRequired() {
        String text = armored(); // 200 bytes: the last group carries one '='
        assertThat(text).contains("=\n-----END");
        assertThat(problems(text.replace("=\n-----END", "\n-----END"))).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("age-bad-armor"));
    }

    @Test
    void paddedLastLineWithLowBitsSetIsNotCanonical() {
        byte[] binary = file(x25519(), 2); // 202 bytes: the last group ends in "=="
        String text = new String(armor(binary, "\n"), StandardCharsets.US_ASCII);
        int pad = text.indexOf("==\n");
        assertThat(pad).isPositive();
        assertThat(problems(text)).isEmpty();
        char before = text.charAt(pad - 1);
        String tampered = text.substring(0, pad - 1) + (char) (before + 1) + text.substring(pad);
        assertThat(problems(tampered)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("not canonical"));
    }

    @Test
    void emptyLinesHeadersAndGarbageAfterAreRejected() {
        String text = armored();
        assertThat(problems(text.replaceFirst("FILE-----\n", "FILE-----\n\n"))).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("empty line inside the armor"));
        assertThat(problems(text.replaceFirst("FILE-----\n", "FILE-----\nVersion: 1\n"))).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("PEM header"));
        assertThat(problems(text + "junk\n")).isNotEmpty();
        assertThat(problems(text.replace("-----END AGE ENCRYPTED FILE-----\n", ""))).isNotEmpty();
    }

    @Test
    void armorAroundNonAgeBytesIsInvalid() {
        byte[] notAge = "hello world, this is not age".getBytes(StandardCharsets.US_ASCII);
        assertThat(AgeFile.armored(armor(notAge, "\n")).problems()).extracting(EnvelopeProblem::reason)
                .containsExactly("age-bad-version");
        assertThat(problems(AgeArmor.BEGIN + "\n" + AgeArmor.END + "\n")).isNotEmpty();
    }
}
