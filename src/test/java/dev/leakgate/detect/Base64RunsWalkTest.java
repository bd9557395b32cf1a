package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.testing.TestSeed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The walk for base64 runs that walks each byte back once against the walk that starts every
 * probe afresh: the same runs, decoded the same, on random text of words, identifiers, long rows
 * of base64 (wrapped or not, padded, after a {@code \n} escape) and rows of exactly the length a
 * run needs.
 */
class Base64RunsWalkTest {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @Test
    void rememberingTheWalkFindsTheRunsAFreshWalkFinds() {
        Random random = TestSeed.random("Base64RunsWalkTest");
        int runs = 0;
        for (int round = 0; round < 2000; round++) {
            byte[] text = text(random);
            List<String> fast = new ArrayList<>();
            List<String> slow = new ArrayList<>();
            boolean a = Base64Runs.forEachDecoded(text, text.length, (s, e, d) -> fast.add(s + "-" + e + ":" + new String(d, StandardCharsets.ISO_8859_1)), true);
            boolean b = Base64Runs.forEachDecoded(text, text.length, (s, e, d) -> slow.add(s + "-" + e + ":" + new String(d, StandardCharsets.ISO_8859_1)), false);
            assertThat(fast).as("round %d, %s", round, TestSeed.replayHint("Base64RunsWalkTest")).isEqualTo(slow);
            assertThat(a).isEqualTo(b);
            runs += slow.size();
        }
        assertThat(runs).as("runs decoded").isGreaterThan(500);
    }

    private static byte[] text(Random random) {
        StringBuilder sb = new StringBuilder();
        int pieces = 1 + random.nextInt(40);
        for (int p = 0; p < pieces; p++) {
            switch (random.nextInt(7)) {
                case 0 -> sb.append(Base64.getEncoder().encodeToString(("user:password-" + random.nextInt(1_000_000)
                        + "-and-more-text-to-decode").getBytes(StandardCharsets.UTF_8)));
                case 1 -> { // a row of exactly or nearly the length a run needs
                    int n = Base64Runs.MIN_RUN - 2 + random.nextInt(5);
                    for (int k = 0; k < n; k++) {
                        sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                }
                case 2 -> sb.append("\\n"); // an escape before what follows
                case 3 -> { // wrapped base64 of a longer text
                    String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                            ("text-" + "abcdefghij".repeat(1 + random.nextInt(12))).getBytes(StandardCharsets.UTF_8));
                    sb.append(b64);
                }
                case 4 -> sb.append(random.nextBoolean() ? "someLongIdentifierNameThatGoesOnAndOn" : "short");
                default -> { String d = " =\n\t\"':;,._-"; sb.append(d.charAt(random.nextInt(d.length()))); }
            }
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
