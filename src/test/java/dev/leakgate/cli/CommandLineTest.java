package dev.leakgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command answers -h/--help and -V/--version, and `help` works as users expect. */
class CommandLineTest {
    static final List<String> COMMANDS = List.of("staged", "gate", "audit", "scan", "envelope", "rules", "install", "uninstall", "completion");

    @Test
    void everyCommandHasHelpAndVersion() {
        List<String[]> commands = new ArrayList<>();
        for (String c : COMMANDS) {
            commands.add(new String[] {c});
        }
        commands.add(new String[] {"rules", "list"});
        commands.add(new String[] {"rules", "check"});
        for (String[] c : commands) {
            String name = String.join(" ", c);
            for (String flag : List.of("--help", "-h")) {
                Cli r = Cli.run(with(c, flag));
                assertThat(r.exit()).as(name + " " + flag + ": " + r).isZero();
                assertThat(r.out()).as(name + " " + flag).startsWith("Usage: leakgate " + name);
                assertThat(r.err()).as(name + " " + flag).isEmpty();
            }
            for (String flag : List.of("--version", "-V")) {
                Cli r = Cli.run(with(c, flag));
                assertThat(r.exit()).as(name + " " + flag + ": " + r).isZero();
                assertThat(r.out()).as(name + " " + flag).startsWith("leakgate ");
            }
        }
    }

    @Test
    void helpCommandShowsTheTopLevelOrACommand() {
        Cli top = Cli.run("help");
        assertThat(top.exit()).as(top.toString()).isZero();
        assertThat(top.out()).startsWith("Usage: leakgate ").contains("Exit codes:");
        Cli scan = Cli.run("help", "scan");
        assertThat(scan.exit()).as(scan.toString()).isZero();
        assertThat(scan.out()).startsWith("Usage: leakgate scan").contains("--format");
        Cli rules = Cli.run("help", "rules");
        assertThat(rules.exit()).as(rules.toString()).isZero();
        assertThat(rules.out()).startsWith("Usage: leakgate rules").contains("list").contains("check");
        Cli unknown = Cli.run("help", "nosuch");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("nosuch");
    }

    @Test
    void topLevelHelpListsEveryCommandInOneOrderWithWholeSummariesAndTheExitCodes() {
        String help = Cli.run("--help").out();
        List<String> listed = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        boolean inCommands = false;
        for (String line : help.lines().toList()) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.isBlank()) {
                inCommands = false;
            } else if (inCommands && line.startsWith("  ") && !line.startsWith("    ")) {
                String[] parts = line.strip().split("\\s+", 2);
                listed.add(parts[0]);
                summaries.add(parts[1]);
            } else if (inCommands) {
                summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
            }
        }
        List<String> expected = new ArrayList<>(COMMANDS);
        expected.add("help");
        assertThat(listed).isEqualTo(expected);
        assertThat(summaries).allSatisfy(s -> assertThat(s).endsWith("."));
        assertThat(help).contains("Exit codes:").containsPattern("(?m)^\\s+0\\s+nothing found")
                .containsPattern("(?m)^\\s+1\\s+findings").containsPattern("(?m)^\\s+2\\s+bad usage")
                .containsPattern("(?m)^\\s+3\\s+unreadable");

        // The error for a missing command names the commands in the same order.
        Cli none = Cli.run();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("(" + String.join(", ", COMMANDS) + ")");
    }

    @Test
    void aUsageErrorPointsAtAHelpThatWorks() {
        Cli bad = Cli.run("scan", "--no-such-option", ".");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("Try 'leakgate scan --help'");
        assertThat(Cli.run("scan", "--help").exit()).isZero();
        Cli missing = Cli.run("scan");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required parameter");
    }

    private static String[] with(String[] command, String flag) {
        String[] out = new String[command.length + 1];
        System.arraycopy(command, 0, out, 0, command.length);
        out[command.length] = flag;
        return out;
    }
}
