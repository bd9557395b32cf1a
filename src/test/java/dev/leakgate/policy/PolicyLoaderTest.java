package dev.leakgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakgate.detect.BuiltinRules;
import dev.leakgate.detect.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {
    private static Policy parse(String yaml) {
        return PolicyLoader.parse(".leakgate.yaml", yaml.getBytes(StandardCharsets.UTF_8), null, null, BuiltinRules.load());
    }

    @Test
    void defaultsServeASopsNixFleet() {
        Policy p = parse("");
        assertThat(p.applies(Kind.ENVELOPE, "secrets/hosts/web.yaml")).isTrue();
        assertThat(p.applies(Kind.INVENTORY, "secrets/hosts/web.yaml")).isFalse();
        assertThat(p.applies(Kind.INVENTORY, ".sops.yaml")).isTrue();
        assertThat(p.applies(Kind.SECRET, "secrets/hosts/web.yaml")).isTrue();
        assertThat(p.applies(Kind.ENVELOPE, "hosts/web/default.nix")).isFalse();
    }

    @Test
    void globsAnchorLikeGitignore() {
        Policy p = parse("allow:\n  paths: ['*.lock', 'docs/', 'vendor/**/*.go']\nsecretsPaths: ['hosts/*/secrets/**']\n");
        assertThat(p.isAllowedPath("a/b/Cargo.lock")).isTrue();
        assertThat(p.isAllowedPath("docs/x/y.md")).isTrue();
        assertThat(p.isAllowedPath("src/docs.md")).isFalse();
        assertThat(p.isAllowedPath("vendor/a/b.go")).isTrue();
        assertThat(p.isSecretsPath("hosts/web/secrets/db.yaml")).isTrue();
        assertThat(p.isSecretsPath("secrets/db.yaml")).isFalse();
    }

    @Test
    void disableRemovesRulesAndUnknownIdsAreErrors() {
        assertThat(parse("disable: [github-pat]").rules()).extracting(r -> r.id()).doesNotContain("github-pat");
        assertThatThrownBy(() -> parse("disable: [no-such-rule]"))
                .isInstanceOf(ConfigException.class).hasMessage(".leakgate.yaml: disable: no rule with id 'no-such-rule'");
    }

    @Test
    void unknownKeysAndBadValuesAreOneLineErrors() {
        assertThatThrownBy(() -> parse("secretPaths: [x]")).hasMessageStartingWith(".leakgate.yaml: unknown key 'secretPaths'")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> parse("allow:\n  path: [x]\n")).hasMessageContaining("unknown key 'path'");
        assertThatThrownBy(() -> parse("allow:\n  regexes: ['(?<!x)']\n")).hasMessageContaining("allow.regexes: does not compile in RE2");
        assertThatThrownBy(() -> parse("allow:\n  fingerprints: [nothex]\n")).hasMessageContaining("allow.fingerprints");
        assertThatThrownBy(() -> parse("rules:\n  - id: mine\n    pattern: '(?<=a)b'\n"))
                .hasMessageContaining("rule mine: pattern does not compile in RE2");
        assertThatThrownBy(() -> parse(": : :\n  - [")).isInstanceOf(ConfigException.class).hasMessageNotContaining("\n");
    }

    @Test
    void extraRulesJoinTheBuiltinOnes() {
        Policy p = parse("rules:\n  - id: internal-token\n    pattern: 'itk_[a-z0-9]{24}'\n    keywords: [itk_]\n");
        assertThat(p.rules()).extracting(r -> r.id()).contains("internal-token", "github-pat");
    }

    @Test
    void anErrorInsideAnExtraRuleNamesTheRule() {
        assertThatThrownBy(() -> parse("rules:\n  - id: mine\n    pattern: x\n    keyword: [x]\n"))
                .hasMessageStartingWith(".leakgate.yaml: rule mine: unknown key 'keyword'");
        assertThatThrownBy(() -> parse("- a\n- b\n")).hasMessageContaining("top level must be a mapping");
    }
}
