package dev.leakgate.bench;

import dev.leakgate.detect.BuiltinRules;
import dev.leakgate.detect.Detector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What binary content costs the detector against text, now that binary is scanned too: CPU
 * seconds per MB over real source text (a JDK's src.zip) and over real binaries (the JDK's
 * runtime image and shared library, a jar, random bytes), each as 1 MB blobs and as one large
 * blob (one large binary must not cost much more than text). Prints the median of several runs.
 * Not a test: run it with src/bench/binary.sh.
 *
 * <p>Arguments: [MB per kind (32)] [runs (5)] [src.zip] [files to use as binaries...].
 */
public final class BinaryBench {
    private BinaryBench() {
    }

    public static void main(String[] args) throws IOException {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path srcZip = Path.of(args.length > 2 ? args[2] : System.getProperty("java.home") + "/lib/src.zip");
        int size = mb << 20;
        Map<String, byte[]> kinds = new LinkedHashMap<>();
        kinds.put("text (src.zip)", text(srcZip, size));
        for (int i = 3; i < args.length; i++) {
            kinds.put(Path.of(args[i]).getFileName().toString(), prefix(Path.of(args[i]), size));
        }
        byte[] random = new byte[size];
        new Random(42).nextBytes(random);
        kinds.put("random bytes", random);
        Detector detector = new Detector(BuiltinRules.load());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Map.Entry<String, byte[]> k : kinds.entrySet()) {
            byte[] all = k.getValue();
            for (int blob : new int[] {1 << 20, all.length}) {
                double[] msPerMb = new double[runs];
                long matches = 0;
                for (int run = -1; run < runs; run++) { // run -1 warms the JIT up
                    long c0 = threads.getCurrentThreadCpuTime();
                    matches = 0;
                    for (int off = 0; off + blob <= all.length; off += blob) {
                        byte[] b = off == 0 && blob == all.length ? all : Arrays.copyOfRange(all, off, off + blob);
                        matches += detector.scan(b, b.length).size();
                    }
                    if (run >= 0) {
                        msPerMb[run] = (threads.getCurrentThreadCpuTime() - c0) / 1e6 / (all.length / (double) (1 << 20));
                    }
                }
                Arrays.sort(msPerMb);
                System.out.printf("%-28s %6s blobs: %7.2f cpu-ms per MB (median of %d), %d matches%n", k.getKey(),
                        blob == all.length ? (all.length >> 20) + " MB" : "1 MB", msPerMb[runs / 2], runs, matches);
            }
        }
    }

    private static byte[] text(Path srcZip, int size) throws IOException {
        byte[] out = new byte[size];
        int n = 0;
        while (n < size) {
            try (InputStream in = Files.newInputStream(srcZip); ZipInputStream zip = new ZipInputStream(in)) {
                ZipEntry e;
                while (n < size && (e = zip.getNextEntry()) != null) {
                    if (e.getName().endsWith(".java")) {
                        n += zip.readNBytes(out, n, size - n);
                    }
                }
            }
        }
        return out;
    }

    /** The first {@code size} bytes of a file, repeated if it is shorter. */
    private static byte[] prefix(Path file, int size) throws IOException {
        byte[] out = new byte[size];
        int n = 0;
        while (n < size) {
            try (InputStream in = Files.newInputStream(file)) {
                int r = in.readNBytes(out, n, size - n);
                if (r <= 0) {
                    throw new IOException(file + " is empty");
                }
                n += r;
            }
        }
        return out;
    }
}
