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
            List<String> replayed = new ArrayList<>();
            int[] a = Base64Runs.forEachDecoded(text, text.length, (s, e, d) -> fast.add(s + "-" + e + ":" + new String(d, StandardCharsets.ISO_8859_1)), true);
            int[] b = Base64Runs.forEachDecoded(text, text.length, (s, e, d) -> slow.add(s + "-" + e + ":" + new String(d, StandardCharsets.ISO_8859_1)), false);
            String why = "round " + round + ", " + TestSeed.replayHint("Base64RunsWalkTest");
            assertThat(fast).as(why).isEqualTo(slow);
            assertThat(a).as(why).isEqualTo(b);
            // the rows are every maximal row of MIN_RUN base64 characters or more, nothing else
            assertThat(a).as(why).isEqualTo(rowsTheSlowWay(text));
            // and the runs taken from the rows alone are the runs the walk takes
            Base64Runs.forEachDecodedInRows(text, text.length, a, (s, e, d) -> replayed.add(s + "-" + e + ":" + new String(d, StandardCharsets.ISO_8859_1)));
            assertThat(replayed).as(why).isEqualTo(slow);
            runs += slow.size();
        }
        assertThat(runs).as("runs decoded").isGreaterThan(500);
    }

    private static int[] rowsTheSlowWay(byte[] b) {
        List<Integer> out = new ArrayList<>();
        int i = 0;
        while (i < b.length) {
            if (!Base64Text.isBase64Char(b[i] & 0xff)) {
                i++;
                continue;
            }
            int s = i;
            while (i < b.length && Base64Text.isBase64Char(b[i] & 0xff)) {
                i++;
            }
            if (i - s >= Base64Runs.MIN_RUN) {
                out.add(s);
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
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
