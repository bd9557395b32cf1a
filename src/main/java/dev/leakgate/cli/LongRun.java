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
    /**
     * Options another JVM may not know are ignored, not fatal. The first tier on one compiler
     * thread (the two cores are the audit's); the parallel
     * collector, made for batch throughput (an audit allocates every blob it reads, and nearly all
     * of it dies young: 3% less time than G1 on Git's history); no performance-data file; JVM log
     * lines (an archive refused) nowhere near the report on stdout, errors to stderr.
     */
    static final List<String> OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions", "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1", "-XX:+UseParallelGC", "-XX:-UsePerfData", "-Xlog:disable", "-Xlog:all=error:stderr");

    private LongRun() {
    }

    /**
     * The options this JVM was started with: the environment's, then what precedes {@code -jar}
     * or the main class on its command line, as the OS has it (the management beans only where
     * the OS does not say: they take some 30 ms to start, on the way to every audit).
     */
    static List<String> jvmOptions() {
        for (String env : new String[] {"JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS"}) {
            String v = System.getenv(env);
            if (v != null && !v.isBlank()) {
                return List.of(v.trim());
            }
        }
        java.util.Optional<String[]> arguments = ProcessHandle.current().info().arguments();
        if (arguments.isEmpty()) {
            return ManagementFactory.getRuntimeMXBean().getInputArguments();
        }
        List<String> options = new ArrayList<>();
        String[] a = arguments.get();
        for (int i = 0; i < a.length; i++) {
            String s = a[i];
            if (s.equals("-jar") || !s.startsWith("-")) {
                break;
            }
            if (s.equals("-cp") || s.equals("-classpath") || s.equals("--class-path")) {
                i++; // where the classes are is no choice of how the JVM runs
                continue;
            }
            options.add(s);
        }
        return options;
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
        List<String> command = command(args, jvmOptions(),
                Files.isExecutable(java) ? java : null, System.getProperty("java.class.path"),
                Runtime.getRuntime().maxMemory());
        if (command == null) {
            return OptionalInt.empty();
        }
        ClassData classData = ClassData.forJar(System.getProperty("java.class.path"));
        command.addAll(1, classData.options());
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty(); // no second JVM to be had: the audit runs here, as it would
        }
        Thread stop = new Thread(child::destroy, "leakgate-stop-audit");
        Runtime.getRuntime().addShutdownHook(stop); // a CI runner stopping this JVM stops the audit too
        try {
            int exit = child.waitFor();
            classData.keep();
            return OptionalInt.of(exit);
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            return OptionalInt.of(Main.UNREADABLE);
        }
    }

    /**
     * The audit JVM's class-data archive (AppCDS), beside the jar: the audit loads some 2,800
     * classes, and from an archive its JVM starts and warms up a quarter second sooner. The first
     * audit with a jar (and a JDK) writes the archive as it exits; later ones map it. Its name
     * carries the JDK and the jar's size and time, so a rebuilt jar or another JDK gets its own
     * (the JVM would refuse a stale one anyway, silently, and only be slower). No archive where
     * the jar's folder is not writable.
     */
    record ClassData(List<String> options, Path written, Path archive) {
        static final String PREFIX = "leakgate-audit-";

        static ClassData forJar(String classPath) {
            try {
                Path jar = Path.of(classPath);
                Path dir = jar.toAbsolutePath().getParent();
                if (!classPath.endsWith(".jar") || !Files.isRegularFile(jar) || dir == null || !Files.isWritable(dir)) {
                    return none();
                }
                String key = System.getProperty("java.home") + '|' + Runtime.version() + '|' + Files.size(jar) + '|'
                        + Files.getLastModifiedTime(jar).toMillis();
                Path archive = dir.resolve(PREFIX + Integer.toHexString(key.hashCode()) + ".jsa");
                if (Files.isRegularFile(archive)) {
                    return new ClassData(List.of("-XX:SharedArchiveFile=" + archive), null, archive);
                }
                Path written = dir.resolve(PREFIX + ProcessHandle.current().pid() + ".tmp");
                return new ClassData(List.of("-XX:ArchiveClassesAtExit=" + written), written, archive);
            } catch (IOException | RuntimeException e) {
                return none();
            }
        }

        private static ClassData none() {
            return new ClassData(List.of(), null, null);
        }

        /** Puts an archive the audit's JVM wrote in place (the others of this jar's folder go). */
        void keep() {
            if (written == null) {
                return;
            }
            try {
                if (Files.isRegularFile(written) && Files.size(written) > 0) {
                    try (var old = Files.newDirectoryStream(archive.getParent(), PREFIX + "*.jsa")) {
                        for (Path p : old) {
                            Files.deleteIfExists(p);
                        }
                    }
                    Files.move(written, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException | RuntimeException e) {
                // no archive this time: the next audit writes one
            } finally {
                try {
                    Files.deleteIfExists(written);
                } catch (IOException e) {
                    // a stray file beside the jar, no more
                }
            }
        }
    }
}
