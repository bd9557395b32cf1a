package dev.leakgate.cli;

import dev.leakgate.pipeline.Pipeline;
import dev.leakgate.policy.Policy;
import dev.leakgate.report.Report;
import dev.leakgate.source.Content;
import dev.leakgate.source.FileSource;
import dev.leakgate.source.NamedPaths;
import dev.leakgate.source.SourceException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "envelope", mixinStandardHelpOptions = true, description = {
    "Check that files are valid age or sops envelopes, encrypted to the recipients .sops.yaml lists.",
    "Every given file (every file in a given folder, binary included) must be a valid age or sops envelope,",
    "and each sops file encrypted to exactly the recipients its .sops.yaml creation rule lists."})
final class EnvelopeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files, folders, pipes; '-' for standard input")
    List<String> paths;

    @Option(names = "--max-file-size", paramLabel = "BYTES", converter = ByteLimit.class, defaultValue = "" + Content.ENVELOPE_MAX_SIZE,
            description = "refuse (exit 3) files larger than this (default: ${DEFAULT-VALUE})")
    long maxFileSize;

    @Mixin
    PolicyOptions policyOptions;

    @Mixin
    KeyOptions keyOptions;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        NamedPaths named = PolicyOptions.place(spec, paths, NamedPaths.Outside.WORKING_FOLDER_IS_ROOT);
        Path root = named.root();
        Policy policy = policyOptions.load(root);
        SopsConfig sops = policyOptions.sopsConfig(policy, root);
        Pipeline pipeline = new Pipeline(policy.envelopeOnly(),
                Envelopes.inspector(sops.detached().fromFiles(), sopsRelative(sops.file(), named), keyOptions.load()));
        Report report = pipeline.run(new FileSource(named.list(), maxFileSize, p -> true, 0));
        if (report.stats().getSkippedLarge() > 0) {
            // An envelope left unread is an envelope not proven valid: no silent pass.
            throw new SourceException(report.stats().getSkippedLarge()
                    + " file(s) larger than --max-file-size were not checked; raise the limit to check them");
        }
        return output.emit(report);
    }

    /**
     * path_regex is matched against the path relative to the folder holding .sops.yaml; for a
     * .sops.yaml kept outside, relative to the repository (the work tree, else the working folder).
     */
    private static UnaryOperator<String> sopsRelative(Path sopsConfig, NamedPaths named) {
        Path dir = sopsConfig.toAbsolutePath().normalize().getParent();
        Path root = named.root();
        return shown -> {
            Path abs = named.fileOf(shown);
            if (abs == null) {
                return shown;
            }
            Path base = abs.startsWith(dir) ? dir : abs.startsWith(root) ? root : null;
            return base == null ? shown : base.relativize(abs).toString().replace('\\', '/');
        };
    }
}
