package dev.leakgate.detect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads rule packs (YAML) and compiles each rule, strictly: any defect is a one-line error. */
public final class RuleLoader {
    /** Made on first use: loading the packed built-in rules needs no YAML (start-up time of the hooks). */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private RuleLoader() {
    }

    public static List<Rule> loadPack(String origin, InputStream in) {
        return compileAll(origin, readPack(origin, in).rules());
    }

    static RulePack readPack(String origin, InputStream in) {
        RulePack pack;
        try {
            pack = Yaml.MAPPER.readValue(in, RulePack.class);
        } catch (UnrecognizedPropertyException e) {
            throw new RuleException(origin + ": unknown key '" + e.getPropertyName() + "'" + where(e));
        } catch (JsonMappingException e) {
            throw new RuleException(origin + ": " + firstLine(e.getOriginalMessage()) + where(e));
        } catch (IOException e) {
            throw new RuleException(origin + ": not valid YAML: " + firstLine(e.getMessage()));
        }
        if (pack == null || pack.rules() == null) {
            throw new RuleException(origin + ": no 'rules:' list");
        }
        return pack;
    }

    public static List<Rule> compileAll(String origin, List<RuleSpec> specs) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            rules.add(compile(origin, i, specs.get(i)));
        }
        return rules;
    }

    public static Rule compile(String origin, int index, RuleSpec s) {
        String at = at(origin, index, s);
        TokenShape shape = shape(at, s);
        Pattern pattern = compilePattern(at + (shape == null ? "pattern" : "body"), shape == null ? s.pattern() : shape.pattern());
        List<LazyPattern> allow = new ArrayList<>();
        if (s.allow() != null) {
            for (String a : s.allow()) {
                allow.add(new LazyPattern(compilePattern(at + "allow", a)));
            }
        }
        return build(origin, at, s, shape, new LazyPattern(pattern), secretGroup(at, pattern, s.secretGroup()), allow);
    }

    /**
     * A rule from the jar's packed rule set: checked and compiled when the jar was built, so its
     * regexes compile on first use and its secret group comes resolved.
     */
    /** Compiled once: String.matches compiles its regex on every call, 416 times at start-up. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9.-]*");

    static Rule fromPacked(PackedRule p) {
        RuleSpec s = p.spec();
        String at = at(p.origin(), 0, s);
        List<LazyPattern> allow = new ArrayList<>();
        if (s.allow() != null) {
            for (String a : s.allow()) {
                allow.add(new LazyPattern(a));
            }
        }
        TokenShape shape = shape(at, s);
        return build(p.origin(), at, s, shape, new LazyPattern(shape == null ? s.pattern() : shape.pattern()), p.secretGroup(), allow);
    }

    private static String at(String origin, int index, RuleSpec s) {
        if (s == null || s.id() == null || s.id().isBlank()) {
            throw new RuleException(origin + ": rule #" + (index + 1) + ": missing 'id'");
        }
        String at = origin + ": rule " + s.id() + ": ";
        if (!ID.matcher(s.id()).matches()) {
            throw new RuleException(at + "id must be lower-case letters, digits, '-' and '.'");
        }
        boolean pattern = s.pattern() != null && !s.pattern().isEmpty();
        if (pattern == (s.body() != null)) {
            throw new RuleException(at + (pattern ? "'pattern' and 'body' exclude each other"
                    : "missing 'pattern' (or 'body', for a token of known shape near its service's name)"));
        }
        return at;
    }

    /** The long-tail family's shape, for a rule written as {@code body:} (null for a {@code pattern:} rule). */
    private static TokenShape shape(String at, RuleSpec s) {
        if (s.body() == null) {
            if (s.prefix() != null || s.distance() != null) {
                throw new RuleException(at + "'prefix' and 'distance' go with 'body', not 'pattern'");
            }
            return null;
        }
        if (Boolean.TRUE.equals(s.assignment())) {
            throw new RuleException(at + "'assignment' goes with 'pattern', not 'body'");
        }
        try {
            return TokenShape.of(s.keywords(), s.prefix(), s.body(), s.distance());
        } catch (IllegalArgumentException e) {
            throw new RuleException(at + e.getMessage());
        }
    }

    private static Rule build(String origin, String at, RuleSpec s, TokenShape shape, LazyPattern pattern, int group,
            List<LazyPattern> allow) {
        Kind kind;
        try {
            kind = Kind.parse(s.kind() == null ? "secret" : s.kind());
        } catch (IllegalArgumentException e) {
            throw new RuleException(at + e.getMessage());
        }
        if (kind == Kind.ENVELOPE) {
            throw new RuleException(at + "kind 'envelope' is reserved for the envelope checks");
        }
        // Loops, not streams: this runs for every built-in rule at each start-up, in a cold JVM.
        List<String> keywords = new ArrayList<>();
        List<String> rawKeywords = shape != null ? shape.keywords() : s.keywords();
        if (rawKeywords != null) {
            for (String raw : rawKeywords) {
                String k = raw.toLowerCase(Locale.ROOT);
                if (k.isEmpty() || !isAscii(k)) {
                    throw new RuleException(at + "keywords must be non-empty ASCII");
                }
                if (!keywords.contains(k)) {
                    keywords.add(k);
                }
            }
        }
        Validator validator = null;
        if (s.validator() != null) {
            validator = Validators.named(s.validator());
            if (validator == null) {
                throw new RuleException(at + "unknown validator '" + s.validator() + "' (known: "
                        + String.join(", ", Validators.names()) + ")");
            }
        }
        double entropy = s.entropy() != null ? s.entropy() : shape != null ? shape.defaultEntropy() : 0;
        if (entropy < 0 || entropy > 8) {
            throw new RuleException(at + "entropy must be between 0 and 8");
        }
        int window = s.window() != null ? s.window() : shape != null ? shape.window() : Rule.DEFAULT_WINDOW;
        if (window < 0 || window > 1 << 20) {
            throw new RuleException(at + "window must be between 0 and 1048576 bytes");
        }
        boolean assignment = Boolean.TRUE.equals(s.assignment());
        if (assignment && keywords.isEmpty()) {
            throw new RuleException(at + "assignment: true needs keywords (the name the assignment starts at)");
        }
        return new Rule(s.id(), kind, s.description() == null ? s.id() : s.description(), pattern, group,
                List.copyOf(keywords), entropy, s.minLength() == null ? 0 : s.minLength(), s.validator(), validator,
                List.copyOf(allow), window, Boolean.TRUE.equals(s.generic()),
                assignment || shape != null || Boolean.TRUE.equals(s.anchored()), assignment, shape,
                examples(s.examples()), examples(s.negativeExamples()), origin);
    }

    /** The packed set's examples stay as they are, decoded on first use (see PackedRuleReader). */
    private static List<String> examples(List<String> list) {
        return list == null ? List.of() : list instanceof PackedRuleReader.Strings ? list : List.copyOf(list);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private static Pattern compilePattern(String what, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            // re2j's message quotes the pattern, never content: safe to show.
            throw new RuleException(what + " does not compile in RE2: " + firstLine(e.getMessage()));
        }
    }

    private static int secretGroup(String at, Pattern pattern, String group) {
        if (group == null) {
            return pattern.groupCount() >= 1 && pattern.namedGroups().containsKey("secret")
                    ? pattern.namedGroups().get("secret") : 0;
        }
        if (group.matches("\\d+")) {
            int g = Integer.parseInt(group);
            if (g > pattern.groupCount()) {
                throw new RuleException(at + "secretGroup " + g + " but the pattern has " + pattern.groupCount() + " groups");
            }
            return g;
        }
        Map<String, Integer> named = pattern.namedGroups();
        Integer g = named.get(group);
        if (g == null) {
            throw new RuleException(at + "secretGroup '" + group + "' is not a named group of the pattern");
        }
        return g;
    }

    private static String where(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex() + 1).append(']');
            }
        }
        String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        return path.length() == 0 ? line : " at " + path + line;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
