package dev.leakgate.detect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each rule's own examples (each must match that rule) and negative examples (none may
 * match that rule), each through the full detector so the prefilter, entropy floor, validator
 * and placeholder filter are exercised as in a real scan.
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
