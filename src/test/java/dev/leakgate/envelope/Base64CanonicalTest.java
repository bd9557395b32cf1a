package dev.leakgate.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64CanonicalTest {

    @Test
    void unpaddedRejectsSetLowBitsPaddingAndImpossibleLengths() {
        assertThat(Base64Canonical.decodeUnpadded("AA")).containsExactly(0);
        assertThat(Base64Canonical.decodeUnpadded("AB")).isNull();   // same byte, low bits set
        assertThat(Base64Canonical.decodeUnpadded("AAA")).containsExactly(0, 0);
        assertThat(Base64Canonical.decodeUnpadded("AAB")).isNull();
        assertThat(Base64Canonical.decodeUnpadded("A")).isNull();    // 6 bits cannot make a byte
        assertThat(Base64Canonical.decodeUnpadded("AA==")).isNull(); // age headers are unpadded
        assertThat(Base64Canonical.decodeUnpadded("AA-_")).isNull(); // URL alphabet is not standard
        assertThat(Base64Canonical.decodeUnpadded("")).isEmpty();
    }

    @Test
    void paddedNeedsPaddingAndCanonicalBits() {
        assertThat(Base64Canonical.decodePadded("AA==")).containsExactly(0);
        assertThat(Base64Canonical.decodePadded("AAA=")).containsExactly(0, 0);
        assertThat(Base64Canonical.decodePadded("AA")).isNull();
        assertThat(Base64Canonical.decodePadded("AB==")).isNull();
        assertThat(Base64Canonical.decodePadded("A===")).isNull();
        assertThat(Base64Canonical.decodePadded("AA=A")).isNull();
        assertThat(Base64Canonical.decodePadded("====")).isNull();
    }

    @Test
    void lenientPaddedIgnoresLowBitsLikeGo() {
        assertThat(Base64Canonical.decodePaddedLenient("AB==")).containsExactly(0);
        assertThat(Base64Canonical.decodePaddedLenient("AB")).isNull();
    }

    @Test
    void agreesWithTheJdkEncoderOnEveryLength() {
        Random random = new Random(42);
        for (int n = 0; n < 200; n++) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            assertThat(Base64Canonical.decodePadded(Base64.getEncoder().encodeToString(data))).isEqualTo(data);
            assertThat(Base64Canonical.decodeUnpadded(Base64.getEncoder().withoutPadding().encodeToString(data))).isEqualTo(data);
        }
    }
}
