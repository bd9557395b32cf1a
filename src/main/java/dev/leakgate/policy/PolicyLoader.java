package dev.leakgate.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.leakgate.detect.Rule;
import dev.leakgate.detect.RuleException;
import dev.leakgate.detect.RuleLoader;
import dev.leakgate.detect.RuleSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Reads {@code .leakgate.yaml} (and a baseline) into a {@link Policy}, strictly. */
public final class PolicyLoader {
    public static final String DEFAULT_NAME = ".leakgate.yaml";

    /**
     * Built on first use: most runs have no config and no baseline, and two ObjectMappers cost
     * tens of milliseconds of a cold pre-commit JVM.
     */
    private static final class Mappers {
        static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private PolicyLoader() {
    }

    /**
     * @param config     an explicit config file, or null to use {@code .leakgate.yaml} in {@code root} when present
     * @param root       the scanned root (a folder or a work tree), or null when there is none (a bare repository)
     * @param baseline   an explicit baseline report, or null to use the config's
     */
    public static Policy load(Path config, Path root, Path baseline, List<Rule> builtin) {
        return load(config, root, baseline, () -> builtin);
    }

    /**
     * As {@link #load(Path, Path, Path, List)}, asking for the built-in rules only when they are
     * needed: without a config, not before the first scan, so a caller can load them meanwhile.
     */
    public static Policy load(Path config, Path root, Path baseline, Supplier<List<Rule>> builtin) {
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
        return parse(file.toString(), bytes, dir, baseline, builtin.get());
    }

    /** The top-level keys of {@code .leakgate.yaml}; anything else is a typo to report, not to ignore. */
    static final List<String> KEYS = List.of("allow", "baseline", "disable", "inlineAllow", "publicSurface", "rules",
            "secretsPaths", "sopsConfig");
    static final List<String> ALLOW_KEYS = List.of("fingerprints", "paths", "regexes");

    public static Policy parse(String name, byte[] yaml, Path dir, Path baselineOverride, List<Rule> builtin) {
        return parse(name, yaml, dir, baselineOverride, builtin, null);
    }

    /**
     * The files a config names, as a trusted tree holds them: {@code file(path)} gives the bytes at
     * a repository-relative path, or null when the tree has none; {@code name()} says which tree.
     */
    public interface TrustedTree {
        byte[] file(String repoPath);

        String name();
    }

    /**
     * As {@link #parse(String, byte[], Path, Path, List)}, with the config's own baseline read from
     * {@code trusted} (when it lies inside the repository {@code dir} is the root of) instead of
     * from disk: the publish gate holds a range to what is already published, and a baseline the
     * range itself adds or widens would accept the range's own leak. A baseline the trusted tree
     * lacks is none; {@code notes} hears when the range's copy differs.
     */
    public static Policy parse(String name, byte[] yaml, Path dir, Path baselineOverride, List<Rule> builtin,
            TrustedTree trusted, java.util.function.Consumer<String> notes) {
        return parse(name, yaml, dir, baselineOverride, builtin, new Trust(trusted, notes));
    }

    private record Trust(TrustedTree tree, java.util.function.Consumer<String> notes) {
    }

