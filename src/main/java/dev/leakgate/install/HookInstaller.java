package dev.leakgate.install;

import dev.leakgate.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;

/**
 * Writes leakgate's hooks into a repository's hooks folder ({@code core.hooksPath} honoured) and
 * records the jar in {@code git config leakgate.jar}; takes them out again. A hook that is not
 * leakgate's is kept, renamed to {@code NAME.local} as it is (content, mode and time), and
 * leakgate's hook runs it first; installing again updates leakgate's hooks in place; uninstalling
 * puts the kept hook back.
 */
public final class HookInstaller {
    public static final List<String> HOOKS = List.of("pre-commit", "pre-push");
    static final String MARKER = "leakgate-hook:";

    private HookInstaller() {
    }

    /** Lines saying what was done. */
    public static List<String> install(Repository repo, Path jar) {
        Path hooks = hooksDir(repo);
        List<String> done = new ArrayList<>();
        try {
            Files.createDirectories(hooks);
            for (String name : HOOKS) {
                Path hook = hooks.resolve(name);
                if ((Files.exists(hook) || Files.isSymbolicLink(hook)) && !Resources.isOurs(hook, MARKER)) {
                    Path local = hooks.resolve(name + ".local");
                    if (Files.exists(local) || Files.isSymbolicLink(local)) {
                        throw new SourceException("both " + hook + " and " + local + " exist: merge them by hand, then run install again");
                    }
                    // Moved as it is: a hook git did not run (not executable) is not run by ours either.
                    Files.move(hook, local);
                    done.add("kept the existing " + name + " hook as " + local.getFileName() + " (it runs first)");
                }
                Resources.writeExecutable(hook, Resources.read("hooks/" + name));
                done.add("installed " + hook);
            }
            StoredConfig config = repo.getConfig();
            config.setString("leakgate", null, "jar", jar.toAbsolutePath().normalize().toString());
            config.save();
            done.add("set git config leakgate.jar = " + jar.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new SourceException("cannot install hooks in " + hooks + ": " + e.getMessage());
        }
        return done;
    }

    /**
     * Removes leakgate's hooks and puts back a hook that install kept as {@code NAME.local}; a
     * hook that is not leakgate's is left alone. Unsets {@code leakgate.jar}.
     */
    public static List<String> uninstall(Repository repo) {
        Path hooks = hooksDir(repo);
        List<String> done = new ArrayList<>();
        try {
            for (String name : HOOKS) {
                Path hook = hooks.resolve(name);
                Path local = hooks.resolve(name + ".local");
                boolean exists = Files.exists(hook) || Files.isSymbolicLink(hook);
                if (exists && !Resources.isOurs(hook, MARKER)) {
                    done.add(hook + " is not leakgate's: left as it is"
                            + (Files.exists(local) ? " (and " + local.getFileName() + " too)" : ""));
                    continue;
                }
                if (exists) {
                    Files.delete(hook);
                    done.add("removed " + hook);
                }
                if (Files.exists(local) || Files.isSymbolicLink(local)) {
                    Files.move(local, hook, StandardCopyOption.ATOMIC_MOVE);
                    done.add("put back the " + name + " hook that was there before");
                }
            }
            StoredConfig config = repo.getConfig();
            if (config.getString("leakgate", null, "jar") != null) {
                config.unset("leakgate", null, "jar");
                if (config.getNames("leakgate").isEmpty() && config.getSubsections("leakgate").isEmpty()) {
                    config.unsetSection("leakgate", null);
                }
                config.save();
                done.add("unset git config leakgate.jar");
            }
        } catch (IOException e) {
            throw new SourceException("cannot uninstall hooks in " + hooks + ": " + e.getMessage());
        }
        if (done.isEmpty()) {
            done.add("no leakgate hooks in " + hooks);
        }
        return done;
    }

    static Path hooksDir(Repository repo) {
        String configured = repo.getConfig().getString("core", null, "hooksPath");
        if (configured == null || configured.isBlank()) {
            return repo.getDirectory().toPath().resolve("hooks");
        }
        if (configured.startsWith("~/")) {
            configured = UserInstall.home() + configured.substring(1);
        }
        Path p = Path.of(configured);
        if (p.isAbsolute()) {
            return p;
        }
        // git runs hooks from the top of the work tree (the git dir when bare): relative to that
        Path base = repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
        return base.resolve(p).normalize();
    }
}
