package dev.leakgate.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Runs an audit in a JVM started for it when leakgate was started as users start it, {@code java
 * -jar leakgate.jar audit}, with no JVM options. The JVM's defaults serve a history audit badly on
 * the machines it runs on: the heap may grow to a quarter of RAM (5 GB on a 24 GB machine, for a
 * run that needs a fraction of it), and the optimizing compiler spends more CPU recompiling the
 * scan loops than its faster code saves over a run of seconds to minutes (on Git's history: 5 s of
 * compilation on a 2-core machine, where the audit without it takes 3 s in all). The audit's JVM
 * gets a bounded heap and the first compiler tier only; its exit code is this one's.
 *
 * <p>JVM options of the user's own ({@code java -Xmx4g -jar ...}, {@code JDK_JAVA_OPTIONS}, the
 * {@code leakgate} launcher's) mean the JVM was chosen on purpose: then the audit runs here.
 */
final class LongRun {
    /** Set in the audit's own JVM: it runs the audit, never starts another. */
    static final String CHILD = "leakgate.longRun";
    /** The heap bound: the audit's structures for Git's 36k-commit history take a few hundred MB. */
    static final long HEAP_MAX = 1280L << 20;
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    private LongRun() {
    }

    /**
     * The command that runs this audit in a JVM of its own, or null when it is to run here: not an
     * audit, only help asked for, JVM options given, or no java binary or class path to start with.
     */
    static List<String> command(String[] args, List<String> jvmOptions, Path java, String classPath, long maxMemory) {
        if (args.length == 0 || !"audit".equals(args[0]) || !jvmOptions.isEmpty() || java == null
                || classPath == null || classPath.isEmpty()) {
            return null;
        }
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return null;
            }
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(OPTIONS);
        // never more than this JVM would have had: a small machine's default is below the bound
        command.add("-Xmx" + (Math.min(HEAP_MAX, maxMemory) >> 20) + "m");
        command.add("-D" + CHILD + "=1");
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** The audit's exit code when it ran in a JVM of its own; empty when it is to run here. */
    static OptionalInt relaunch(String[] args) {
        if (args.length == 0 || !"audit".equals(args[0]) || System.getProperty(CHILD) != null) {
            return OptionalInt.empty(); // before asking the JVM for its options: every other command starts as fast as it can
        }
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        List<String> command = command(args, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                Files.isExecutable(java) ? java : null, System.getProperty("java.class.path"),
                Runtime.getRuntime().maxMemory());
        if (command == null) {
            return OptionalInt.empty();
        }
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty(); // no second JVM to be had: the audit runs here, as it would
        }
        Thread stop = new Thread(child::destroy, "leakgate-stop-audit");
        Runtime.getRuntime().addShutdownHook(stop); // a CI runner stopping this JVM stops the audit too
        try {
            return OptionalInt.of(child.waitFor());
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            return OptionalInt.of(Main.UNREADABLE);
        }
    }
}
