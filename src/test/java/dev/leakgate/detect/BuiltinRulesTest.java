package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The suite runs every built-in rule's own examples and negative examples, like `rules check`. */
class BuiltinRulesTest {
    @Test
    void everyRulePassesItsOwnExamples() {
        List<Rule> rules = BuiltinRules.load();
        assertThat(rules).isNotEmpty();
        assertThat(RuleCheck.run(rules)).as("rule check failures").isEmpty();
    }

    @Test
    void everyRuleHasKeywordsSoThePrefilterCanSkipIt() {
        assertThat(BuiltinRules.load()).filteredOn(r -> r.keywords().isEmpty()).extracting(Rule::id).isEmpty();
    }

    @Test
    void everyRuleHasAtLeastTwoExamples() {
        assertThat(BuiltinRules.load()).filteredOn(r -> r.examples().size() < 2).extracting(Rule::id).isEmpty();
    }

    @Test
    void ruleCheckCatchesAnExampleThatDoesNotMatch() {
        Rule r = RuleLoader.compile("t", 0, new RuleSpec("t", "secret", null, "zz[0-9]{4}", null, List.of("zz"),
                null, null, null, null, null, null, null, List.of("zz1234", "zz12"), List.of("zz9876")));
        assertThat(RuleCheck.run(List.of(r))).extracting(RuleCheck.Failure::problem)
                .containsExactly("example 2 does not match", "negative example 1 matches");
    }
}