    private static Policy parse(String name, byte[] yaml, Path dir, Path baselineOverride, List<Rule> builtin, Trust trust) {
        JsonNode root = readTree(name, yaml);
        if (root == null || root.isNull() || root.isMissingNode()) {
            root = Mappers.YAML.createObjectNode();
        }
        if (!root.isObject()) {
            throw new ConfigException(name + ": the top level must be a mapping of keys (" + String.join(", ", KEYS) + ")");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new ConfigException(name + ": unknown key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
            }
        }
        Map<String, Rule> rules = new LinkedHashMap<>();
        builtin.forEach(r -> rules.put(r.id(), r));
        for (String id : strings(name, "disable", root.get("disable"), "rule ids")) {
            if (rules.remove(id) == null) {
                throw new ConfigException(name + ": disable: no rule with id '" + id + "'");
            }
        }
        List<RuleSpec> specs = ruleSpecs(name, root.get("rules"));
        for (int i = 0; i < specs.size(); i++) {
            Rule r;
            try {
                r = RuleLoader.compile(name, i, specs.get(i));
            } catch (RuleException e) {
                throw new ConfigException(e.getMessage());
            }
            if (rules.containsKey(r.id())) {
                throw new ConfigException(name + ": rule " + r.id() + ": id already used"
                        + (builtin.stream().anyMatch(b -> b.id().equals(r.id())) ? " by a built-in rule (disable it first)" : " by another rule"));
            }
            rules.put(r.id(), r);
        }
        Globs secrets = globs(name, "secretsPaths", root.has("secretsPaths")
                ? strings(name, "secretsPaths", root.get("secretsPaths"), "globs") : Policy.DEFAULT_SECRETS_PATHS);
        Globs surface = root.has("publicSurface")
                ? globs(name, "publicSurface", strings(name, "publicSurface", root.get("publicSurface"), "globs")) : null;
        Globs allowPaths = Globs.none();
        List<Pattern> allowRegexes = new ArrayList<>();
        Set<String> allowFps = new HashSet<>();
        JsonNode allow = root.get("allow");
        if (allow != null) {
            if (!allow.isObject()) {
                throw new ConfigException(name + ": allow: expected a mapping with " + String.join(", ", ALLOW_KEYS));
            }
            for (Iterator<String> it = allow.fieldNames(); it.hasNext();) {
                String key = it.next();
                if (!ALLOW_KEYS.contains(key)) {
                    throw new ConfigException(name + ": allow: unknown key '" + key + "' (known: " + String.join(", ", ALLOW_KEYS) + ")");
                }
            }
            allowPaths = globs(name, "allow.paths", strings(name, "allow.paths", allow.get("paths"), "globs"));
            List<String> regexes = strings(name, "allow.regexes", allow.get("regexes"), "RE2 regexes");
            for (int i = 0; i < regexes.size(); i++) {
                try {
                    allowRegexes.add(Pattern.compile(regexes.get(i)));
                } catch (PatternSyntaxException e) {
                    throw new ConfigException(name + ": allow.regexes: does not compile in RE2 (item " + (i + 1) + "): " + firstLine(e.getMessage()));
                }
            }
            for (String f : strings(name, "allow.fingerprints", allow.get("fingerprints"), "fingerprints")) {
                if (!f.matches("[0-9a-f]{32}")) {
                    throw new ConfigException(name + ": allow.fingerprints: each must be 32 lower-case hex characters (a finding's fingerprint)");
                }
                allowFps.add(f);
            }
        }
        Baseline baseline = Baseline.NONE;
        String baselineKey = string(name, "baseline", root.get("baseline"));
        Path baselineFile = baselineOverride != null ? baselineOverride
                : baselineKey != null ? resolve(dir, baselineKey) : null;
        if (baselineFile != null && baselineOverride == null && trust != null && dir != null
                && baselineFile.normalize().startsWith(dir.normalize())) {
            baseline = trustedBaseline(baselineFile, dir, trust);
        } else if (baselineFile != null) {
            baseline = Baseline.read(baselineFile, Mappers.JSON);
        }
        String sops = string(name, "sopsConfig", root.get("sopsConfig"));
        JsonNode inline = root.get("inlineAllow");
        if (inline != null && !inline.isBoolean()) {
            throw new ConfigException(name + ": inlineAllow: expected true or false, got " + describe(inline));
        }
        Policy policy = new Policy(new ArrayList<>(rules.values()), secrets, surface, allowPaths, allowRegexes, allowFps,
                baseline, sops == null ? null : resolve(dir, sops));
        return inline != null && !inline.asBoolean() ? policy.withoutInlineAllow() : policy;
    }

    /** The baseline at {@code file} as the trusted tree holds it; the work tree's copy is only compared. */
    private static Baseline trustedBaseline(Path file, Path dir, Trust trust) {
        String repoPath = dir.normalize().relativize(file.normalize()).toString().replace('\\', '/');
        byte[] published = trust.tree().file(repoPath);
        byte[] local = null;
        try {
            local = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            // only compared, for the note below: the trusted copy is what counts
        }
        if (local != null && !java.util.Arrays.equals(published, local)) {
            trust.notes().accept("the baseline " + repoPath + " differs from " + trust.tree().name()
                    + "'s; the range is held to " + (published == null ? "no baseline" : trust.tree().name() + "'s")
                    + " (already published): the change applies once it is published");
        }
        if (published == null) {
            return Baseline.NONE;
        }
        return Baseline.read(file, trust.tree().name() + ":" + repoPath, published, Mappers.JSON);
    }

    private static Path resolve(Path dir, String file) {
        return dir == null ? Path.of(file) : dir.resolve(file);
    }

    private static JsonNode readTree(String name, byte[] yaml) {
        requireUtf8(name, yaml);
        try {
            refuseAliases(name, yaml);
            return Mappers.YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String msg = firstLine(e.getOriginalMessage());
            String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            if (msg.startsWith("Duplicate field")) {
                return fail(name + ": " + msg.replace("Duplicate field", "duplicate key") + line);
            }
            return fail(name + ": not valid YAML: " + msg + line);
        } catch (IOException e) {
            return fail(name + ": not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    /** Jackson would stop at the first bad byte with a CharConversionException: one line instead. */
    private static void requireUtf8(String name, byte[] yaml) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(yaml);
        CharBuffer out = CharBuffer.allocate(Math.max(16, yaml.length));
        CoderResult r = utf8.decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += yaml[i] == '\n' ? 1 : 0;
            }
            throw new ConfigException(name + ": not valid UTF-8 (line " + line + "): save the config as UTF-8");
        }
    }

