package dev.leakgate.bench;

import dev.leakgate.detect.Kind;
import dev.leakgate.policy.Policy;
import dev.leakgate.policy.PolicyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * What the policy's path globs cost per path, as the history audit asks them (every path of
 * every tree): the paths of a JDK's src.zip against the default policy and a fleet policy.
 * Prints the median ns per path of several runs. Not a test: run it with src/bench/globs.sh.
 *
 * <p>Arguments: [runs (7)] [src.zip (the running JDK's)].
 */
public final class GlobBench {
    private static final String FLEET = """
            secretsPaths: ['**/secrets/**', 'hosts/*/secrets/**', '*.age']
            publicSurface: ['**', '!docs/**']
            allow: {paths: ['*.lock', 'vendor/', 'test-fixtures/**']}
            """;

    /** Passes over the paths per run: enough for the JIT and a stable figure. */
    private static final int REPEAT = 20;

    private GlobBench() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path srcZip = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.home"), "lib", "src.zip");
        List<String> paths = new ArrayList<>();
        try (ZipFile zip = new ZipFile(srcZip.toFile())) {
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> paths.add(e.getName()));
        }
        for (String[] policy : new String[][] {{"default", ""}, {"fleet", FLEET}}) {
            Policy p = PolicyLoader.parse(".leakgate.yaml", policy[1].getBytes(StandardCharsets.UTF_8), null, null, List.of());
            double[] ns = new double[runs];
            long hits = 0;
            for (int run = -3; run < runs; run++) { // three runs warm the JIT up
                long t0 = System.nanoTime();
                hits = 0;
                for (int rep = 0; rep < REPEAT; rep++) {
                    for (String path : paths) {
                        // What Pipeline.scan and the audit's tree walk ask of each path.
                        hits += (p.isAllowedPath(path) ? 1 : 0) + (p.isSecretsPath(path) ? 1 : 0)
                                + (p.applies(Kind.INVENTORY, path) ? 1 : 0);
                    }
                }
                if (run >= 0) {
                    ns[run] = (System.nanoTime() - t0) / (double) paths.size() / REPEAT;
                }
            }
            Arrays.sort(ns);
            System.out.printf("%s policy: %d paths, median %.0f ns per path (3 questions), %d yes%n",
                    policy[0], paths.size(), ns[runs / 2], hits / REPEAT);
        }
    }
}
