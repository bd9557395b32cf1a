package dev.leakgate.cli;

import dev.leakgate.detect.BuiltinRules;
import dev.leakgate.policy.Policy;
import dev.leakgate.policy.PolicyLoader;
import dev.leakgate.source.NamedPaths;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where the policy comes from: shared by every scanning command. */
public final class PolicyOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "config file (default: .leakgate.yaml at the scanned root)")
    Path config;

    @Option(names = "--baseline", paramLabel = "FILE", description = "a JSON report of accepted findings")
    Path baseline;

    @Option(names = "--sops-config", paramLabel = "FILE",
            description = "the .sops.yaml whose creation rules sops files are checked against"
                    + " (default: the config's sopsConfig, else .sops.yaml at the scanned root)")
    Path sopsConfig;

    /**
     * The paths a command names, placed in their work tree (or none); paths that no single root
     * holds are a usage error.
     */
    static NamedPaths place(CommandLine.Model.CommandSpec spec, List<String> paths, NamedPaths.Outside outside) {
        try {
            return NamedPaths.resolve(paths, outside);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Option(names = "--no-inline-allow", description = "ignore leakgate:allow comments: accept only what the config"
            + " or the baseline lists (a gate where every exception is reviewed)")
    boolean noInlineAllow;

    Policy load(Path root) {
        return overrides(PolicyLoader.load(config, root, baseline, BuiltinRules::load));
    }

    /** The policy with what the command line says on top of the config's. */
    Policy overrides(Policy policy) {
        return noInlineAllow ? policy.withoutInlineAllow() : policy;
    }

    /**
     * Where the .sops.yaml is: --sops-config, else the config's sopsConfig, else .sops.yaml at
     * the root ({@code root}: the scanned folder or work tree; null for a bare repository).
     */
    SopsConfig sopsConfig(Policy policy, Path root) {
        if (sopsConfig != null) {
            return SopsConfig.at("--sops-config", sopsConfig, root);
        }
        if (policy.sopsConfig() != null) {
            return SopsConfig.at("sopsConfig", policy.sopsConfig(), root);
        }
        return root == null ? SopsConfig.inBareRepository() : SopsConfig.at(null, root.resolve(SopsConfig.DEFAULT), root);
    }
}
