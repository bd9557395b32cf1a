package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.testing.Tokens;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorTest {
    private static List<Rule> pack(String yaml) {
        return RuleLoader.loadPack("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String GH = """
            rules:
              - id: gh
                pattern: '\\b(ghp_[A-Za-z0-9]{36})\\b'
                secretGroup: '1'
                keywords: [ghp_]
                validator: crc32-base62
            """;

    @Test
    void reportsByteOffsetsOfTheSecret() {
        String pat = Tokens.githubPat();
        String text = "é line one\nexport TOKEN=" + pat + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<Match> m = new Detector(pack(GH)).scan(bytes);
        assertThat(m).hasSize(1);
        int expected = text.indexOf("ghp_") + 1; // 'é' is two bytes in UTF-8
        assertThat(m.get(0).secretStart()).isEqualTo(expected);
        ByteText t = new ByteText(bytes);
        assertThat(t.lineOf(m.get(0).start())).isEqualTo(2);
        assertThat(t.columnOf(m.get(0).secretStart())).isEqualTo("export TOKEN=".length() + 1);
    }

    @Test
    void keywordElsewhereDoesNotMakeARuleMatchOtherLines() {
        // The regex only runs on lines holding a keyword: a token split from its keyword line is not seen,
        // which is the contract rule authors rely on.
        List<Rule> rules = pack("""
                rules:
                  - id: ctx
                    pattern: 'vendorx[^\\n]*?([a-z0-9]{32})'
                    secretGroup: '1'
                    keywords: [vendorx]
                """);
        String v = Tokens.random("abcdefghijklmnopqrstuvwxyz0123456789", 32);
        assertThat(new Detector(rules).scan(("vendorx token " + v).getBytes())).hasSize(1);
        assertThat(new Detector(rules).scan(("vendorx\n" + v).getBytes())).isEmpty();
    }

    @Test
    void windowLetsAMultiLinePatternReachPastItsKeywordLine() {
        List<Rule> rules = pack("""
                rules:
                  - id: block
                    pattern: 'BEGIN X\\n(?P<secret>[A-Za-z0-9]{20,})\\nEND X'
                    keywords: [begin x]
                    window: 1024
                """);
        String body = Tokens.random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40);
        List<Match> m = new Detector(rules).scan(("a\nBEGIN X\n" + body + "\nEND X\n").getBytes());
        assertThat(m).hasSize(1);
        assertThat(m.get(0).start()).isEqualTo(2);
    }

    @Test
    void checksumEntropyAllowAndPlaceholderFiltersDropCandidates() {
        String pat = Tokens.githubPat();
        String bad = pat.substring(0, pat.length() - 1) + (pat.endsWith("A") ? "B" : "A");
        assertThat(new Detector(pack(GH)).scan(("t=" + bad).getBytes())).isEmpty();

        List<Rule> rules = pack("""
                rules:
                  - id: pw
                    pattern: 'password=(\\S+)'
                    secretGroup: '1'
                    keywords: [password]
                    entropy: 3.0
                    allow: ['^hunter']
                """);
        Detector d = new Detector(rules);
        assertThat(d.scan("password=aaaaaaaaaaab".getBytes())).as("low entropy").isEmpty();
        assertThat(d.scan("password=hunter2Zq9x".getBytes())).as("allowed").isEmpty();
        assertThat(d.scan("password=${DB_PASS}".getBytes())).as("placeholder").isEmpty();
        assertThat(d.scan(("password=" + Tokens.password()).getBytes())).hasSize(1);
    }

    @Test
    void genericMatchIsDroppedWhenASpecificRuleFoundTheSameSecret() {
        List<Rule> rules = new java.util.ArrayList<>(pack(GH));
        rules.addAll(pack("""
                rules:
                  - id: generic
                    generic: true
                    pattern: 'token\\s*=\\s*(\\S+)'
                    secretGroup: '1'
                    keywords: [token]
                """));
        List<Match> m = new Detector(rules).scan(("token = " + Tokens.githubPat()).getBytes());
        assertThat(m).extracting(x -> x.rule().id()).containsExactly("gh");
        assertThat(new Detector(rules).scan(("token = " + Tokens.password()).getBytes()))
                .extracting(x -> x.rule().id()).containsExactly("generic");
    }

    @Test
    void hostileInputStaysLinear() {
        List<Rule> rules = pack("""
                rules:
                  - id: evil
                    pattern: '(a+)+b'
                    keywords: [a]
                """);
        byte[] text = "a".repeat(200_000).getBytes();
        long t0 = System.nanoTime();
        assertThat(new Detector(rules).scan(text)).isEmpty();
        // RE2 has no backtracking: a catastrophic pattern for java.util.regex finishes at once here.
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void anchoredRuleMatchesOnlyWhereAKeywordStarts() {
        List<Rule> rules = pack("""
                rules:
                  - id: anch
                    anchored: true
                    pattern: '(?i)(?:secret|token)\\w{0,10}\\s*=\\s*(?P<secret>[A-Za-z0-9]{16,})'
                    keywords: [secret, token]
                """);
        String v = Tokens.password();
        List<Match> m = new Detector(rules).scan(("x = 1; MY_SECRET_VALUE = " + v + "\n").getBytes());
        assertThat(m).hasSize(1);
        assertThat(m.get(0).start()).isEqualTo("x = 1; MY_".length());
        // A match that would have to start before the keyword is not found by an anchored rule.
        assertThat(new Detector(rules).scan(("= " + v + " secret").getBytes())).isEmpty();
    }

    @Test
    void assignmentRuleTriesItsRegexOnlyWhereTheNameIsAssigned() {
        List<Rule> rules = pack("""
                rules:
                  - id: assign
                    assignment: true
                    pattern: '(?i)token\\w*\\W{1,4}(?P<secret>[A-Za-z0-9]{16,})'
                    keywords: [token]
                """);
        String v = Tokens.password();
        assertThat(rules.get(0).anchored()).as("assignment implies anchored").isTrue();
        assertThat(new Detector(rules).scan(("api_token = \"" + v + "\"\n").getBytes())).hasSize(1);
        assertThat(new Detector(rules).scan(("api_token: " + v + "\n").getBytes())).hasSize(1);
        // The pattern alone would match these; the assignment shape is missing, so the regex never runs.
        assertThat(new Detector(rules).scan(("getToken(\"" + v + "\")\n").getBytes())).isEmpty();
        assertThat(new Detector(rules).scan(("check(token, \"" + v + "\")\n").getBytes())).isEmpty();
    }

    @Test
    void anchoredKeywordStartingWithANewlineMarksALineStart() {
        List<Rule> rules = pack("""
                rules:
                  - id: line
                    anchored: true
                    pattern: '(?m)^pin=(?P<secret>[A-Za-z0-9]{16,})'
                    keywords: ["\\npin="]
                """);
        String v = Tokens.password();
        List<Match> m = new Detector(rules).scan(("a = 1\npin=" + v + "\n").getBytes());
        assertThat(m).hasSize(1);
        assertThat(m.get(0).start()).as("starts after the newline, on the keyword's line").isEqualTo("a = 1\n".length());
        assertThat(new Detector(rules).scan(("pin=" + v + "\n").getBytes())).as("at the very start").hasSize(1);
        assertThat(new Detector(rules).scan(("a = 1 pin=" + v + "\n").getBytes())).as("not at a line start").isEmpty();
    }
}
