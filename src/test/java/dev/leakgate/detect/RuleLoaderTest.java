package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RuleLoaderTest {
    private static void load(String yaml) {
        RuleLoader.loadPack("pack.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unknownKeyIsNamed() {
        assertThatThrownBy(() -> load("rules:\n  - id: a\n    pattern: x\n    keyword: [x]\n"))
                .isInstanceOf(RuleException.class).hasMessageContaining("pack.yaml").hasMessageContaining("'keyword'");
    }

    @Test
    void missingIdIsNamed() {
        assertThatThrownBy(() -> load("rules:\n  - pattern: x\n")).hasMessage("pack.yaml: rule #1: missing 'id'");
    }

    @Test
    void patternThatRe2CannotCompileIsNamed() {
        assertThatThrownBy(() -> load("rules:\n  - id: bad\n    pattern: '(?<=x)y'\n"))
                .hasMessageStartingWith("pack.yaml: rule bad: pattern does not compile in RE2");
    }

    @Test
    void unknownValidatorAndKindAreNamed() {
        assertThatThrownBy(() -> load("rules:\n  - id: v\n    pattern: x\n    validator: luhn9\n"))
                .hasMessageContaining("rule v: unknown validator 'luhn9'");
        assertThatThrownBy(() -> load("rules:\n  - id: k\n    pattern: x\n    kind: password\n"))
                .hasMessageContaining("rule k: unknown kind 'password'");
    }

    @Test
    void secretGroupMustExist() {
        assertThatThrownBy(() -> load("rules:\n  - id: g\n    pattern: '(x)'\n    secretGroup: '2'\n"))
                .hasMessageContaining("rule g: secretGroup 2");
    }
}
