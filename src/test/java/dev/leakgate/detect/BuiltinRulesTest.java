package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuiltinRulesTest {
    private final List<Rule> rules = BuiltinRules.load();

    @Test
    void everyExampleMatchesAndNoNegativeExampleDoes() {
        // Failures name the rule and the example number only, never the example text.
        List<String> failures = RuleCheck.run(rules).stream().map(f -> f.ruleId() + ": " + f.problem()).toList();
        assertThat(failures).as("rule check failures").isEmpty();
    }

    @Test
    void everyRuleHasKeywordsSoTheRegexRunsOnlyOnHitLines() {
        List<String> unanchored = rules.stream().filter(r -> r.keywords().isEmpty()).map(Rule::id).toList();
        assertThat(unanchored).as("rules without keywords").isEmpty();
    }

    @Test
    void everyRuleOfThisPackHasTwoExamples() {
        Set<String> packs = Set.of("rules/keys.yaml", "rules/jwt.yaml", "rules/connection-strings.yaml",
                "rules/hashes.yaml", "rules/generic.yaml");
        List<String> thin = rules.stream().filter(r -> packs.contains(r.origin()))
                .filter(r -> r.examples().size() < 2).map(Rule::id).toList();
        assertThat(thin).as("rules with fewer than two examples").isEmpty();
        long count = rules.stream().filter(r -> packs.contains(r.origin())).count();
        assertThat(count).as("rules in the core packs").isGreaterThanOrEqualTo(55);
    }

    @Test
    void ruleIdsAreUnique() {
        Set<String> seen = new HashSet<>();
        List<String> dup = rules.stream().map(Rule::id).filter(id -> !seen.add(id)).toList();
        assertThat(dup).as("duplicate ids").isEmpty();
    }

    @Test
    void everyRuleHasAtLeastTwoExamples() {
        assertThat(rules).filteredOn(r -> r.examples().size() < 2).extracting(Rule::id).as("rules with fewer than two examples").isEmpty();
    }

    @Test
    void theCatalogueHasAtLeast350Rules() {
        assertThat(rules).hasSizeGreaterThanOrEqualTo(350);
    }

    @Test
    void ruleCheckCatchesAnExampleThatDoesNotMatch() {
        Rule r = RuleLoader.compile("t", 0, new RuleSpec("t", "secret", null, "zz[0-9]{4}", null, List.of("zz"),
                null, null, null, null, null, null, null, null, null, null, null, List.of("zz1234", "zz12"), List.of("zz9876")));
        assertThat(RuleCheck.run(List.of(r))).extracting(RuleCheck.Failure::problem)
                .containsExactly("example 2 does not match", "negative example 1 matches");
    }
}
