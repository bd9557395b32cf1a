package dev.leakgate.cli;

import dev.leakgate.pipeline.Pipeline;
import dev.leakgate.policy.Policy;
import dev.leakgate.source.StagedSource;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "staged", description = "Check what `git commit` would record: the index against HEAD (the pre-commit check).")
final class StagedCommand implements Callable<Integer> {
    @Mixin
    GitOptions git;

    @Mixin
    PolicyOptions policyOptions;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        try (Repository repo = git.open()) {
            Policy policy = policyOptions.load(GitOptions.configRoot(repo));
            Pipeline pipeline = new Pipeline(policy, Envelopes.inspector(policy));
            return output.emit(pipeline.run(new StagedSource(repo, git.maxFileSize, policy::isSecretsPath)));
        }
    }
}
