package dev.leakgate.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Build step (Maven process-classes): reads every rule pack, compiles and checks each rule as a
 * user config would be checked, and writes them as one file into the jar (see PackedRuleReader).
 * Parsing YAML and compiling a thousand regexes cost about a second at start-up; reading this file
 * a few tens of milliseconds, and a broken pack fails the build instead of a user's commit.
 *
 * <p>Usage: {@code RulePackCompiler RULES_DIR OUTPUT}.
 */
public final class RulePackCompiler {
    /** Where the packed rule set lives in the jar. */
    public static final String RESOURCE = "rules/builtin.bin";

    private RulePackCompiler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: RulePackCompiler RULES_DIR OUTPUT");
            System.exit(2);
        }
        try {
            write(Path.of(args[0]), Path.of(args[1]));
        } catch (RuleException e) {
            System.err.println("rule packs: " + e.getMessage());
            System.exit(1);
        }
    }

    static void write(Path dir, Path out) throws IOException {
        List<Path> packs;
        try (Stream<Path> s = Files.list(dir)) {
            packs = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        List<PackedRule> packed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path p : packs) {
            String origin = "rules/" + p.getFileName();
            RulePack pack;
            try (InputStream in = Files.newInputStream(p)) {
                pack = RuleLoader.readPack(origin, in);
            }
            for (int i = 0; i < pack.rules().size(); i++) {
                RuleSpec spec = pack.rules().get(i);
                Rule rule = RuleLoader.compile(origin, i, spec);
                if (!ids.add(rule.id())) {
                    throw new RuleException(origin + ": rule " + rule.id() + ": duplicate id");
                }
                packed.add(new PackedRule(origin, spec, rule.secretGroup()));
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (java.io.OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(out))) {
            PackedRuleReader.write(packed, o);
        }
    }
}
