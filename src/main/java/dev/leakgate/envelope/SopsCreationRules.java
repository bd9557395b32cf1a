package dev.leakgate.envelope;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The {@code creation_rules} of a {@code .sops.yaml}: which age recipients and pgp keys a file at a given
 * path is meant to be encrypted to. Lets a gate notice recipient drift (a file still encrypted to a removed
 * key, or not yet to an added one) without any key.
 */
public final class SopsCreationRules {

    /**
     * One creation rule.
     *
     * @param index           1-based position in {@code creation_rules}
     * @param pathRegex       the rule's {@code path_regex}, or null when it matches every file
     * @param ageRecipients   the age recipients the rule lists (its key groups' when it has key groups)
     * @param pgpFingerprints the pgp fingerprints the rule lists, likewise
     */
    public record Rule(int index, String pathRegex, List<String> ageRecipients, List<String> pgpFingerprints) {
        public Rule {
            ageRecipients = List.copyOf(ageRecipients);
            pgpFingerprints = List.copyOf(pgpFingerprints);
        }
    }

    private final List<Rule> rules;
    private final List<Pattern> patterns;
    private final String configDirectory;

    private SopsCreationRules(List<Rule> rules, List<Pattern> patterns, String configDirectory) {
        this.rules = List.copyOf(rules);
        this.patterns = patterns;
        this.configDirectory = configDirectory;
    }

    /** Rules of a {@code .sops.yaml} at the repository root. */
    public static SopsCreationRules parse(byte[] yaml) {
        return parse(yaml, "");
    }

    /**
     * @param configDirectory repository-relative directory holding the {@code .sops.yaml} ("" for the root):
     *                        sops matches {@code path_regex} against the path relative to it
     * @throws IllegalArgumentException with a one-line message when the configuration is unusable
     */
    public static SopsCreationRules parse(byte[] yaml, String configDirectory) {
        Object root = load(yaml);
        if (root == null) {
            return new SopsCreationRules(List.of(), List.of(), configDirectory);
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new IllegalArgumentException(".sops.yaml is not a YAML mapping");
        }
        Object list = top.get("creation_rules");
        if (list == null) {
            return new SopsCreationRules(List.of(), List.of(), configDirectory);
        }
        if (!(list instanceof List<?> entries)) {
            throw new IllegalArgumentException(".sops.yaml creation_rules is not a list");
        }
        List<Rule> rules = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = ".sops.yaml creation rule " + (i + 1);
            if (!(entries.get(i) instanceof Map<?, ?> rule)) {
                throw new IllegalArgumentException(where + " is not a mapping");
            }
            String pathRegex = rule.get("path_regex") == null ? null : String.valueOf(rule.get("path_regex"));
            patterns.add(compile(pathRegex, where));
            Set<String> age = new LinkedHashSet<>();
            Set<String> pgp = new LinkedHashSet<>();
            Object groups = rule.get("key_groups");
            if (groups instanceof List<?> groupList && !groupList.isEmpty()) {
                // As in sops: a rule with key groups takes its keys from the groups only.
                for (int g = 0; g < groupList.size(); g++) {
                    if (!(groupList.get(g) instanceof Map<?, ?> group)) {
                        throw new IllegalArgumentException(where + " key group " + (g + 1) + " is not a mapping");
                    }
                    keys(group.get("age"), where + " key group " + (g + 1) + " age", age);
                    keys(group.get("pgp"), where + " key group " + (g + 1) + " pgp", pgp);
                }
            } else if (groups != null && !(groups instanceof List<?>)) {
                throw new IllegalArgumentException(where + " key_groups is not a list");
            } else {
                keys(rule.get("age"), where + " age", age);
                keys(rule.get("pgp"), where + " pgp", pgp);
            }
            rules.add(new Rule(i + 1, pathRegex == null || pathRegex.isEmpty() ? null : pathRegex, List.copyOf(age), List.copyOf(pgp)));
        }
        return new SopsCreationRules(rules, patterns, normalizeDirectory(configDirectory));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The first rule whose {@code path_regex} finds a match in the path (relative to the config's directory), as sops picks it. */
    public Optional<Rule> ruleFor(String repoRelativePath) {
        String path = repoRelativePath;
        if (!configDirectory.isEmpty() && path.startsWith(configDirectory + "/")) {
            path = path.substring(configDirectory.length() + 1);
        }
        for (int i = 0; i < rules.size(); i++) {
            Pattern p = patterns.get(i);
            if (p == null || p.matcher(path).find()) {
                return Optional.of(rules.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Recipients a sops file is encrypted to against those its creation rule lists: one
     * {@code sops-recipient-drift} problem per recipient on one side only. A recipient is named only by a
     * short hash (first 12 hex characters of SHA-256 of the recipient string): recipients are inventory.
     * Age files carry no recipient names, so they yield nothing.
     */
    public static List<EnvelopeProblem> recipientDrift(EnvelopeResult file, Rule rule) {
        return RecipientDrift.between(file, rule);
    }

    private static Object load(byte[] yaml) {
        LoaderOptions options = new LoaderOptions();
        try {
            return new Yaml(new SafeConstructor(options)).load(new String(yaml, StandardCharsets.UTF_8));
        } catch (MarkedYAMLException e) {
            String at = e.getProblemMark() == null ? "" : " (line " + (e.getProblemMark().getLine() + 1) + ")";
            throw new IllegalArgumentException(".sops.yaml does not parse" + at);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(".sops.yaml does not parse");
        }
    }

    private static Pattern compile(String regex, String where) {
        if (regex == null || regex.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + " path_regex is not a valid RE2 regular expression");
        }
    }

    /** A key list is a comma-separated string or a YAML list (of strings, which may hold commas too). */
    private static void keys(Object value, String where, Set<String> into) {
        if (value == null) {
            return;
        }
        Collection<?> items = value instanceof List<?> list ? list : List.of(value);
        for (Object item : items) {
            if (item instanceof Map<?, ?> || item instanceof List<?>) {
                throw new IllegalArgumentException(where + " is neither a string nor a list of strings");
            }
            if (item == null) {
                continue;
            }
            for (String part : String.valueOf(item).split(",")) {
                String key = part.strip();
                if (!key.isEmpty()) {
                    into.add(key);
                }
            }
        }
    }

    private static String normalizeDirectory(String dir) {
        String d = dir == null ? "" : dir.strip();
        while (d.startsWith("./")) {
            d = d.substring(2);
        }
        while (d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        return d.equals(".") ? "" : d;
    }
}
