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
            return commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("leakgate: out of memory (raise -Xmx or lower --max-file-size)");
            return UNREADABLE;
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
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
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("leakgate: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return USAGE;
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
