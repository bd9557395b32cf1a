package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Crc32HexTailTest {
    // Generated for this test: a random body whose tail is its CRC32; not an issued token.
    private static final String BODY = "glsa_mFHWG1RXF1tD1Qg53XA3NJGJtMPLfBVr";
    private static final String GOOD_TAIL = "35d8916c";

    @Test
    void acceptsTheCrc32OfEverythingBeforeTheLastUnderscore() {
        assertThat(Crc32HexTail.valid(BODY + "_" + GOOD_TAIL)).isTrue();
    }

    @Test
    void rejectsAnyOtherTail() {
        assertThat(Crc32HexTail.valid(BODY + "_35d89160")).isFalse();
        assertThat(Crc32HexTail.valid(BODY + "_" + GOOD_TAIL.toUpperCase())).isFalse();
        assertThat(Crc32HexTail.valid(BODY + "x_" + GOOD_TAIL)).isFalse();
    }

    @Test
    void rejectsMalformedTails() {
        assertThat(Crc32HexTail.valid(BODY + "_" + GOOD_TAIL.substring(1))).isFalse();
        assertThat(Crc32HexTail.valid(BODY + "_" + GOOD_TAIL + "0")).isFalse();
        assertThat(Crc32HexTail.valid(BODY + GOOD_TAIL)).isFalse();
        assertThat(Crc32HexTail.valid("_" + GOOD_TAIL)).isFalse();
        assertThat(Crc32HexTail.valid("")).isFalse();
    }

    @Test
    void isRegisteredByName() {
        assertThat(Validators.named("crc32-hex-tail")).isNotNull();
        assertThat(Validators.named("crc32-hex-tail").valid(BODY + "_" + GOOD_TAIL)).isTrue();
    }
}
