package dev.leakgate.cli;

import dev.leakgate.detect.BuiltinRules;
import dev.leakgate.envelope.SopsCreationRules;
import dev.leakgate.pipeline.Pipeline;
import dev.leakgate.policy.Policy;
import dev.leakgate.policy.PolicyLoader;
import dev.leakgate.source.CommitFiles;
import dev.leakgate.source.GitRange;
import dev.leakgate.source.RangeSource;
import dev.leakgate.source.TreeSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "gate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "The publish gate: every commit in BASE..HEAD on what it adds, plus the whole tree at HEAD.")
final class GateCommand implements Callable<Integer> {
    @Option(names = "--base", paramLabel = "REV", description = "what is already published; forty zeros (a new branch,"
            + " as CI and git's pre-push hook give it): what no remote-tracking branch holds yet")
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
    ArchiveOptions archives;

    @Mixin
    PolicyOptions policyOptions;

    @Mixin
    KeyOptions keyOptions;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if ((base == null) == !root) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give exactly one of --base REV or --root");
        }
        try (Repository repo = git.open()) {
            Path root = GitOptions.configRoot(repo);
            GitRange range = GitRange.resolve(repo, base, head);
            PrintWriter err = spec.commandLine().getErr();
            if (base != null && GitRange.isNullId(base)) {
                err.println("leakgate: a new branch: gating " + (range.hasBase()
                        ? "what no remote-tracking branch holds yet" : "every commit of " + head + " (no remote-tracking branch holds any part of it)"));
            }
            Policy policy = policyOptions.overrides(trustedPolicy(repo, range, root, err));
            SopsCreationRules rules = policyOptions.sopsConfig(policy, root).fromGit(
                    new CommitFiles(repo, range.head(), head), root == null ? null : CommitFiles.head(repo));
            Pipeline pipeline = new Pipeline(policy, Envelopes.inspector(rules, keyOptions.load()),
                    ArchiveOptions.limits(archives, git.maxFileSize));
            return output.emit(pipeline.runGate(
                    new RangeSource(repo, range, git.maxFileSize, GitOptions.pathRules(policy)),
                    new TreeSource(repo, range.head(), head, git.maxFileSize, policy::isSecretsPath),
                    range.hasBase()));
        }
    }

    /**
     * The policy the range is held to: {@code --config} when given; else the {@code .leakgate.yaml}
     * of what is already published (the base), never the range's own, which could allow its own
     * leak; with nothing published ({@code --root}), the head's. The work tree's copy is not read:
     * in CI it is the head's.
     */
    private Policy trustedPolicy(Repository repo, GitRange range, Path root, PrintWriter err) {
        if (policyOptions.config != null) {
            return policyOptions.load(root);
        }
        String file = PolicyLoader.DEFAULT_NAME;
        String trustedName = range.trusted().equals(range.head()) ? head
                : range.bases().size() == 1 ? range.baseName() : range.trusted().name();
        byte[] trusted = new CommitFiles(repo, range.trusted(), trustedName).file(file);
        if (!range.trusted().equals(range.head())) {
            byte[] atHead = new CommitFiles(repo, range.head(), head).file(file);
            if (!Arrays.equals(trusted, atHead)) {
                err.println("leakgate: this range changes " + file + "; it is gated under the policy of " + trustedName
                        + " (already published): the change applies once it is published");
            }
        }
        if (trusted == null) {
            return PolicyLoader.load(null, null, policyOptions.baseline, BuiltinRules::load);
        }
        Path dir = root != null ? root : repo.getDirectory().toPath();
        CommitFiles trustedFiles = new CommitFiles(repo, range.trusted(), trustedName);
        return PolicyLoader.parse(trustedName + ":" + file, trusted, dir, policyOptions.baseline, BuiltinRules.load(),
                new PolicyLoader.TrustedTree() {
                    @Override
                    public byte[] file(String repoPath) {
                        return trustedFiles.file(repoPath);
                    }

                    @Override
                    public String name() {
                        return trustedName;
                    }
                }, note -> err.println("leakgate: " + note));
    }
}
