package dev.leakgate.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The rule packs packaged into the jar under {@code rules/} (from the project's rules folder). */
public final class BuiltinRules {
    private static volatile List<Rule> cached;

    private BuiltinRules() {
    }

    public static List<Rule> load() {
        List<Rule> rules = cached;
        if (rules == null) {
            synchronized (BuiltinRules.class) {
                rules = cached;
                if (rules == null) {
                    rules = cached = List.copyOf(read());
                }
            }
        }
        return rules;
    }

    /**
     * Loads the rules and builds their detector ahead of need (from another thread); a failure is
     * reported by the later {@link #load()}.
     */
    public static void preload() {
        try {
            Detector.of(load());
        } catch (RuntimeException e) {
            // load() on the main thread reads again and reports the error there.
        }
    }

    private static List<Rule> read() {
        try (InputStream packed = BuiltinRules.class.getClassLoader().getResourceAsStream(RulePackCompiler.RESOURCE)) {
            if (packed != null) {
                List<Rule> rules = new ArrayList<>();
                for (PackedRule p : PackedRuleReader.read(packed)) {
                    rules.add(RuleLoader.fromPacked(p));
                }
                return rules;
            }
        } catch (IOException e) {
            throw new RuleException("built-in rules: cannot read " + RulePackCompiler.RESOURCE + ": " + e.getMessage());
        }
        return readPacks();
    }

    /** Without the packed file (classes built outside Maven): read and compile the YAML packs. */
    private static List<Rule> readPacks() {
        URL dir = BuiltinRules.class.getClassLoader().getResource("rules/");
        if (dir == null) {
            throw new RuleException("built-in rules: no rules/ folder in the class path");
        }
        List<Rule> rules = new ArrayList<>();
        try {
            URI uri = dir.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                readDir(fs.getPath("rules"), rules);
            } else {
                readDir(Path.of(uri), rules);
            }
        } catch (IOException | URISyntaxException e) {
            throw new RuleException("built-in rules: cannot read: " + e.getMessage());
        }
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) {
            if (!ids.add(r.id())) {
                throw new RuleException(r.origin() + ": rule " + r.id() + ": duplicate id");
            }
        }
        return rules;
    }

    private static void readDir(Path dir, List<Rule> out) throws IOException {
        List<Path> packs;
        try (Stream<Path> s = Files.list(dir)) {
            packs = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path p : packs) {
            try (InputStream in = Files.newInputStream(p)) {
                out.addAll(RuleLoader.loadPack("rules/" + p.getFileName(), in));
            } catch (UncheckedIOException e) {
                throw new RuleException("rules/" + p.getFileName() + ": cannot read");
            }
        }
    }
}
