package dev.leakgate.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.leakgate.detect.Rule;
import dev.leakgate.detect.RuleException;
import dev.leakgate.detect.RuleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code .leakgate.yaml} (and a baseline) into a {@link Policy}, strictly. */
public final class PolicyLoader {
    public static final String DEFAULT_NAME = ".leakgate.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyLoader() {
    }

    /**
     * @param config     an explicit config file, or null to use {@code .leakgate.yaml} in {@code root} when present
     * @param root       the scanned root (a folder or a work tree), or null when there is none (a bare repository)
     * @param baseline   an explicit baseline report, or null to use the config's
     */
    public static Policy load(Path config, Path root, Path baseline, List<Rule> builtin) {
        Path file = config;
        if (file == null && root != null && Files.isRegularFile(root.resolve(DEFAULT_NAME))) {
            file = root.resolve(DEFAULT_NAME);
        }
        if (file == null) {
            Policy p = Policy.defaults(builtin);
            return baseline == null ? p : withBaseline(p, baseline);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": config file not found");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read config: " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(file.toString(), bytes, dir, baseline, builtin);
    }

    public static Policy parse(String name, byte[] yaml, Path dir, Path baselineOverride, List<Rule> builtin) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new ConfigException(name + ": not valid YAML: " + firstLine(e.getMessage()));
        }
        ConfigFile c = null;
        if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
            if (!tree.isObject()) {
                throw new ConfigException(name + ": the top level must be a mapping of keys");
            }
            try {
                c = YAML.treeToValue(tree, ConfigFile.class);
            } catch (UnrecognizedPropertyException e) {
                throw new ConfigException(name + ": " + ruleOf(tree, e) + "unknown key '" + e.getPropertyName() + "'" + at(e)
                        + " (known: " + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ")");
            } catch (JsonMappingException e) {
                throw new ConfigException(name + ": " + ruleOf(tree, e) + firstLine(e.getOriginalMessage()) + at(e));
            } catch (IOException e) {
                throw new ConfigException(name + ": " + firstLine(e.getMessage()));
            }
        }
        if (c == null) {
            c = new ConfigFile(null, null, null, null, null, null, null);
        }
        Map<String, Rule> rules = new LinkedHashMap<>();
        builtin.forEach(r -> rules.put(r.id(), r));
        if (c.disable() != null) {
            for (String id : c.disable()) {
                if (rules.remove(id) == null) {
                    throw new ConfigException(name + ": disable: no rule with id '" + id + "'");
                }
            }
        }
        if (c.rules() != null) {
            try {
                for (Rule r : RuleLoader.compileAll(name, c.rules())) {
                    if (rules.containsKey(r.id())) {
                        throw new ConfigException(name + ": rule " + r.id() + ": id already used by a built-in rule (disable it first)");
                    }
                    rules.put(r.id(), r);
                }
            } catch (RuleException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        List<Glob> secrets = globs(name, "secretsPaths", c.secretsPaths() == null ? Policy.DEFAULT_SECRETS_PATHS : c.secretsPaths());
        List<Glob> surface = c.publicSurface() == null ? null : globs(name, "publicSurface", c.publicSurface());
        List<Glob> allowPaths = List.of();
        List<Pattern> allowRegexes = new ArrayList<>();
        Set<String> allowFps = new HashSet<>();
        if (c.allow() != null) {
            if (c.allow().paths() != null) {
                allowPaths = globs(name, "allow.paths", c.allow().paths());
            }
            if (c.allow().regexes() != null) {
                for (String r : c.allow().regexes()) {
                    try {
                        allowRegexes.add(Pattern.compile(r));
                    } catch (PatternSyntaxException e) {
                        throw new ConfigException(name + ": allow.regexes: does not compile in RE2: " + firstLine(e.getMessage()));
                    }
                }
            }
            if (c.allow().fingerprints() != null) {
                for (String f : c.allow().fingerprints()) {
                    if (f == null || !f.matches("[0-9a-f]{32}")) {
                        throw new ConfigException(name + ": allow.fingerprints: each must be 32 lower-case hex characters");
                    }
                    allowFps.add(f);
                }
            }
        }
        Set<String> baseline = Set.of();
        Path baselineFile = baselineOverride != null ? baselineOverride
                : c.baseline() != null && dir != null ? dir.resolve(c.baseline()) : null;
        if (baselineFile != null) {
            baseline = readBaseline(baselineFile);
        }
        return new Policy(new ArrayList<>(rules.values()), secrets, surface, allowPaths, allowRegexes, allowFps,
                baseline, c.sopsConfig());
    }

    private static Policy withBaseline(Policy p, Path baseline) {
        return new Policy(p.rules(), Policy.DEFAULT_SECRETS_PATHS.stream().map(Glob::new).toList(), null,
                List.of(), List.of(), Set.of(), readBaseline(baseline), null);
    }

    /** A baseline is a JSON report from an earlier run: its findings' fingerprints are accepted. */
    static Set<String> readBaseline(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + ": baseline is not a readable leakgate JSON report");
        }
        JsonNode findings = root == null ? null : root.get("findings");
        if (findings == null || !findings.isArray()) {
            throw new ConfigException(file + ": baseline has no \"findings\" array (write one with --format json)");
        }
        Set<String> fps = new HashSet<>();
        for (JsonNode f : findings) {
            JsonNode fp = f.get("fingerprint");
            if (fp != null && fp.isTextual()) {
                fps.add(fp.asText());
            }
        }
        return fps;
    }

    private static List<Glob> globs(String name, String key, List<String> texts) {
        List<Glob> out = new ArrayList<>();
        for (String t : texts) {
            try {
                out.add(new Glob(t));
            } catch (RuntimeException e) {
                throw new ConfigException(name + ": " + key + ": bad glob '" + t + "': " + firstLine(e.getMessage()));
            }
        }
        return out;
    }

    /** "rule ID: " when the error sits inside an extra rule, so the message names the rule. */
    private static String ruleOf(JsonNode tree, JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (path.size() >= 2 && "rules".equals(path.get(0).getFieldName()) && path.get(1).getIndex() >= 0) {
            JsonNode id = tree.path("rules").path(path.get(1).getIndex()).path("id");
            return id.isTextual() ? "rule " + id.asText() + ": " : "rule #" + (path.get(1).getIndex() + 1) + ": ";
        }
        return "";
    }

    private static String at(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex() + 1).append(']');
            }
        }
        String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        return (path.length() == 0 ? "" : " at " + path) + line;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
