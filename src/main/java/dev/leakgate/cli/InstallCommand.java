package dev.leakgate.cli;

import dev.leakgate.source.GitRepos;
import dev.leakgate.source.HookInstaller;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "install", description = "Install the pre-commit and pre-push hooks (an existing hook is kept and runs first).")
final class InstallCommand implements Callable<Integer> {
    @Option(names = "-C", paramLabel = "DIR", defaultValue = ".", description = "the repository (default: .)")
    Path dir;

    @Option(names = "--jar", paramLabel = "FILE", description = "the jar the hooks run (default: this one)")
    Path jar;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path j = jar != null ? jar : runningJar();
        if (j == null || !Files.isRegularFile(j)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "cannot tell which jar to install" + (j == null ? "" : " (" + j + " is not a file)") + ": pass --jar FILE");
        }
        try (Repository repo = GitRepos.open(dir)) {
            HookInstaller.install(repo, j).forEach(line -> System.err.println("leakgate: " + line));
        }
        return Main.CLEAN;
    }

    private static Path runningJar() {
        try {
            Path p = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
