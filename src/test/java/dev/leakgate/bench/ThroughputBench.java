package dev.leakgate.bench;

import dev.leakgate.detect.BuiltinRules;
import dev.leakgate.detect.Detector;
import dev.leakgate.detect.Match;
import dev.leakgate.testing.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Scan throughput of the whole built-in rule set, one thread, over a generated corpus of real
 * source text (a JDK's src.zip) with about one planted secret per 1,000 lines. Prints the median
 * MB/s of several runs. Not a test: run it with src/bench/throughput.sh on a quiet machine.
 *
 * <p>Arguments: [corpus MB (200)] [runs (5)] [src.zip (the running JDK's)].
 */
public final class ThroughputBench {
    private ThroughputBench() {
    }

    public static void main(String[] args) throws IOException {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path srcZip = args.length > 2 ? Path.of(args[2]) : Path.of(System.getProperty("java.home"), "lib", "src.zip");
        Tokens.seed(42); // the same planted secrets every run
        Corpus corpus = corpus(srcZip, megabytes * 1_000_000L);
        List<byte[]> files = corpus.files();
        long bytes = files.stream().mapToLong(f -> f.length).sum();
        long lines = files.stream().mapToLong(ThroughputBench::lines).sum();
        Detector detector = new Detector(BuiltinRules.load());
        System.out.printf("corpus: %d files, %.1f MB, %d lines, %d rules%n", files.size(), bytes / 1e6, lines,
                detector.rules().size());
        double[] mbps = new double[runs];
        double[] cpuMbps = new double[runs];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long found = 0;
        for (int run = -1; run < runs; run++) { // run -1 warms the JIT up
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            found = 0;
            for (byte[] f : files) {
                List<Match> m = detector.scan(f);
                found += m.size();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            if (run >= 0) {
                mbps[run] = bytes / 1e6 / secs;
                cpuMbps[run] = bytes / 1e6 / cpu;
                System.out.printf("run %d: %.2f s wall, %.2f s cpu, %.0f MB/s wall, %.0f MB/s per cpu-second, %d matches%n",
                        run + 1, secs, cpu, mbps[run], cpuMbps[run], found);
            }
        }
        Arrays.sort(mbps);
        Arrays.sort(cpuMbps);
        // On a shared machine the CPU-time figure is the steadier one; both are printed.
        System.out.printf("median: %.0f MB/s wall, %.0f MB/s per cpu-second, over %d runs (%d matches, %d planted)%n",
                mbps[runs / 2], cpuMbps[runs / 2], runs, found, corpus.planted());
    }

    private static long lines(byte[] f) {
        long n = 0;
        for (byte b : f) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The generated files and how many secrets were planted in them. */
    record Corpus(List<byte[]> files, int planted) {
    }

    /** Real source files, cycled until the corpus is large enough, with a secret every 1,000 lines. */
    static Corpus corpus(Path srcZip, long size) throws IOException {
        List<byte[]> sources = new ArrayList<>();
        try (InputStream in = Files.newInputStream(srcZip); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (!e.isDirectory() && e.getName().endsWith(".java")) {
                    sources.add(zip.readAllBytes());
                }
            }
        }
        if (sources.isEmpty()) {
            throw new IOException(srcZip + " holds no .java files");
        }
        Random random = new Random(42);
        List<byte[]> out = new ArrayList<>();
        long total = 0;
        int untilSecret = 1000;
        int planted = 0;
        for (int i = 0; total < size; i++) {
            byte[] src = sources.get(i % sources.size());
            ByteArrayOutputStream b = new ByteArrayOutputStream(src.length + 256);
            int start = 0;
            for (int p = 0; p < src.length; p++) {
                if (src[p] == '\n' && --untilSecret == 0) {
                    b.write(src, start, p + 1 - start);
                    start = p + 1;
                    b.writeBytes(plant(random).getBytes(StandardCharsets.UTF_8));
                    planted++;
                    untilSecret = 1000;
                }
            }
            b.write(src, start, src.length - start);
            byte[] f = b.toByteArray();
            out.add(f);
            total += f.length;
        }
        return new Corpus(out, planted);
    }

    private static String plant(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "    String token = \"" + Tokens.githubPat() + "\";\n";
            case 1 -> "    // aws_access_key_id = " + Tokens.awsAccessKeyId() + "\n";
            case 2 -> "    private static final String DB_PASSWORD = \"" + Tokens.password() + "\";\n";
            default -> "    // " + Tokens.ageIdentity() + "\n";
        };
    }
}
