package dev.leakgate.cli;

import dev.leakgate.detect.Rule;
import dev.leakgate.detect.RuleCheck;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "rules", description = "List or check the rules in force.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.CheckRules.class})
final class RulesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "rules: 'list' or 'check'");
    }

    @Command(name = "list", description = "One rule per line: ID, KIND, DESCRIPTION (tab-separated).")
    static final class ListRules implements Callable<Integer> {
        @Mixin
        PolicyOptions policyOptions;

        @Override
        public Integer call() {
            for (Rule r : policyOptions.load(java.nio.file.Path.of(".")).rules()) {
                System.out.println(r.id() + "\t" + r.kind().label() + "\t" + r.description());
            }
            // The envelope checks are code, not rule packs, but findings carry their ids too.
            for (dev.leakgate.report.RuleInfo r : dev.leakgate.pipeline.Pipeline.ENVELOPE_RULES) {
                System.out.println(r.id() + "\t" + r.kind() + "\t" + r.description());
            }
            return Main.CLEAN;
        }
    }

    @Command(name = "check", description = "Run every rule's examples and negative examples.",
            exitCodeListHeading = Main.EXIT_CODES_HEADING,
            exitCodeList = {"0:every example matches and no negative example does", "1:a rule failed its examples",
                Main.EXIT_USAGE, Main.EXIT_UNREADABLE})
    static final class CheckRules implements Callable<Integer> {
        @Mixin
        PolicyOptions policyOptions;

        @Override
        public Integer call() {
            List<Rule> rules = policyOptions.load(java.nio.file.Path.of(".")).rules();
            List<RuleCheck.Failure> failures = RuleCheck.run(rules);
            for (RuleCheck.Failure f : failures) {
                System.out.println("FAIL " + f.ruleId() + ": " + f.problem());
            }
            long failed = failures.stream().map(RuleCheck.Failure::ruleId).distinct().count();
            System.out.printf("%d rules, %d failed%n", rules.size(), failed);
            return failures.isEmpty() ? Main.CLEAN : Main.FINDINGS;
        }
    }
}
