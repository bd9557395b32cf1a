package dev.leakgate.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;

/**
 * Writes leakgate's hooks into a repository's hooks folder ({@code core.hooksPath} honoured) and
 * records the jar in {@code git config leakgate.jar}. A hook that is not leakgate's is kept,
 * renamed to {@code NAME.local}, and leakgate's hook runs it first; installing again updates
 * leakgate's hooks in place.
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
                if (Files.exists(hook) && !isOurs(hook)) {
                    Path local = hooks.resolve(name + ".local");
                    if (Files.exists(local)) {
                        throw new SourceException("both " + hook + " and " + local + " exist: merge them by hand, then run install again");
                    }
                    Files.move(hook, local);
                    local.toFile().setExecutable(true);
                    done.add("kept the existing " + name + " hook as " + local.getFileName() + " (it runs first)");
                }
                Path tmp = hooks.resolve(name + ".leakgate-tmp");
                Files.write(tmp, script(name));
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException e) {
                    tmp.toFile().setExecutable(true);
                }
                Files.move(tmp, hook, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

    static Path hooksDir(Repository repo) {
        String configured = repo.getConfig().getString("core", null, "hooksPath");
        if (configured == null || configured.isBlank()) {
            return repo.getDirectory().toPath().resolve("hooks");
        }
        if (configured.startsWith("~/")) {
            configured = System.getProperty("user.home") + configured.substring(1);
        }
        Path p = Path.of(configured);
        if (p.isAbsolute()) {
            return p;
        }
        // git runs hooks from the top of the work tree (the git dir when bare): relative to that
        Path base = repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
        return base.resolve(p).normalize();
    }

    private static boolean isOurs(Path hook) throws IOException {
        if (!Files.isRegularFile(hook)) {
            return false;
        }
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(hook)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return new String(head, 0, n, StandardCharsets.UTF_8).contains(MARKER);
    }

    private static byte[] script(String name) throws IOException {
        try (InputStream in = HookInstaller.class.getClassLoader().getResourceAsStream("hooks/" + name)) {
            if (in == null) {
                throw new SourceException("hooks/" + name + " is not packaged in this build of leakgate");
            }
            return in.readAllBytes();
        }
    }
}
