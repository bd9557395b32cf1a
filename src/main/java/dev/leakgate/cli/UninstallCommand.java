package dev.leakgate.cli;

import dev.leakgate.install.HookInstaller;
import dev.leakgate.install.UserInstall;
import dev.leakgate.source.GitRepos;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "uninstall", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Remove leakgate's hooks (a hook install kept as NAME.local is put back), or with --user what install --user wrote.",
            "",
            "--user removes the `leakgate` command, the jar and the archives made beside it, completion and the man page."})
final class UninstallCommand implements Callable<Integer> {
    @Option(names = "-C", paramLabel = "DIR", description = "the repository (default: ., or none with --user)")
    Path dir;

    @Option(names = "--user", description = "remove what install --user wrote under ~/.local")
    boolean user;

    @Override
    public Integer call() {
        if (!user || dir != null) {
            try (Repository repo = GitRepos.open(dir != null ? dir : Path.of("."))) {
                HookInstaller.uninstall(repo).forEach(UninstallCommand::say);
            }
        }
        if (user) {
            UserInstall.fromEnvironment().uninstall().forEach(UninstallCommand::say);
        }
        return Main.CLEAN;
    }

    private static void say(String line) {
        System.err.println("leakgate: " + line);
    }
}
