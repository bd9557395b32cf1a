package dev.leakgate.cli;

import dev.leakgate.envelope.SopsCreationRules;
import dev.leakgate.pipeline.Pipeline;
import dev.leakgate.policy.Policy;
import dev.leakgate.source.CommitFiles;
import dev.leakgate.source.GitRange;
import dev.leakgate.source.RangeSource;
import dev.leakgate.source.TreeSource;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "gate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "The publish gate: every commit in BASE..HEAD on what it adds, plus the whole tree at HEAD.")
final class GateCommand implements Callable<Integer> {
    @Option(names = "--base", paramLabel = "REV", description = "what is already published")
    String base;

    @Option(names = "--root", description = "nothing is published yet: gate every commit reachable from HEAD (instead of --base)")
    boolean root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--head", defaultValue = "HEAD", paramLabel = "REV", description = "what is to be published (default: HEAD)")
    String head;

    @Mixin
    GitOptions git;

    @Mixin
    PolicyOptions policyOptions;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if ((base == null) == !root) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give exactly one of --base REV or --root");
        }
        try (Repository repo = git.open()) {
            Path root = GitOptions.configRoot(repo);
            Policy policy = policyOptions.load(root);
            GitRange range = GitRange.resolve(repo, base, head);
            SopsCreationRules rules = policyOptions.sopsConfig(policy, root).fromGit(
                    new CommitFiles(repo, range.head(), head), root == null ? null : CommitFiles.head(repo));
            Pipeline pipeline = new Pipeline(policy, Envelopes.inspector(rules));
            return output.emit(pipeline.runGate(
                    new RangeSource(repo, range, git.maxFileSize, policy::isSecretsPath),
                    new TreeSource(repo, range.head(), head, git.maxFileSize, policy::isSecretsPath)));
        }
    }
}
