package dev.leakgate.source;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Objects done / total, MB/s and ETA on one refreshed stderr line, only when stderr is a
 * terminal: redirected output (CI logs, hooks piping to a file) stays clean.
 */
public final class Progress implements AutoCloseable {
    public static final Progress NONE = new Progress(null, 0);

    private final PrintStream err;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final long t0 = System.nanoTime();
    private volatile String phase = "";
    private Thread ticker;

    private Progress(PrintStream err, long total) {
        this.err = err;
        this.total = total;
    }

    /** A progress line on stderr if it is a terminal, else nothing. */
    public static Progress onTerminal(long total) {
        return stderrIsTerminal() ? new Progress(System.err, total).start() : new Progress(null, total);
    }

    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    private Progress start() {
        ticker = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(250);
                    print();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "leakgate-progress");
        ticker.setDaemon(true);
        ticker.start();
        return this;
    }

    public void phase(String name) {
        phase = name;
    }

    public void advance(long objects, long byteCount) {
        done.addAndGet(objects);
        bytes.addAndGet(byteCount);
    }

    private void print() {
        if (err == null) {
            return;
        }
        double secs = Math.max(1e-3, (System.nanoTime() - t0) / 1e9);
        long d = done.get();
        double mbs = bytes.get() / 1e6 / secs;
        String eta = d == 0 || total == 0 ? "?" : String.format("%ds", (long) (secs * (total - d) / d));
        err.printf("\rleakgate audit: %s %,d/%,d objects, %.1f MB/s, ETA %s   ", phase, d, total, mbs, eta);
        err.flush();
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.interrupt();
            print();
            err.println();
        }
    }
}
