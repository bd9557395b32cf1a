package dev.leakgate.cli;

import dev.leakgate.pipeline.Pipeline;
import dev.leakgate.policy.Policy;
import dev.leakgate.source.AuditSource;
import dev.leakgate.source.GitRepos;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Audit everything reachable from every ref (branches, tags, remote-tracking refs, stash); works on bare repositories.")
final class AuditCommand implements Callable<Integer> {
    @Mixin
    GitOptions git;

    @Option(names = "--no-progress", description = "no progress line, even on a terminal")
    boolean noProgress;

    @Mixin
    ArchiveOptions archives;

    @Mixin
    PolicyOptions policyOptions;

    @Mixin
    KeyOptions keyOptions;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        GitRepos.configureForBulkReading();
        try (Repository repo = git.open()) {
            Policy policy = policyOptions.load(GitOptions.configRoot(repo));
            Pipeline pipeline = new Pipeline(policy, Envelopes.structureOnly(keyOptions.load()),
                    ArchiveOptions.limits(archives, git.maxFileSize));
            return output.emit(pipeline.runAudit(new AuditSource(repo, git.maxFileSize, policy::isSecretsPath, !noProgress)));
        }
    }
}
