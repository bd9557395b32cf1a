package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packed rule set the jar carries against its oracle, the YAML packs compiled as a user
 * config is: the same rules, field for field, examples included (which the packed set decodes
 * only when they are read).
 */
class PackedRulesTest {
    static List<Rule> fromYaml() throws Exception {
        List<Rule> out = new ArrayList<>();
        List<Path> packs;
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            packs = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path p : packs) {
            try (InputStream in = Files.newInputStream(p)) {
                out.addAll(RuleLoader.loadPack("rules/" + p.getFileName(), in));
            }
        }
        return out;
    }

    @Test
    void thePackedSetIsThePacksRuleForRule() throws Exception {
        List<Rule> yaml = fromYaml();
        List<Rule> packed = BuiltinRules.load();
        assertThat(packed).hasSameSizeAs(yaml);
        for (int i = 0; i < yaml.size(); i++) {
            Rule y = yaml.get(i);
            Rule p = packed.get(i);
            assertThat(p.id()).isEqualTo(y.id());
            assertThat(p.pattern().source()).as(y.id()).isEqualTo(y.pattern().source());
            assertThat(p.allow().stream().map(LazyPattern::source).toList()).as(y.id())
                    .isEqualTo(y.allow().stream().map(LazyPattern::source).toList());
            assertThat(List.of(p.kind(), p.description(), p.secretGroup(), p.keywords(), p.entropy(), p.minLength(),
                    String.valueOf(p.validatorName()), p.window(), p.generic(), p.anchored(), p.assignment(), p.origin()))
                    .as(y.id()).isEqualTo(List.of(y.kind(), y.description(), y.secretGroup(), y.keywords(), y.entropy(),
                            y.minLength(), String.valueOf(y.validatorName()), y.window(), y.generic(), y.anchored(),
                            y.assignment(), y.origin()));
            assertThat(p.shape() == null).as(y.id()).isEqualTo(y.shape() == null);
            assertThat(List.copyOf(p.examples())).as(y.id()).isEqualTo(y.examples());
            assertThat(List.copyOf(p.negativeExamples())).as(y.id()).isEqualTo(y.negativeExamples());
        }
    }

    @Test
    void writingAndReadingGiveBackEverySpecField() throws Exception {
        RuleSpec full = new RuleSpec("x-token", "secret", "X token", "x_(?P<secret>[a-z]{8})", "secret", List.of("x_"),
                3.5, 8, "crc32-base62", List.of("^x_0+"), 12, true, true, false, null, null, null,
                List.of("x_abcdefgh", "é ü \u2603 " + "y".repeat(70_000)), List.of("x_"));
        RuleSpec sparse = new RuleSpec("y-token", null, null, null, null, List.of("ya", "yb"), null, null, null, null,
                null, null, null, null, List.of("y_live_"), "hex{32}", 20, null, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackedRuleReader.write(List.of(new PackedRule("rules/a.yaml", full, 1), new PackedRule("rules/b.yaml", sparse, 0)), out);
        List<PackedRule> back = PackedRuleReader.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back).hasSize(2);
        assertThat(back.get(0).origin()).isEqualTo("rules/a.yaml");
        assertThat(back.get(0).secretGroup()).isEqualTo(1);
        assertThat(back.get(1).secretGroup()).isZero();
        RuleSpec f = back.get(0).spec();
        assertThat(new RuleSpec(f.id(), f.kind(), f.description(), f.pattern(), f.secretGroup(), f.keywords(), f.entropy(),
                f.minLength(), f.validator(), f.allow(), f.window(), f.generic(), f.anchored(), f.assignment(), f.prefix(),
                f.body(), f.distance(), List.copyOf(f.examples()), List.copyOf(f.negativeExamples()))).isEqualTo(full);
        RuleSpec s = back.get(1).spec();
        assertThat(new RuleSpec(s.id(), s.kind(), s.description(), s.pattern(), s.secretGroup(), s.keywords(), s.entropy(),
                s.minLength(), s.validator(), s.allow(), s.window(), s.generic(), s.anchored(), s.assignment(), s.prefix(),
                s.body(), s.distance(), null, List.copyOf(s.negativeExamples())))
                .isEqualTo(new RuleSpec("y-token", null, null, null, null, List.of("ya", "yb"), null, null, null, null,
                        null, null, null, null, List.of("y_live_"), "hex{32}", 20, null, List.of()));
        assertThat(s.examples()).isEmpty();
    }

    @Test
    void aTruncatedSetIsAnErrorNotAShorterSet() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackedRuleReader.write(List.of(new PackedRule("rules/a.yaml", new RuleSpec("a", null, null, "a", null, List.of("a"),
                null, null, null, null, null, null, null, null, null, null, null, List.of("a"), List.of()), 0)), out);
        byte[] b = out.toByteArray();
        byte[] cut = java.util.Arrays.copyOf(b, b.length - 3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PackedRuleReader.read(new ByteArrayInputStream(cut)))
                .isInstanceOf(java.io.IOException.class);
    }
}
