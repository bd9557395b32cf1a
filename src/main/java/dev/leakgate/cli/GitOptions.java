package dev.leakgate.cli;

import dev.leakgate.source.Content;
import dev.leakgate.policy.Policy;
import dev.leakgate.source.GitRepos;
import dev.leakgate.source.PathRules;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Option;

/** Which repository and how big a file may be: shared by the git commands. */
public final class GitOptions {
    @Option(names = "-C", paramLabel = "DIR", defaultValue = ".",
            description = "the repository (a work tree, a folder in one, or a bare repository; default: .)")
    Path dir;

    @Option(names = "--max-file-size", paramLabel = "BYTES", converter = ByteLimit.class, defaultValue = "" + Content.DEFAULT_MAX_SIZE,
            description = "skip (and count) files larger than this (default: ${DEFAULT-VALUE})")
    long maxFileSize;

    Repository open() {
        return GitRepos.open(dir);
    }

    /**
     * What the git sources need of the policy: the secrets paths (read whole), and whether two
     * paths are under the same rules (a rename across that line is new content at its new path).
     */
    static PathRules pathRules(Policy p) {
        return new PathRules(p::isSecretsPath, (a, b) -> p.isAllowedPath(a) == p.isAllowedPath(b)
                && p.isSecretsPath(a) == p.isSecretsPath(b) && p.isPublicSurface(a) == p.isPublicSurface(b));
    }

    /** Where .leakgate.yaml is looked for: the work tree, or nowhere in a bare repository. */
    static Path configRoot(Repository repo) {
        return repo.isBare() ? null : repo.getWorkTree().toPath();
    }
}
