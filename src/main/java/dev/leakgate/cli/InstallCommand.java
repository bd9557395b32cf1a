package dev.leakgate.cli;

import dev.leakgate.install.HookInstaller;
import dev.leakgate.install.UserInstall;
import dev.leakgate.source.GitRepos;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "install", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Install the pre-commit and pre-push hooks (a hook already there is kept and runs first), or with --user leakgate itself.",
            "",
            "--user copies the jar to ~/.local/share/leakgate and writes the `leakgate` command (~/.local/bin/leakgate), "
                + "bash and zsh completion and the man page. Hooks run the jar --user installed once there is one, else this jar."})
final class InstallCommand implements Callable<Integer> {
    @Option(names = "-C", paramLabel = "DIR", description = "the repository (default: ., or none with --user)")
    Path dir;

    @Option(names = "--jar", paramLabel = "FILE", description = "the jar to install or the hooks run (default: the one --user installed, else this one)")
    Path jar;

    @Option(names = "--user", description = "install for this user: the jar in ~/.local/share/leakgate, the launcher ~/.local/bin/leakgate, completion and the man page")
    boolean user;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        UserInstall home = UserInstall.fromEnvironment();
        Path hooksJar = jar;
        if (user) {
            Path source = jar != null ? jar : runningJar();
            requireJar(source);
            UserInstall.Extras extras = new UserInstall.Extras(CompletionCommand.script(CompletionCommand.Shell.BASH),
                    CompletionCommand.script(CompletionCommand.Shell.ZSH), manPage());
            home.install(source, extras).forEach(this::say);
            hooksJar = home.jar();
            if (extras.manPage() == null) {
                say("note: this build has no man page (built outside Maven): none installed");
            }
            if (dir == null) {
                return Main.CLEAN;
            }
        }
        if (hooksJar == null) {
            hooksJar = Files.isRegularFile(home.jar()) ? home.jar() : runningJar();
            requireJar(hooksJar);
            if (!hooksJar.equals(home.jar())) {
                say("note: the hooks run " + hooksJar + ", which a rebuild or `mvn clean` replaces or removes;"
                        + " `leakgate install --user` installs a copy for them");
            }
        } else {
            requireJar(hooksJar);
        }
        try (Repository repo = GitRepos.open(dir != null ? dir : Path.of("."))) {
            HookInstaller.install(repo, hooksJar).forEach(this::say);
        }
        return Main.CLEAN;
    }

    private void requireJar(Path j) {
        if (j == null || !Files.isRegularFile(j)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "cannot tell which jar to install" + (j == null ? "" : " (" + j + " is not a file)") + ": pass --jar FILE");
        }
    }

    private void say(String line) {
        System.err.println("leakgate: " + line);
    }

    /** The man page the build wrote into the jar (see ManPage), or null without one. */
    private static byte[] manPage() {
        try (InputStream in = InstallCommand.class.getClassLoader().getResourceAsStream(ManPage.RESOURCE)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    static Path runningJar() {
        try {
            Path p = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