    /**
     * What Jackson would misread without a word: an alias ({@code *main}) it reads as the
     * anchor's name, a plain string, so a list of globs loses what the anchor holds; and a second
     * document ({@code ---}), which it never reads. Refused, with where they are.
     */
    private static void refuseAliases(String name, byte[] yaml) throws IOException {
        try (JsonParser p = Mappers.YAML.getFactory().createParser(yaml)) {
            int depth = 0;
            int documents = 0;
            for (JsonToken t; (t = p.nextToken()) != null;) {
                if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                    throw new ConfigException(name + ": YAML aliases are not supported (*" + p.getText() + ", line "
                            + p.currentTokenLocation().getLineNr() + "): write the value out");
                }
                if (depth == 0 && ++documents > 1 && t != JsonToken.VALUE_NULL) { // an empty one ('---' at the end) is harmless
                    throw new ConfigException(name + ": more than one YAML document (line "
                            + p.currentTokenLocation().getLineNr() + "): keep the whole config in one");
                }
                depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
            }
        }
    }

    private static <T> T fail(String message) {
        throw new ConfigException(message);
    }

    /** A list of strings under {@code key}; absent means empty, anything else but a list of strings is an error. */
    private static List<String> strings(String name, String key, JsonNode node, String what) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ConfigException(name + ": " + key + ": expected a list of " + what + ", got " + describe(node));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || item.asText().isEmpty()) {
                throw new ConfigException(name + ": " + key + "[" + (i + 1) + "]: expected a non-empty string, got " + describe(item));
            }
            out.add(item.asText());
        }
        return out;
    }

    private static String string(String name, String key, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new ConfigException(name + ": " + key + ": expected a file path, got " + describe(node));
        }
        return node.asText();
    }

    private static List<RuleSpec> ruleSpecs(String name, JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ConfigException(name + ": rules: expected a list of rules, got " + describe(node));
        }
        List<RuleSpec> specs = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            JsonNode id = item.get("id");
            String which = "rule " + (id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : "#" + (i + 1));
            if (!item.isObject()) {
                throw new ConfigException(name + ": rules[" + (i + 1) + "]: expected a rule (a mapping with id, kind, pattern, ...), got " + describe(item));
            }
            try {
                specs.add(Mappers.YAML.treeToValue(item, RuleSpec.class));
            } catch (UnrecognizedPropertyException e) {
                throw new ConfigException(name + ": " + which + ": unknown key '" + e.getPropertyName() + "' (known: "
                        + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ")");
            } catch (JsonProcessingException e) {
                String field = fieldOf(e);
                throw new ConfigException(name + ": " + which + ": "
                        + (field == null ? "not a valid rule" : "'" + field + "': expected " + RULE_FIELD_TYPES.getOrDefault(field, "another type")));
            }
        }
        return specs;
    }

    /** What each rule key holds, for a message a person can act on (not a Java type name). */
    private static final Map<String, String> RULE_FIELD_TYPES = Map.ofEntries(
            Map.entry("id", "a string"), Map.entry("kind", "a string (secret | inventory)"),
            Map.entry("description", "a string"), Map.entry("pattern", "a string (an RE2 regex)"),
            Map.entry("secretGroup", "a group number or name"), Map.entry("keywords", "a list of strings"),
            Map.entry("entropy", "a number (bits per character)"), Map.entry("minLength", "a whole number"),
            Map.entry("validator", "a validator name"), Map.entry("allow", "a list of RE2 regexes"),
            Map.entry("window", "a whole number of bytes"), Map.entry("generic", "true or false"),
            Map.entry("anchored", "true or false"), Map.entry("assignment", "true or false"),
            Map.entry("examples", "a list of strings"), Map.entry("negativeExamples", "a list of strings"));

    private static String fieldOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    return r.getFieldName();
                }
            }
        }
        return null;
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isNull()) {
            return "nothing";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isTextual()) {
            return n.asText().isEmpty() ? "an empty string" : "a string";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        if (n.isNumber()) {
            return "a number";
        }
        return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static Policy withBaseline(Policy p, Path baseline) {
        return new Policy(p::rules, Globs.parse(Policy.DEFAULT_SECRETS_PATHS), null,
                Globs.none(), List.of(), Set.of(), Baseline.read(baseline, Mappers.JSON), null, true);
    }

    private static Globs globs(String name, String key, List<String> texts) {
        List<Glob> out = new ArrayList<>();
        for (String t : texts) {
            try {
                out.add(new Glob(t));
            } catch (RuntimeException e) {
                throw new ConfigException(name + ": " + key + ": bad glob '" + t + "': " + firstLine(e.getMessage()));
            }
        }
        return Globs.of(out);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
