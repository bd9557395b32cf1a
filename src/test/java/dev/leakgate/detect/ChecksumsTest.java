package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.testing.Tokens;
import org.junit.jupiter.api.Test;

class ChecksumsTest {
    @Test
    void bech32AcceptsFreshAgeKeysAndRejectsFlippedOnes() {
        String id = Tokens.ageIdentity();
        String rcpt = Tokens.ageRecipient();
        assertThat(Bech32.valid(id)).isTrue();
        assertThat(Bech32.valid(rcpt)).isTrue();
        char last = rcpt.charAt(rcpt.length() - 1);
        String flipped = rcpt.substring(0, rcpt.length() - 1) + (last == 'q' ? 'p' : 'q');
        assertThat(Bech32.valid(flipped)).isFalse();
        assertThat(Bech32.valid(id.substring(0, 20) + id.substring(20).toLowerCase())).as("mixed case").isFalse();
        assertThat(Bech32.valid("AGE-SECRET-KEY-1" + "X".repeat(58))).isFalse();
    }

    @Test
    void crc32Base62MatchesGithubScheme() {
        String pat = Tokens.githubPat();
        assertThat(Crc32Base62.valid(pat)).isTrue();
        assertThat(Crc32Base62.valid(pat.substring(0, pat.length() - 1) + (pat.endsWith("A") ? "B" : "A"))).isFalse();
        assertThat(Crc32Base62.encode(0)).isEqualTo("000000");
    }

    @Test
    void entropyOfUniformAndRandomText() {
        assertThat(Entropy.shannon("aaaa")).isZero();
        assertThat(Entropy.shannon("abcd")).isEqualTo(2.0);
        assertThat(Entropy.shannon(Tokens.password())).isGreaterThan(3.5);
    }
}
