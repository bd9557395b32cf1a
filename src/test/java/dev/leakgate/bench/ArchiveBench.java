package dev.leakgate.bench;

import dev.leakgate.archive.ArchiveLimits;
import dev.leakgate.archive.ArchiveReader;
import dev.leakgate.detect.BuiltinRules;
import dev.leakgate.detect.Detector;
import dev.leakgate.report.Skip;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What reading inside archives costs, on real archives (jars): CPU milliseconds, on one thread, to
 * scan the archives' own bytes (what {@code --max-archive-depth 0} does), to expand them (no
 * scan), and to expand them and scan every file inside (the default). Prints the median of
 * several runs, with the compressed and expanded sizes. Not a test: run it with
 * src/bench/archives.sh.
 *
 * <p>Arguments: [runs (5)] [archives or folders of them...].
 */
public final class ArchiveBench {
    private ArchiveBench() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<byte[]> archives = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            try (Stream<Path> files = Files.walk(Path.of(args[i]))) {
                for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    archives.add(Files.readAllBytes(p));
                }
            }
        }
        long compressed = archives.stream().mapToLong(a -> a.length).sum();
        Detector detector = new Detector(BuiltinRules.load());
        ArchiveLimits limits = ArchiveLimits.defaults(10L << 20);
        long[] expanded = new long[1];
        long[] entries = new long[1];
        long[] matches = new long[1];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] names = {"archive bytes only (depth 0)", "expand only", "expand and scan inside (default)"};
        for (int kind = 0; kind < 3; kind++) {
            double[] ms = new double[runs];
            for (int run = -1; run < runs; run++) { // run -1 warms the JIT up
                expanded[0] = 0;
                entries[0] = 0;
                matches[0] = 0;
                long c0 = threads.getCurrentThreadCpuTime();
                for (byte[] a : archives) {
                    if (kind == 0) {
                        matches[0] += detector.scan(a, a.length).size();
                        continue;
                    }
                    boolean scan = kind == 2;
                    if (scan) {
                        matches[0] += detector.scan(a, a.length).size();
                    }
                    ArchiveReader.read(a, a.length, limits, new ArchiveReader.Visitor() {
                        @Override
                        public void file(List<String> levels, byte[] content) {
                            expanded[0] += content.length;
                            entries[0]++;
                            if (scan) {
                                matches[0] += detector.scan(content, content.length).size();
                            }
                        }

                        @Override
                        public void skipped(List<String> levels, Skip.Reason reason) {
                        }
                    });
                }
                if (run >= 0) {
                    ms[run] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                }
            }
            Arrays.sort(ms);
            System.out.printf("%-34s %8.0f cpu-ms (median of %d)  %d matches%n", names[kind], ms[runs / 2], runs, matches[0]);
        }
        System.out.printf("%d archives, %.1f MB; inside: %d files, %.1f MB%n", archives.size(), compressed / 1e6,
                entries[0], expanded[0] / 1e6);
    }
}
