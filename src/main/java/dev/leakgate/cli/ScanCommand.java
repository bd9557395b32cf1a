package dev.leakgate.cli;

import dev.leakgate.pipeline.Pipeline;
import dev.leakgate.policy.Policy;
import dev.leakgate.source.Content;
import dev.leakgate.source.FileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scan", description = "Scan plain files and folders (no git).")
final class ScanCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders")
    List<Path> paths;

    @Option(names = "--max-file-size", paramLabel = "BYTES", converter = ByteLimit.class, defaultValue = "" + Content.DEFAULT_MAX_SIZE,
            description = "skip (and count) files larger than this (default: ${DEFAULT-VALUE})")
    long maxFileSize;

    @Mixin
    PolicyOptions policyOptions;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Path root = paths.size() == 1 && Files.isDirectory(paths.get(0)) ? paths.get(0) : Path.of(".");
        Policy policy = policyOptions.load(root);
        Pipeline pipeline = new Pipeline(policy, Envelopes.inspector(policyOptions.sopsConfig(policy, root).fromFiles()));
        FileSource source = new FileSource(paths, maxFileSize, policy::isSecretsPath, Content.ENVELOPE_MAX_SIZE);
        return output.emit(pipeline.run(source));
    }
}
