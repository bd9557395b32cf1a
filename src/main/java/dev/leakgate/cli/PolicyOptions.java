package dev.leakgate.cli;

import dev.leakgate.detect.BuiltinRules;
import dev.leakgate.policy.ConfigException;
import dev.leakgate.policy.Policy;
import dev.leakgate.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the policy comes from: shared by every scanning command. */
public final class PolicyOptions {
    static final String SOPS_CONFIG = ".sops.yaml";

    @Option(names = "--config", paramLabel = "FILE", description = "config file (default: .leakgate.yaml at the scanned root)")
    Path config;

    @Option(names = "--baseline", paramLabel = "FILE", description = "a JSON report of accepted findings")
    Path baseline;

    @Option(names = "--sops-config", paramLabel = "FILE",
            description = "the .sops.yaml whose creation rules sops files are checked against"
                    + " (default: the config's sopsConfig, else .sops.yaml at the scanned root)")
    Path sopsConfig;

    Policy load(Path root) {
        Policy policy = PolicyLoader.load(config, root, baseline, BuiltinRules.load());
        Path sops = sopsConfig;
        if (sops != null) {
            requireFile("--sops-config", sops);
        } else if (policy.sopsConfig() != null) {
            requireFile("sopsConfig", policy.sopsConfig());
            sops = policy.sopsConfig();
        } else if (root != null && Files.isRegularFile(root.resolve(SOPS_CONFIG))) {
            sops = root.resolve(SOPS_CONFIG);
        }
        return policy.withSopsConfig(sops, sops == null ? "" : dirInRoot(sops, root));
    }

    /** The sops config's folder relative to the scanned root, or "" when it is the root or outside it. */
    private static String dirInRoot(Path sops, Path root) {
        if (root == null) {
            return "";
        }
        Path dir = sops.toAbsolutePath().normalize().getParent();
        Path top = root.toAbsolutePath().normalize();
        return dir != null && dir.startsWith(top) ? top.relativize(dir).toString().replace('\\', '/') : "";
    }

    private static void requireFile(String what, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(what + ": " + file + ": no such file");
        }
    }
}
