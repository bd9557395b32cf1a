package dev.leakgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakgate.detect.BuiltinRules;
import dev.leakgate.detect.Kind;
import dev.leakgate.detect.Rule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyLoaderTest {
    private static final List<Rule> BUILTIN = BuiltinRules.load();

    private static Policy parse(String yaml) {
        return PolicyLoader.parse(".leakgate.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("/repo"), null, BUILTIN);
    }

    private static String error(String yaml) {
        try {
            parse(yaml);
        } catch (ConfigException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("config accepted: " + yaml);
    }

    @Test
    void noConfigServesASopsNixFleet() {
        Policy p = parse("");
        assertThat(p.isSecretsPath("secrets/web01.yaml")).isTrue();
        assertThat(p.isSecretsPath("secrets/hosts/web01/wg.age")).isTrue();
        assertThat(p.isSecretsPath("hosts/web01/default.nix")).isFalse();
        assertThat(p.applies(Kind.INVENTORY, "secrets/web01.yaml")).isFalse();
        assertThat(p.applies(Kind.INVENTORY, ".sops.yaml")).isTrue();
        assertThat(p.applies(Kind.SECRET, "secrets/web01.yaml")).isTrue();
        assertThat(p.applies(Kind.ENVELOPE, "hosts/web01/default.nix")).isFalse();
        assertThat(p.rules()).hasSameSizeAs(BUILTIN);
        assertThat(p.sopsConfig()).isNull();
    }

    @Test
    void everyKeyIsRead() {
        Policy p = parse("""
                secretsPaths: ["hosts/*/secrets/**", "*.age"]
                publicSurface: ["hosts/**", "modules/**"]
                sopsConfig: ../shared/.sops.yaml
                disable: [wifi-psk]
                allow:
                  paths: ["docs/**"]
                  regexes: ['^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOJd']
                  fingerprints: ["0123456789abcdef0123456789abcdef"]
                rules:
                  - id: fleet-host-token
                    kind: secret
                    pattern: '\\b(fht_[A-Za-z0-9]{32})\\b'
                    keywords: [fht_]
                    examples: ['fht_Zk81Pq3Lr0Tx9Vm2Wn7Bc4Hd8s6J1aYe']
                """);
        assertThat(p.isSecretsPath("hosts/web01/secrets/db.yaml")).isTrue();
        assertThat(p.isSecretsPath("backup/root.age")).isTrue();
        assertThat(p.isSecretsPath("secrets/db.yaml")).isFalse();
        assertThat(p.isPublicSurface("hosts/web01/default.nix")).isTrue();
        assertThat(p.isPublicSurface("flake.nix")).isFalse();
        assertThat(p.isPublicSurface("hosts/web01/secrets/db.yaml")).isFalse();
        assertThat(p.sopsConfig()).isEqualTo(Path.of("/repo/../shared/.sops.yaml"));
        assertThat(p.rules()).extracting(Rule::id).doesNotContain("wifi-psk").contains("fleet-host-token");
        assertThat(p.isAllowedPath("docs/fleet.md")).isTrue();
        assertThat(p.isAllowedFingerprint("0123456789abcdef0123456789abcdef")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level key       | secretPaths: [secrets/**]                      | unknown key 'secretPaths'
            list expected               | secretsPaths: secrets/**                       | secretsPaths: expected a list of globs, got a string
            null list                   | 'publicSurface:'                               | publicSurface: expected a list of globs, got nothing
            item must be a string       | 'disable: [wifi-psk, 3]'                       | disable[2]: expected a non-empty string, got a number
            disable unknown rule        | disable: [no-such-rule]                        | disable: no rule with id 'no-such-rule'
            allow must be a mapping     | allow: [docs/**]                               | allow: expected a mapping
            unknown allow key           | 'allow: {path: [docs/**]}'                     | allow: unknown key 'path'
            bad allow regex             | 'allow: {regexes: [''(unclosed'']}'            | allow.regexes: does not compile in RE2 (item 1)
            bad fingerprint             | 'allow: {fingerprints: [abc]}'                 | allow.fingerprints: each must be 32 lower-case hex
            bad glob                    | 'secretsPaths: [''secrets/[x'']'               | secretsPaths: bad glob 'secrets/[x'
            sopsConfig is a path        | 'sopsConfig: [a, b]'                           | sopsConfig: expected a file path, got a list
            baseline is a path          | 'baseline: 3'                                  | baseline: expected a file path, got a number
            rules must be a list        | 'rules: {id: x}'                               | rules: expected a list of rules, got a mapping
            not a mapping               | '[a, b]'                                       | the top level must be a mapping of keys
            duplicate key               | 'disable: []\\ndisable: []'                     | duplicate key 'disable'
            """)
    void aWrongConfigIsOneLineNamingTheKey(String name, String yaml, String expected) {
        assertThat(error(yaml.replace("\\n", "\n"))).startsWith(".leakgate.yaml: ").contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown rule key      | '{id: my-rule, pattern: x, keyword: [x]}'                 | rule my-rule: unknown key 'keyword'
            wrong rule key type   | '{id: my-rule, pattern: x, entropy: high}'                | rule my-rule: 'entropy': expected a number
            keywords not a list   | '{id: my-rule, pattern: x, keywords: x}'                  | rule my-rule: 'keywords': expected a list of strings
            bad rule pattern      | '{id: my-rule, pattern: ''(?<=x)y''}'                     | rule my-rule: pattern does not compile in RE2
            bad rule kind         | '{id: my-rule, kind: secrets, pattern: x}'                | rule my-rule: unknown kind 'secrets'
            reserved kind         | '{id: my-rule, kind: envelope, pattern: x}'               | rule my-rule: kind 'envelope' is reserved
            missing id            | '{pattern: x}'                                            | rule #1: missing 'id'
            clashes with builtin  | '{id: age-recipient, pattern: x}'                         | rule age-recipient: id already used by a built-in rule
            unknown validator     | '{id: my-rule, pattern: x, validator: luhn}'              | rule my-rule: unknown validator 'luhn'
            """)
    void aWrongRuleNamesTheRule(String name, String rule, String expected) {
        assertThat(error("rules:\n  - " + rule + "\n")).contains(expected);
    }

    @Test
    void twoConfigRulesCannotShareAnId() {
        assertThat(error("rules:\n  - {id: a-rule, pattern: x}\n  - {id: a-rule, pattern: y}\n"))
                .contains("rule a-rule: id already used by another rule");
    }

    @Test
    void aMissingConfigFileIsAConfigError() {
        assertThatThrownBy(() -> PolicyLoader.load(Path.of("/nonexistent/.leakgate.yaml"), null, null, BUILTIN))
                .isInstanceOf(ConfigException.class).hasMessageContaining("config file not found");
    }

    // The core issue's policy tests, kept as written.
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

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            **/secrets/**        | secrets/wg.yaml             | true
            **/secrets/**        | hosts/web/secrets/wg.yaml   | true
            **/secrets/**        | secrets.yaml                | false
            secrets/**           | secrets/a/b.age             | true
            secrets/**           | hosts/secrets/a.age         | false
            secrets/             | secrets/wg.yaml             | true
            secrets/             | hosts/secrets/wg.yaml       | true
            secrets              | hosts/secrets/wg.yaml       | true
            secrets              | secretsfile                 | false
            /secrets/*.age       | secrets/a.age               | true
            /secrets/*.age       | secrets/x/a.age             | false
            ./secrets/**         | secrets/wg.yaml             | true
            ./secrets/**         | a/secrets/wg.yaml           | false
            hosts/*/secrets/**   | hosts/web01/secrets/k.yaml  | true
            hosts/*/secrets/**   | hosts/a/b/secrets/k.yaml    | false
            hosts/**/secrets/**  | hosts/a/b/secrets/k.yaml    | true
            *.lock               | a/b/Cargo.lock              | true
            *.lock               | flake.lock.nix              | false
            docs/*.md            | docs/a/b.md                 | false
            **                   | anything/at/all             | true
            'secrets/** '        | secrets/wg.yaml             | true
            """)
    void globsAreGitignorePatterns(String glob, String path, boolean matches) {
        assertThat(parse("secretsPaths: ['" + glob + "']").isSecretsPath(path)).isEqualTo(matches);
    }

    @Test
    void theLastMatchingGlobDecidesAndBangTakesOut() {
        Policy p = parse("secretsPaths: ['secrets/**', '!secrets/secrets.nix']\nallow: {paths: ['docs/**', '!docs/prod.env']}\n");
        assertThat(p.isSecretsPath("secrets/wg.age")).isTrue();
        assertThat(p.isSecretsPath("secrets/secrets.nix")).isFalse();
        assertThat(p.isPublicSurface("secrets/secrets.nix")).isTrue();
        assertThat(p.isAllowedPath("docs/example.env")).isTrue();
        assertThat(p.isAllowedPath("docs/prod.env")).isFalse();
        assertThat(parse("secretsPaths: ['!secrets/x', 'secrets/**']").isSecretsPath("secrets/x")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a comment            | '#secrets'
            a bare bang          | '!'
            a parent folder      | '../secrets/**'
            a dot segment        | 'secrets/./x'
            windows separators   | 'secrets\\db.yaml'
            java braces          | 'secrets/*.{yaml,json}'
            unclosed class       | 'secrets/[x'
            """)
    void aGlobThatCannotMatchWhatItSaysIsRefused(String name, String glob) {
        assertThat(error("secretsPaths: ['" + glob + "']")).contains("secretsPaths: bad glob");
    }

    @Test
    void aYamlAliasIsRefusedNotReadAsItsName() {
        String yaml = "x-main: &main 'secrets/**'\nsecretsPaths: [*main]\n";
        assertThat(error(yaml)).contains("aliases are not supported").contains("line 2");
        assertThat(error("base: &b {paths: ['docs/**']}\nallow:\n  <<: *b\n")).contains("aliases are not supported");
    }

    @Test
    void aSecondYamlDocumentIsRefusedNotIgnored() {
        assertThat(error("secretsPaths: ['secrets/**']\n---\nallow: {paths: ['**']}\n")).contains("more than one YAML document (line 3)");
        assertThat(parse("---\nsecretsPaths: ['vault/**']\n").isSecretsPath("vault/a.yaml")).isTrue();
        assertThat(parse("# only a comment\n").isSecretsPath("secrets/a.yaml")).isTrue();
        assertThat(parse("secretsPaths: ['vault/**']\n---\n").isSecretsPath("vault/a.yaml")).isTrue();
        assertThat(error("---\n---\nsecretsPaths: ['vault/**']\n")).contains("more than one YAML document");
    }

    @Test
    void aConfigThatIsNotUtf8IsOneLine() {
        byte[] yaml = "secretsPaths: ['secrets/**']\ndisable: [caf\u00e9]\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> PolicyLoader.parse(".leakgate.yaml", yaml, Path.of("/repo"), null, BUILTIN))
                .isInstanceOf(ConfigException.class).hasMessage(".leakgate.yaml: not valid UTF-8 (line 2): save the config as UTF-8");
    }

    @Test
    void disableRemovesRulesAndUnknownIdsAreErrors() {
        assertThat(parse("disable: [github-pat]").rules()).extracting(r -> r.id()).doesNotContain("github-pat");
        assertThatThrownBy(() -> parse("disable: [no-such-rule]"))
                .isInstanceOf(ConfigException.class).hasMessage(".leakgate.yaml: disable: no rule with id 'no-such-rule'");
    }

    @Test
    void unknownKeysAndBadValuesAreOneLineErrorsCore() {
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
