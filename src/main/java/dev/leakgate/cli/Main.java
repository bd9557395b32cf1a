package dev.leakgate.cli;

import dev.leakgate.detect.RuleException;
import dev.leakgate.policy.ConfigException;
import dev.leakgate.source.SourceException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: parses the command line and maps every failure to one line and an exit code. */
@Command(name = "leakgate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A leak gate for git: secrets, key inventory and invalid envelopes.",
        // One order everywhere (this list, the README, the error for a missing command): the
        // three git places first, as a developer meets them, then files, then the tools.
        subcommands = {StagedCommand.class, GateCommand.class, AuditCommand.class, ScanCommand.class,
            EnvelopeCommand.class, RulesCommand.class, InstallCommand.class, UninstallCommand.class,
            CompletionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = Main.EXIT_CODES_HEADING, exitCodeList = {Main.EXIT_CLEAN, Main.EXIT_FINDINGS,
            Main.EXIT_USAGE, Main.EXIT_UNREADABLE},
        footer = {"", "Run 'leakgate help COMMAND' (or 'leakgate COMMAND --help') for a command's options."})
public final class Main implements Runnable {
    public static final int CLEAN = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int UNREADABLE = 3;

    /** The exit codes as every command's help lists them. */
    static final String EXIT_CODES_HEADING = "%nExit codes:%n";
    static final String EXIT_CLEAN = "0:nothing found";
    static final String EXIT_FINDINGS = "1:findings (the report lists them)";
    static final String EXIT_USAGE = "2:bad usage or configuration";
    static final String EXIT_UNREADABLE = "3:unreadable input, a report that cannot be written, or an internal error";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        List<String> names = new ArrayList<>(spec.subcommands().keySet());
        names.remove("help");
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (" + String.join(", ", names) + ")");
    }

    public static void main(String[] args) {
        java.util.OptionalInt audit = LongRun.relaunch(args);
        System.exit(audit.isPresent() ? audit.getAsInt() : run(args));
    }

    public static int run(String... args) {
        try {
            if (args.length == 1 && "staged".equals(args[0])) {
                return hook(StagedCommand::hook);
            }
            return commandLine(args).execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("leakgate: out of memory (give the JVM more heap, e.g. java -Xmx4g -jar leakgate.jar ...,"
                    + " or lower --max-file-size)");
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
        everyCommand(cl);
        return cl;
    }

    /**
     * What every command has, set here once rather than on each command: -h/--help, -V/--version
     * and the exit codes in its help.
     */
    private static void everyCommand(CommandLine cl) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        if (!(cl.getCommand() instanceof CommandLine.HelpCommand)) {
            if (spec.optionsMap().get("--help") == null) {
                spec.mixinStandardHelpOptions(true);
            }
            spec.versionProvider(new VersionProvider());
            if (spec.usageMessage().exitCodeList().isEmpty()) {
                java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
                // Only the commands that report findings can exit 1.
                String[] list = spec.optionsMap().containsKey("--format")
                        ? new String[] {EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE}
                        : new String[] {"0:done", EXIT_USAGE, EXIT_UNREADABLE};
                for (String code : list) {
                    int colon = code.indexOf(':');
                    codes.put(code.substring(0, colon), code.substring(colon + 1));
                }
                spec.usageMessage().exitCodeListHeading(EXIT_CODES_HEADING).exitCodeList(codes);
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            everyCommand(sub);
        }
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
        if (ex instanceof CommandLine.ParameterException) {
            // Thrown by a command once its options are parsed (two options that exclude each other).
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
     * given by reflection, and that is a large share of a pre-commit hook's start-up. `help`
     * needs every command, so it gets the whole command line.
     */
    private static CommandLine leanCommandLine(String... args) {
        if (args.length == 0 || "help".equals(args[0])) {
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
