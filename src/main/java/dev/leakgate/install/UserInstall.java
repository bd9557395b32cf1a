package dev.leakgate.install;

import dev.leakgate.source.SourceException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * leakgate for one user, under ~/.local as the XDG base directories place things: the jar in
 * {@code $XDG_DATA_HOME/leakgate/} (default {@code ~/.local/share}), where the class-data
 * archives of the hooks and the launcher are made beside it; the launcher {@code ~/.local/bin/leakgate};
 * bash and zsh completion and the man page where bash-completion, zsh and man look under
 * {@code ~/.local/share}. Hooks installed afterwards run this jar, not a build's
 * {@code target/leakgate.jar}, which {@code mvn clean} removes.
 */
public final class UserInstall {
    static final String LAUNCHER_MARKER = "leakgate-launcher:";
    /** The launcher's line that install fills with the installed jar. */
    private static final String JAR_LINE = "installed_jar=\n";
    /** Files beside the jar: the archives and their stamp (see the leakgate-jvm block of the hooks). */
    private static final List<String> BESIDE_JAR = List.of("leakgate.jsa", "leakgate.aot", "leakgate.jvm");

    private final Path home;
    private final Path dataHome;

    UserInstall(Path home, Path dataHome) {
        this.home = home;
        this.dataHome = dataHome;
    }

    /** As the shell sees it: {@code $HOME} (the JVM's user.home comes from the password database) and {@code $XDG_DATA_HOME}. */
    public static UserInstall fromEnvironment() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path h = home();
        // The XDG spec: a relative path is invalid and must be ignored.
        Path data = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : h.resolve(".local/share");
        return new UserInstall(h, data);
    }

    static Path home() {
        String h = System.getenv("HOME");
        return Path.of(h != null && !h.isEmpty() ? h : System.getProperty("user.home"));
    }

    public Path jar() {
        return dataHome.resolve("leakgate/leakgate.jar");
    }

    public Path launcher() {
        return home.resolve(".local/bin/leakgate");
    }

    public Path bashCompletion() {
        return dataHome.resolve("bash-completion/completions/leakgate");
    }

    public Path zshCompletion() {
        return dataHome.resolve("zsh/site-functions/_leakgate");
    }

    public Path manPage() {
        return dataHome.resolve("man/man1/leakgate.1");
    }

    /** What install writes besides the jar and the launcher: the completions and the man page. */
    public record Extras(String bash, String zsh, byte[] manPage) {
    }

    /** Copies {@code source} as the user's jar and writes the launcher and extras; lines saying what was done. */
    public List<String> install(Path source, Extras extras) {
        List<String> done = new ArrayList<>();
        Path jar = jar();
        try {
            Path launcher = launcher();
            if ((Files.exists(launcher) || Files.isSymbolicLink(launcher)) && !Resources.isOurs(launcher, LAUNCHER_MARKER)) {
                throw new SourceException(launcher + " exists and is not leakgate's launcher: move it away, then run install --user again");
            }
            Files.createDirectories(jar.getParent());
            if (Files.exists(jar) && Files.isSameFile(source, jar)) {
                done.add("the jar is already " + jar);
            } else {
                Path tmp = jar.resolveSibling("leakgate.jar.leakgate-tmp");
                Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
                // The archives were made for the jar this replaces: the next run makes new ones.
                for (String f : BESIDE_JAR) {
                    Files.deleteIfExists(jar.resolveSibling(f));
                }
                Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                done.add("copied " + source + " to " + jar);
            }
            Resources.writeExecutable(launcher, launcherScript(jar));
            done.add("wrote " + launcher);
            Resources.write(bashCompletion(), extras.bash().getBytes(StandardCharsets.UTF_8), "rw-r--r--");
            done.add("wrote " + bashCompletion());
            Resources.write(zshCompletion(), extras.zsh().getBytes(StandardCharsets.UTF_8), "rw-r--r--");
            done.add("wrote " + zshCompletion());
            if (extras.manPage() != null) {
                Resources.write(manPage(), extras.manPage(), "rw-r--r--");
                done.add("wrote " + manPage());
            }
        } catch (IOException e) {
            throw new SourceException("cannot install leakgate for this user: " + e.getMessage());
        }
        if (!onPath(launcher().getParent())) {
            done.add("note: " + launcher().getParent() + " is not on PATH: add it to run `leakgate` by name");
        }
        return done;
    }

    /** Removes what {@link #install} wrote, and the archives made beside the jar; lines saying what was done. */
    public List<String> uninstall() {
        List<String> done = new ArrayList<>();
        try {
            Path launcher = launcher();
            if (Files.exists(launcher) && !Resources.isOurs(launcher, LAUNCHER_MARKER)) {
                done.add(launcher + " is not leakgate's launcher: left as it is");
            } else if (Files.deleteIfExists(launcher)) {
                done.add("removed " + launcher);
            }
            Path jar = jar();
            List<Path> files = new ArrayList<>(List.of(jar, bashCompletion(), zshCompletion(), manPage()));
            for (String f : BESIDE_JAR) {
                files.add(jar.resolveSibling(f));
            }
            for (Path p : files) {
                if (Files.deleteIfExists(p)) {
                    done.add("removed " + p);
                }
            }
            Path lock = jar.resolveSibling("leakgate.lock");
            if (Files.isDirectory(lock)) {
                try (var s = Files.walk(lock)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            Path dir = jar.getParent();
            if (Files.isDirectory(dir)) {
                try (var s = Files.list(dir)) {
                    if (s.findAny().isEmpty()) {
                        Files.delete(dir);
                        done.add("removed " + dir);
                    }
                }
            }
        } catch (IOException e) {
            throw new SourceException("cannot uninstall leakgate for this user: " + e.getMessage());
        }
        if (done.isEmpty()) {
            done.add("leakgate is not installed for this user (nothing in " + launcher().getParent() + " or " + jar().getParent() + ")");
        }
        return done;
    }

    static byte[] launcherScript(Path jar) throws IOException {
        String script = new String(Resources.read("hooks/leakgate"), StandardCharsets.UTF_8);
        int at = script.indexOf(JAR_LINE);
        if (at < 0) {
            throw new SourceException("hooks/leakgate in this build has no '" + JAR_LINE.trim() + "' line");
        }
        String line = "installed_jar=" + shellQuote(jar.toAbsolutePath().normalize().toString()) + "\n";
        return (script.substring(0, at) + line + script.substring(at + JAR_LINE.length())).getBytes(StandardCharsets.UTF_8);
    }

    /** One word for sh, whatever the path holds. */
    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static boolean onPath(Path dir) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (!d.isEmpty() && Path.of(d).toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
                return true;
            }
        }
        return false;
    }
}
