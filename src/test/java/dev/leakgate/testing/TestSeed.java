package dev.leakgate.testing;

import java.security.SecureRandom;
import java.util.Random;

/**
 * The one seed of a test run. Every random value a test draws ({@link Tokens}, the detector's
 * differential test, ...) comes from it, so a failure seen once can be replayed:
 * {@code mvn test -Dtest=SomeTest -Dleakgate.seed=N} draws the same values again. Without the
 * property each run picks a fresh seed and prints it once.
 */
public final class TestSeed {
    public static final String PROPERTY = "leakgate.seed";

    private static final long RUN = chooseSeed();

    static {
        System.out.println("[leakgate] test seed " + RUN + " (replay with -D" + PROPERTY + "=" + RUN + ")");
    }

    private TestSeed() {
    }

    public static long run() {
        return RUN;
    }

    /**
     * A generator for one named scope (a test method, a test class): the same seed and scope give the
     * same values whatever else the run executed before, so a single test replays on its own.
     */
    public static Random random(String scope) {
        return new Random(mix(RUN, scope));
    }

    static long mix(long seed, String scope) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < scope.length(); i++) {
            h = (h ^ scope.charAt(i)) * 0x100000001B3L;
        }
        // SplitMix64 finaliser: neighbouring seeds and scopes give unrelated streams.
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    /** The replay hint printed with a failure. */
    public static String replayHint(String test) {
        return "[leakgate] " + test + " failed with test seed " + RUN + ": replay with -D" + PROPERTY + "=" + RUN;
    }

    private static long chooseSeed() {
        String given = System.getProperty(PROPERTY);
        if (given != null && !given.isBlank()) {
            try {
                return Long.parseLong(given.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PROPERTY + " must be a whole number, not '" + given + "'", e);
            }
        }
        return new SecureRandom().nextLong();
    }
}
