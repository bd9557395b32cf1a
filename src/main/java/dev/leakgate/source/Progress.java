package dev.leakgate.source;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One refreshed stderr line, only when stderr is a terminal (redirected output, CI logs and hooks
 * piping to a file stay clean): the phase, how far it is in its own unit (bytes of pack read,
 * commits walked), the rate and an ETA from the rate so far. Work is counted as it is done, per
 * object, so the line moves from the start instead of jumping at the end.
 */
public final class Progress implements AutoCloseable {
    public static final Progress NONE = new Progress(null);

    private final PrintStream err;
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private volatile long phaseStart = System.nanoTime();
    private volatile String phase = "";
    private volatile boolean bytes;
    private Thread ticker;

    private Progress(PrintStream err) {
        this.err = err;
    }

    /** A progress line on stderr if it is a terminal, else nothing. */
    public static Progress onTerminal() {
        return stderrIsTerminal() ? new Progress(System.err).start() : NONE;
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

    /** Starts a phase of {@code total} units: bytes when {@code inBytes}, else commits. */
    public void phase(String name, long total, boolean inBytes) {
        if (err == null) {
            return;
        }
        print();
        this.phase = name;
        this.total = total;
        this.bytes = inBytes;
        this.done.set(0);
        this.phaseStart = System.nanoTime();
    }

    public void advance(long units) {
        if (err != null) {
            done.addAndGet(units);
        }
    }

    private synchronized void print() {
        if (err == null || phase.isEmpty()) {
            return;
        }
        double secs = Math.max(1e-3, (System.nanoTime() - phaseStart) / 1e9);
        long d = Math.min(done.get(), total);
        long t = total;
        // an ETA from the first few percent is a guess: say so rather than print one
        String eta = t == 0 || d * 50 < t || secs < 0.5 ? "?" : String.format("%ds", Math.round(secs * (t - d) / d));
        String amount = bytes
                ? String.format("%,.1f/%,.1f MB, %.0f MB/s", d / 1e6, t / 1e6, d / 1e6 / secs)
                : String.format("%,d/%,d commits", d, t);
        int pct = t == 0 ? 100 : (int) (100 * d / t);
        err.printf("\rleakgate audit: %s %s (%d%%), ETA %s   ", phase, amount, pct, eta);
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
