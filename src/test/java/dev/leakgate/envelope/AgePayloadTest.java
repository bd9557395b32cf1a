package dev.leakgate.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgePayloadTest {
    private static final long NONCE = 16;
    private static final long CHUNK = 65552;

    @Test
    void plaintextLengthFollowsTheChunkArithmetic() throws ProblemException {
        assertThat(AgePayload.plaintextLength(NONCE + 16)).isZero();                // empty file: one empty chunk
        assertThat(AgePayload.plaintextLength(NONCE + 17)).isEqualTo(1);
        assertThat(AgePayload.plaintextLength(NONCE + 48)).isEqualTo(32);           // a sops data key
        assertThat(AgePayload.plaintextLength(NONCE + CHUNK)).isEqualTo(65536);     // one full final chunk
        assertThat(AgePayload.plaintextLength(NONCE + CHUNK + 17)).isEqualTo(65537);
        assertThat(AgePayload.plaintextLength(NONCE + 2 * CHUNK)).isEqualTo(131072);
        assertThat(AgePayload.plaintextLength(NONCE + 256 * CHUNK + 17)).isEqualTo(256L * 65536 + 1);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 15, 16, 16 + 3, 16 + 15, 16 + 65552 + 15, 16 + 65552 + 16, 16 + 2 * 65552 + 16})
    void impossibleLengthsAreRejected(long payload) {
        assertThatThrownBy(() -> AgePayload.plaintextLength(payload))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().reason()).isEqualTo("age-bad-payload"));
    }
}
