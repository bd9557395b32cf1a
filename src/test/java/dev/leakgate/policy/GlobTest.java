package dev.leakgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.junit.jupiter.api.Test;

class GlobTest {
    private static final String[] PATTERN_SEGMENTS = {"a", "b", "ab", "secrets", "*", "**", "?", "*.age", "x*y", ".lock",
        "s*s", "a?", "[ab]", "[!a]b"};
    private static final String[] PATH_SEGMENTS = {"a", "b", "ab", "ba", "secrets", "x.age", "xy", "xzy", ".lock", "c.lock",
        "secretsx", "sees", "bb"};

    /**
     * The literal prefilter is a fast path in front of JGit's matcher: on random patterns and
     * paths it must answer exactly what the matcher alone answers.
     */
    @Test
    void theLiteralPrefilterNeverChangesAnAnswer() {
        long seed = Long.getLong("leakgate.seed", System.nanoTime());
        System.out.println("GlobTest seed " + seed + " (rerun with -Dleakgate.seed=" + seed + ")");
        Random rnd = new Random(seed);
        int matched = 0;
        for (int i = 0; i < 3000; i++) {
            String pattern = pattern(rnd);
            Glob glob;
            try {
                glob = new Glob(pattern);
            } catch (IllegalArgumentException refused) {
                continue;
            }
            FastIgnoreRule oracle = new FastIgnoreRule(pattern);
            for (int j = 0; j < 40; j++) {
                String path = path(rnd);
                boolean expected = oracle.isMatch(path, false, false);
                assertThat(glob.matches(path)).as("seed %d: '%s' on %s", seed, pattern, path).isEqualTo(expected);
                matched += expected ? 1 : 0;
            }
        }
        assertThat(matched).as("the random patterns match something").isGreaterThan(1000);
    }

    @Test
    void theLiteralIsTheLongestPlainRunOfOneSegment() {
        assertThat(Glob.literal("**/secrets/**")).isEqualTo("secrets");
        assertThat(Glob.literal("*.lock")).isEqualTo(".lock");
        assertThat(Glob.literal("hosts/*/secrets/**")).isEqualTo("secrets");
        assertThat(Glob.literal("**")).isEmpty();
        assertThat(Glob.literal("secrets/[ab]x")).isEmpty();
    }

    private static String pattern(Random rnd) {
        StringBuilder b = new StringBuilder();
        if (rnd.nextInt(4) == 0) {
            b.append('/');
        }
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : "/").append(PATTERN_SEGMENTS[rnd.nextInt(PATTERN_SEGMENTS.length)]);
        }
        if (rnd.nextInt(4) == 0) {
            b.append('/');
        }
        return b.toString();
    }

    private static String path(Random rnd) {
        StringBuilder b = new StringBuilder();
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : "/").append(PATH_SEGMENTS[rnd.nextInt(PATH_SEGMENTS.length)]);
        }
        return b.toString();
    }
}
