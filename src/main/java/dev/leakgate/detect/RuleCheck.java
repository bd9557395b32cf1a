package dev.leakgate.detect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each rule's own examples (each must match that rule) and negative examples (none may
 * match that rule), each through the full detector so the prefilter, entropy floor, validator
 * and placeholder filter are exercised as in a real scan. A long-tail rule ({@link TokenShape})
 * must also refuse the variants of each example its shape excludes (too short, too long, out of
 * its character set, no service name or too far from it, a placeholder).
 */
public final class RuleCheck {
    /** One failed example: the rule and what went wrong, never the example text itself. */
    public record Failure(String ruleId, String problem) {
    }

    private RuleCheck() {
    }

    public static List<Failure> run(List<Rule> rules) {
        List<Failure> failures = new ArrayList<>();
        for (Rule rule : rules) {
            Detector one = new Detector(List.of(rule));
            if (rule.examples().isEmpty()) {
                failures.add(new Failure(rule.id(), "has no examples"));
            }
            for (int i = 0; i < rule.examples().size(); i++) {
                if (one.scan(bytes(rule.examples().get(i))).isEmpty()) {
                    failures.add(new Failure(rule.id(), "example " + (i + 1) + " does not match"));
                }
            }
            if (rule.shape() != null) {
                for (int i = 0; i < rule.examples().size(); i++) {
                    java.util.Map<String, String> derived = rule.shape().negatives(rule.examples().get(i), rule.pattern());
                    if (derived == null) {
                        continue; // reported above: the example does not match
                    }
                    for (java.util.Map.Entry<String, String> d : derived.entrySet()) {
                        if (!one.scan(bytes(d.getValue())).isEmpty()) {
                            failures.add(new Failure(rule.id(), "example " + (i + 1) + " with " + d.getKey() + " matches"));
                        }
                    }
                }
            }
            for (int i = 0; i < rule.negativeExamples().size(); i++) {
                if (!one.scan(bytes(rule.negativeExamples().get(i))).isEmpty()) {
                    failures.add(new Failure(rule.id(), "negative example " + (i + 1) + " matches"));
                }
            }
        }
        return failures;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
