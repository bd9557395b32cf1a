package dev.leakgate.cli;

import dev.leakgate.pipeline.Pipeline;
import dev.leakgate.policy.Policy;
import dev.leakgate.report.Report;
import dev.leakgate.source.Content;
import dev.leakgate.source.FileSource;
import dev.leakgate.source.Source;
import dev.leakgate.source.SourceException;
import dev.leakgate.source.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "envelope", mixinStandardHelpOptions = true, description = {
    "Check that every given file (every file in a given folder, binary included) is a valid age or sops envelope,",
    "and that each sops file is encrypted to exactly the recipients its .sops.yaml creation rule lists.",
    "Exit 0 when every file is a valid envelope, 1 otherwise."})
final class EnvelopeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders")
    List<Path> paths;

    @Option(names = "--max-file-size", paramLabel = "BYTES", converter = ByteLimit.class, defaultValue = "" + Content.ENVELOPE_MAX_SIZE,
            description = "refuse (exit 3) files larger than this (default: ${DEFAULT-VALUE})")
    long maxFileSize;

    @Mixin
    PolicyOptions policyOptions;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Path root = Path.of(".");
        Policy policy = policyOptions.load(root);
        SopsConfig sops = policyOptions.sopsConfig(policy, root);
        Pipeline pipeline = new Pipeline(policy.envelopeOnly(),
                Envelopes.inspector(sops.detached().fromFiles(), sopsRelative(sops.file())));
        Report report = pipeline.run(source());
        if (report.stats().getSkippedLarge() > 0) {
            // An envelope left unread is an envelope not proven valid: no silent pass.
            throw new SourceException(report.stats().getSkippedLarge()
                    + " file(s) larger than --max-file-size were not checked; raise the limit to check them");
        }
        return output.emit(report);
    }

    /** Files as given on the command line, paths shown relative to the working folder. */
    private Source source() {
        return (sink, stats) -> {
            for (Path given : paths) {
                boolean folder = Files.isDirectory(given);
                new FileSource(List.of(given), maxFileSize, p -> true).forEach(t -> sink.accept(folder
                        ? new Target(shown(given.resolve(t.path())), t.content(), t.commit(), t.addedLines(), t.blobId())
                        : t), stats);
            }
        };
    }

    private static String shown(Path p) {
        String s = p.normalize().toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /**
     * path_regex is matched against the path relative to the folder holding .sops.yaml; for a
     * .sops.yaml kept outside, relative to the repository (the enclosing git work tree, else the
     * working folder).
     */
    private static UnaryOperator<String> sopsRelative(Path sopsConfig) {
        Path dir = sopsConfig.toAbsolutePath().normalize().getParent();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        return shown -> {
            Path abs = Path.of(shown).toAbsolutePath().normalize();
            Path base = abs.startsWith(dir) ? dir : workTree(abs);
            if (base == null && abs.startsWith(cwd)) {
                base = cwd;
            }
            return base == null ? shown : base.relativize(abs).toString().replace('\\', '/');
        };
    }

    private static Path workTree(Path file) {
        for (Path p = file.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return null;
    }
}
