package dev.leakgate.cli;

import dev.leakgate.pipeline.Pipeline;
import dev.leakgate.policy.Policy;
import dev.leakgate.source.Content;
import dev.leakgate.source.FileSource;
import dev.leakgate.source.NamedPaths;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scan", description = "Scan plain files and folders (no git).")
final class ScanCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "files, folders, pipes; '-' for standard input. Inside a git work tree, paths are"
                    + " repository-relative and its .leakgate.yaml applies")
    List<String> paths;

    @Option(names = "--max-file-size", paramLabel = "BYTES", converter = ByteLimit.class, defaultValue = "" + Content.DEFAULT_MAX_SIZE,
            description = "skip (and name) files larger than this (default: ${DEFAULT-VALUE})")
    long maxFileSize;

    @Mixin
    ArchiveOptions archives;

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
        NamedPaths named = PolicyOptions.place(spec, paths, NamedPaths.Outside.FOLDER_IS_ROOT);
        Policy policy = policyOptions.load(named.root());
        Pipeline pipeline = new Pipeline(policy, Envelopes.inspector(policyOptions.sopsConfig(policy, named.root()).fromFiles(),
                keyOptions.load()), ArchiveOptions.limits(archives, maxFileSize));
        FileSource source = new FileSource(named.list(), maxFileSize, policy::isSecretsPath, Content.ENVELOPE_MAX_SIZE);
        return output.emit(pipeline.run(source));
    }
}
