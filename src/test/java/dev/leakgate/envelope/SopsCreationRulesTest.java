package dev.leakgate.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SopsCreationRulesTest {

    private static SopsCreationRules parse(String yaml) {
        return SopsCreationRules.parse(yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** The sops-nix style: keys defined once as anchors, used as aliases in key groups. */
    private static final String NIX_STYLE = """
            keys:
              - &admin age1admin
              - &host_a age1hosta
              - &pgp_ops ABCD 1234
            creation_rules:
              - path_regex: secrets/hosts/a/[^/]+\\.yaml$
                key_groups:
                  - age:
                      - *admin
                      - *host_a
                    pgp:
                      - *pgp_ops
              - path_regex: secrets/shared\\.(yaml|json)$
                age: >-
                  age1admin,
                  age1hosta, age1hostb
                pgp: "FP1,FP2"
              - age: age1catchall
            """;

    @Test
    void firstMatchingRuleWinsWithAliasesResolved() {
        SopsCreationRules rules = parse(NIX_STYLE);
        assertThat(rules.rules()).hasSize(3);
        SopsCreationRules.Rule a = rules.ruleFor("secrets/hosts/a/wifi.yaml").orElseThrow();
        assertThat(a.index()).isEqualTo(1);
        assertThat(a.ageRecipients()).containsExactly("age1admin", "age1hosta");
        assertThat(a.pgpFingerprints()).containsExactly("ABCD 1234");
        SopsCreationRules.Rule shared = rules.ruleFor("secrets/shared.json").orElseThrow();
        assertThat(shared.ageRecipients()).containsExactly("age1admin", "age1hosta", "age1hostb");
        assertThat(shared.pgpFingerprints()).containsExactly("FP1", "FP2");
    }

    @Test
    void aRuleWithoutPathRegexMatchesEverything() {
        SopsCreationRules rules = parse(NIX_STYLE);
        SopsCreationRules.Rule other = rules.ruleFor("anything/else.txt").orElseThrow();
        assertThat(other.index()).isEqualTo(3);
        assertThat(other.pathRegex()).isNull();
        assertThat(other.ageRecipients()).containsExactly("age1catchall");
    }

    @Test
    void pathRegexIsAnUnanchoredSearchOnThePathRelativeToTheConfig() {
        SopsCreationRules rules = SopsCreationRules.parse("""
                creation_rules:
                  - path_regex: ^prod/
                    age: age1prod
                """.getBytes(StandardCharsets.UTF_8), "infra/");
        assertThat(rules.ruleFor("infra/prod/db.yaml")).isPresent();
        assertThat(rules.ruleFor("prod/db.yaml")).isPresent(); // not under infra/: matched as given, as sops does
        assertThat(rules.ruleFor("infra/dev/db.yaml")).isEmpty();
        SopsCreationRules search = parse("creation_rules:\n  - path_regex: secret\n    age: a\n");
        assertThat(search.ruleFor("x/my-secrets/y.yaml")).isPresent();
    }

    @Test
    void keyGroupsReplaceTopLevelKeysAsInSops() {
        SopsCreationRules rules = parse("""
                creation_rules:
                  - age: age1ignored
                    key_groups:
                      - age: [age1a]
                      - age: [age1b]
                """);
        assertThat(rules.rules().get(0).ageRecipients()).containsExactly("age1a", "age1b");
    }

    @Test
    void emptyOrRulelessConfigsHaveNoRule() {
        assertThat(parse("").ruleFor("a.yaml")).isEmpty();
        assertThat(parse("stores:\n  yaml:\n    indent: 2\n").ruleFor("a.yaml")).isEmpty();
    }

    @Test
    void badConfigsFailWithOneLineMessages() {
        assertThatThrownBy(() -> parse("- a\n- b\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".sops.yaml is not a YAML mapping");
        assertThatThrownBy(() -> parse("creation_rules: 3\n")).hasMessageContaining("not a list");
        assertThatThrownBy(() -> parse("creation_rules:\n  - 3\n")).hasMessage(".sops.yaml creation rule 1 is not a mapping");
        assertThatThrownBy(() -> parse("creation_rules:\n  - path_regex: (a\n")).hasMessageContaining("path_regex")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> parse("creation_rules:\n  - age: {a: 1}\n")).hasMessageContaining("age");
        assertThatThrownBy(() -> parse("creation_rules: [\n")).hasMessageStartingWith(".sops.yaml does not parse")
                .hasMessageNotContaining("\n");
    }
}
