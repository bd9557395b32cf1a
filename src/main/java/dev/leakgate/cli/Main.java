package dev.leakgate.cli;

import dev.leakgate.detect.RuleException;
import dev.leakgate.policy.ConfigException;
import dev.leakgate.source.SourceException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: parses the command line and maps every failure to one line and an exit code. */
@Command(name = "leakgate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A leak gate for git: secrets, key inventory and invalid envelopes.",
        subcommands = {ScanCommand.class, StagedCommand.class, GateCommand.class, AuditCommand.class,
            EnvelopeCommand.class, InstallCommand.class, RulesCommand.class})
public final class Main implements Runnable {
    public static final int CLEAN = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int UNREADABLE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (scan, staged, gate, audit, envelope, rules, install)");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        try {
            if (args.length == 1 && "staged".equals(args[0])) {
                return hook(StagedCommand::hook);
            }
            return commandLine(args).execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("leakgate: out of memory (raise -Xmx or lower --max-file-size)");
            return UNREADABLE;
        }
    }

    static CommandLine commandLine(String... args) {
        CommandLine cl = leanCommandLine(args);
        if (cl == null) {
            cl = new CommandLine(new Main());
        }
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            return failed(ex, err, debug);
        });
        cl.setParameterExceptionHandler((ex, badArgs) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("leakgate: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return USAGE;
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** One line and the exit code for a failure; a stack trace only when asked for. */
    static int failed(Exception ex, PrintWriter err, boolean debug) {
        if (debug) {
            ex.printStackTrace(err);
        }
        if (ex instanceof ConfigException || ex instanceof RuleException) {
            err.println("leakgate: " + ex.getMessage());
            return USAGE;
        }
        if (ex instanceof SourceException) {
            err.println("leakgate: " + ex.getMessage());
            return UNREADABLE;
        }
        err.println("leakgate: internal error: " + ex.getClass().getSimpleName()
                + (debug ? "" : " (run with --debug for details)"));
        return UNREADABLE;
    }

    /**
     * The exact invocation of the pre-commit hook, run without picocli: picocli's classes are
     * Java 5 class files, which class-data sharing cannot archive and the JVM verifies the slow
     * way, and with nothing to parse that is pure start-up cost on every commit.
     */
    private static int hook(java.util.concurrent.Callable<Integer> command) {
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return command.call();
        } catch (Exception e) {
            return failed(e, err, false);
        } finally {
            err.flush();
        }
    }

    /**
     * Only the command asked for, when one is named first: picocli models every command it is
     * given by reflection, and that is a large share of a pre-commit hook's start-up.
     */
    private static CommandLine leanCommandLine(String... args) {
        if (args.length == 0) {
            return null;
        }
        for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
            Command sub = c.getAnnotation(Command.class);
            if (sub != null && sub.name().equals(args[0])) {
                try {
                    return new CommandLine(new Lean()).addSubcommand(sub.name(),
                            new CommandLine(CommandLine.defaultFactory().create(c)));
                } catch (Exception e) {
                    return null;
                }
            }
        }
        return null;
    }

    @Command(name = "leakgate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
    static final class Lean implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("a command is required");
        }
    }
}
