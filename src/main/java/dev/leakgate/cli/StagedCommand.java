package dev.leakgate.cli;

import dev.leakgate.envelope.SopsCreationRules;
import dev.leakgate.pipeline.Pipeline;
import dev.leakgate.policy.Policy;
import dev.leakgate.source.CommitFiles;
import dev.leakgate.source.StagedIndex;
import dev.leakgate.source.StagedSource;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "staged", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Check what `git commit` would record: the index against HEAD (the pre-commit check).")
final class StagedCommand implements Callable<Integer> {
    @Mixin
    GitOptions git;

    @Mixin
    ArchiveOptions archives;

    @Mixin
    PolicyOptions policyOptions;

    @Mixin
    KeyOptions keyOptions;

    @Mixin
    OutputOptions output;

    /** `leakgate staged` with every option at its default, as the pre-commit hook runs it (see Main). */
    static Integer hook() {
        StagedCommand c = new StagedCommand();
        c.git = new GitOptions();
        c.git.dir = Path.of(".");
        c.git.maxFileSize = dev.leakgate.source.Content.DEFAULT_MAX_SIZE;
        c.policyOptions = new PolicyOptions();
        c.keyOptions = new KeyOptions();
        c.output = new OutputOptions();
        c.output.format = dev.leakgate.report.ReportFormat.TEXT;
        return c.call();
    }

    @Override
    public Integer call() {
        // The hook runs on every commit: read the rules on the second core while JGit opens the
        // repository and its index on this one (each is a few hundred milliseconds of a cold JVM).
        Thread rules = new Thread(() -> {
            dev.leakgate.source.GitRepos.warmUp();
            dev.leakgate.detect.BuiltinRules.preload();
        }, "leakgate-rules");
        rules.setDaemon(true);
        rules.start();
        try (Repository repo = git.open()) {
            StagedIndex.Reading reading = StagedIndex.startReading(repo);
            ObjectId head = StagedSource.headTree(repo);
            Path root = GitOptions.configRoot(repo);
            Policy policy = policyOptions.load(root);
            StagedIndex index = reading.get();
            SopsConfig sops = policyOptions.sopsConfig(policy, root);
            SopsCreationRules creationRules = sops.fromGit(index, index);
            Pipeline pipeline = new Pipeline(policy, Envelopes.inspector(creationRules, keyOptions.load()),
                    ArchiveOptions.limits(archives, git.maxFileSize));
            StagedSource staged = new StagedSource(repo, index, head, git.maxFileSize, GitOptions.pathRules(policy));
            if (creationRules != null && sops.changed(CommitFiles.head(repo), index)) {
                // The commit would publish other creation rules: the sops files it leaves as they are may
                // no longer match theirs.
                return output.emit(pipeline.run(staged, staged.unchanged(
                        p -> policy.isSecretsPath(p) && creationRules.ruleFor(p).isPresent())));
            }
            return output.emit(pipeline.run(staged));
        }
    }
}
