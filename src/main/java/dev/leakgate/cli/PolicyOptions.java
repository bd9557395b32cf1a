package dev.leakgate.cli;

import dev.leakgate.detect.BuiltinRules;
import dev.leakgate.policy.Policy;
import dev.leakgate.policy.PolicyLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the policy comes from: shared by every scanning command. */
public final class PolicyOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "config file (default: .leakgate.yaml at the scanned root)")
    Path config;

    @Option(names = "--baseline", paramLabel = "FILE", description = "a JSON report of accepted findings")
    Path baseline;

    Policy load(Path root) {
        return PolicyLoader.load(config, root, baseline, BuiltinRules.load());
    }
}
