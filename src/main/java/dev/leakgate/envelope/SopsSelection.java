package dev.leakgate.envelope;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The file's own rule for which values sops encrypted. Every component of a value's path is tested (an
 * exempt mapping key exempts its whole subtree); regexes are RE2 and unanchored searches, as in sops.
 */
final class SopsSelection {
    static final String DEFAULT_UNENCRYPTED_SUFFIX = "_unencrypted";

    enum Kind {
        UNENCRYPTED_SUFFIX("unencrypted_suffix"),
        ENCRYPTED_SUFFIX("encrypted_suffix"),
        UNENCRYPTED_REGEX("unencrypted_regex"),
        ENCRYPTED_REGEX("encrypted_regex"),
        UNENCRYPTED_COMMENT_REGEX("unencrypted_comment_regex"),
        ENCRYPTED_COMMENT_REGEX("encrypted_comment_regex");

        final String metadataKey;

        Kind(String metadataKey) {
            this.metadataKey = metadataKey;
        }
    }

    private record Rule(Kind kind, String suffix, Pattern regex) {
    }

    static final SopsSelection DEFAULT = new SopsSelection(
            List.of(new Rule(Kind.UNENCRYPTED_SUFFIX, DEFAULT_UNENCRYPTED_SUFFIX, null)));

    private final List<Rule> rules;

    private SopsSelection(List<Rule> rules) {
        this.rules = rules;
    }

    /**
     * @throws IllegalArgumentException when a regex does not compile (the message does not repeat it)
     */
    static SopsSelection of(Kind kind, String argument) {
        return switch (kind) {
            case UNENCRYPTED_SUFFIX, ENCRYPTED_SUFFIX -> new SopsSelection(List.of(new Rule(kind, argument, null)));
            default -> {
                try {
                    yield new SopsSelection(List.of(new Rule(kind, null, Pattern.compile(argument))));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException(kind.metadataKey + " is not a valid RE2 regular expression");
                }
            }
        };
    }

    /**
     * sops refuses a file naming two rules; to still judge its values, a value counts as "must be encrypted"
     * when any of the named rules says so: a gate errs towards asking for encryption.
     */
    static SopsSelection anyOf(List<SopsSelection> selections) {
        return new SopsSelection(selections.stream().flatMap(s -> s.rules.stream()).toList());
    }

    /** Names the rule in force for a message: its metadata key (and the suffix, which is never a secret). */
    String describe() {
        List<String> names = new ArrayList<>();
        for (Rule rule : rules) {
            String name = rule.kind.metadataKey;
            if (rule.suffix != null) {
                name += " '" + SopsPaths.printable(rule.suffix) + "'";
            }
            names.add(name);
        }
        return (this == DEFAULT ? "default rule " : "rule ") + String.join(" + ", names);
    }

    /**
     * @param comments the clear comments in force above the value: one block per enclosing level, each the
     *                 comments since the previous key at that level. Encrypted comments are not in it: their
     *                 text cannot be read without the key.
     */
    boolean valueMustBeEncrypted(List<String> path, List<List<String>> comments) {
        for (Rule rule : rules) {
            if (mustEncrypt(rule, path, comments)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A comment is encrypted like a value at its enclosing path, except that under a comment rule the marker
     * comment that matches the rule's regex stays readable: otherwise the marker could not do its job after
     * encryption.
     */
    boolean commentMustBeEncrypted(List<String> path, List<List<String>> comments, String text) {
        for (Rule rule : rules) {
            boolean marker = (rule.kind == Kind.UNENCRYPTED_COMMENT_REGEX || rule.kind == Kind.ENCRYPTED_COMMENT_REGEX)
                    && matches(rule.regex, text);
            if (!marker && mustEncrypt(rule, path, comments)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mustEncrypt(Rule rule, List<String> path, List<List<String>> comments) {
        return switch (rule.kind) {
            case UNENCRYPTED_SUFFIX -> path.stream().noneMatch(k -> k.endsWith(rule.suffix));
            case ENCRYPTED_SUFFIX -> path.stream().anyMatch(k -> k.endsWith(rule.suffix));
            case UNENCRYPTED_REGEX -> path.stream().noneMatch(k -> rule.regex.matcher(k).find());
            case ENCRYPTED_REGEX -> path.stream().anyMatch(k -> rule.regex.matcher(k).find());
            case UNENCRYPTED_COMMENT_REGEX -> comments.stream().flatMap(List::stream).noneMatch(c -> matches(rule.regex, c));
            case ENCRYPTED_COMMENT_REGEX -> comments.stream().flatMap(List::stream).anyMatch(c -> matches(rule.regex, c));
        };
    }

    /** Stores differ on whether the space after '#' is part of the comment, so both readings count. */
    private static boolean matches(Pattern regex, String comment) {
        return regex.matcher(comment).find() || regex.matcher(comment.strip()).find();
    }
}
