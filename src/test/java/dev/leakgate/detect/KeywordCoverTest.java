package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link KeywordCover} must never say a rule's every match holds a keyword when one does not: the
 * detector then searches only around keyword hits and would miss the match.
 */
class KeywordCoverTest {
    private static boolean covers(String pattern, String... keywords) {
        return KeywordCover.everyMatchHoldsOne(pattern, List.of(keywords));
    }

    @Test
    void literalsAlternationsAndOptionalPartsAreSpelledOut() {
        assertThat(covers("(?i)\\btoken\\s*=\\s*(\\w+)", "token")).isTrue();
        assertThat(covers("[Tt]oken=(\\w+)", "token")).isTrue();
        assertThat(covers("sk_(?:live|test)_[0-9a-z]{24}", "sk_live_", "sk_test_")).isTrue();
        assertThat(covers("sk_(?:live|test)_[0-9a-z]{24}", "sk_live_")).as("one branch without").isFalse();
        assertThat(covers("postgres(?:\\+[a-z]+)?://\\S+", "postgres://", "postgres+")).isTrue();
        assertThat(covers("postgres(?:\\+[a-z]+)?://\\S+", "postgres://")).as("the optional part breaks it").isFalse();
        assertThat(covers("tok(?:en)?=\\w+", "token")).as("optional tail").isFalse();
        assertThat(covers("x-[a-z0-9]+-(?:token|key)", "-token")).as("x-foo-key holds none").isFalse();
        assertThat(covers("(?:ab){2,3}c", "abababc")).as("two or three").isFalse();
        assertThat(covers("(?:ab){2,3}c", "abab")).isTrue();
        assertThat(covers("(?:^|[^0-9])([0-9]{5,16}:A[\\w-]{33})", "telegram")).as("context keyword").isFalse();
        assertThat(covers("a+b", "a")).isTrue();
        assertThat(covers("a*b", "a")).isFalse();
        assertThat(covers("(?:x|)token", "token")).isTrue();
    }

    /** Every built-in rule said to hold a keyword in each match does so in every match of its own examples. */
    @Test
    void builtinRulesSaidToHoldAKeywordDoInTheirExamples() {
        List<String> wrong = new ArrayList<>();
        int covered = 0;
        for (Rule rule : BuiltinRules.load()) {
            if (rule.keywords().isEmpty() || !KeywordCover.everyMatchHoldsOne(rule.pattern().source(), rule.keywords())) {
                continue;
            }
            covered++;
            List<String> texts = new ArrayList<>(rule.examples());
            texts.addAll(rule.negativeExamples());
            for (String text : texts) {
                Matcher m = rule.pattern().matcher(text);
                while (m.find()) {
                    String match = asciiLower(m.group());
                    if (rule.keywords().stream().noneMatch(match::contains)) {
                        wrong.add(rule.id());
                    }
                    if (m.end() == m.start()) {
                        break;
                    }
                }
            }
        }
        assertThat(wrong).as("rules whose example matches hold no keyword").isEmpty();
        assertThat(covered).as("rules said to hold a keyword in every match").isGreaterThan(BuiltinRules.load().size() / 2);
    }

    private static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= 'A' && c <= 'Z' ? Character.toLowerCase(c) : c);
        }
        return b.toString();
    }
}
