package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Matcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The long-tail family: a body shape near a service's name (or behind its own prefix), as one line of data. */
class TokenShapeTest {
    @Test
    void shapesParseToRegexesAndLengths() {
        BodyShape hex = BodyShape.parse("hex-lower{32}");
        assertThat(hex.regex()).isEqualTo("[0-9a-f]{32}");
        assertThat(hex.minLength()).isEqualTo(32);
        assertThat(hex.maxLength()).isEqualTo(32);
        assertThat(hex.allows('a')).isTrue();
        assertThat(hex.allows('g')).isFalse();

        BodyShape parts = BodyShape.parse("alnum-upper{7} '-' alnum-upper{7,9} digits{2,}");
        assertThat(parts.regex()).isEqualTo("[0-9A-Z]{7}\\-[0-9A-Z]{7,9}[0-9]{2,}");
        assertThat(parts.minLength()).isEqualTo(17);
        assertThat(parts.maxLength()).isEqualTo(-1);
        assertThat(parts.allows('-')).isTrue();

        BodyShape extra = BodyShape.parse("alnum+-._{36}");
        assertThat(extra.regex()).isEqualTo("[0-9A-Za-z\\-\\.\\_]{36}");
        assertThat(extra.allows('.')).isTrue();
        assertThat(extra.boundaryClass()).isEqualTo("^\\w\\-\\.");

        BodyShape uuid = BodyShape.parse("uuid");
        assertThat(uuid.minLength()).isEqualTo(36);
        assertThat(com.google.re2j.Pattern.matches(uuid.regex(), "3f1c2b4a-5d6e-7F80-91a2-b3c4d5e6f708")).isTrue();

        BodyShape printable = BodyShape.parse("printable{8}");
        assertThat(printable.allows('"')).isFalse();
        assertThat(printable.allows('\\')).isFalse();
        assertThat(printable.allows('`')).isFalse();
        assertThat(printable.allows('!')).isTrue();
        assertThat(printable.allows('~')).isTrue();
        assertThat(printable.allows('[')).isTrue();
        assertThat(printable.allows(' ')).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hex32", "hex{32", "hexa{32}", "hex{0}", "hex{8,4}", "hex{2}", "hex{2000}", "alnum+{3}",
            "hex{x}", "'unterminated", "alnum+\"{8}", "alnum{600} alnum{600}"})
    void badShapesAreRejectedWithAReason(String shape) {
        assertThatThrownBy(() -> BodyShape.parse(shape)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("null");
    }

    @Test
    void aNamedTokenIsFoundNearItsNameOnlyAsAWholeBody() {
        TokenShape s = TokenShape.of(List.of("acmecloud"), null, "alnum-lower{24}", null);
        String body = "k3v9q2m7x4t8r1p6w5z0n2b8";
        assertThat(find(s, "ACMECLOUD_API_KEY=" + body)).isEqualTo(body);
        assertThat(find(s, "acmecloud:\n  api_key: \"" + body + "\"\n")).as("across a line break").isEqualTo(body);
        assertThat(find(s, "AcmeCloud token " + body + ".")).isEqualTo(body);
        assertThat(find(s, "ACMECLOUD_API_KEY=" + body + "7")).as("one too long").isNull();
        assertThat(find(s, "ACMECLOUD_API_KEY=" + body.substring(1))).as("one too short").isNull();
        assertThat(find(s, "ACMECLOUD_API_KEY=" + body.toUpperCase(Locale.ROOT))).as("outside the set").isNull();
        assertThat(find(s, "ACMECLOUD_API_KEY=x" + body)).as("inside a longer word").isNull();
        assertThat(find(s, "ACMECLOUD_API_KEY_" + body)).as("after a word character").isNull();
        assertThat(find(s, "acmecloud" + " ".repeat(40) + "=" + body)).as("41 characters away").isNull();
        assertThat(find(s, "acmecloud" + " ".repeat(39) + "=" + body)).as("40 characters away").isEqualTo(body);
        assertThat(find(s, "API_KEY=" + body)).as("no name").isNull();
    }

    @Test
    void aPrefixedTokenStandsAlone() {
        TokenShape s = TokenShape.of(null, List.of("acme_live_", "acme_test_"), "alnum{30}", null);
        assertThat(s.keywords()).containsExactly("acme_live_", "acme_test_");
        String token = "acme_test_" + "Zq8Lm2Xr7Tk1Pw9Nc3Hb6Fd0Gs5Ya4";
        assertThat(find(s, "TOKEN=" + token)).isEqualTo(token);
        assertThat(find(s, "xacme_test_Zq8Lm2Xr7Tk1Pw9Nc3Hb6Fd0Gs5Ya4")).isNull();
        assertThat(find(s, "ACME_test_Zq8Lm2Xr7Tk1Pw9Nc3Hb6Fd0Gs5Ya4")).as("the prefix is case-exact").isNull();
    }

    @Test
    void aPrefixAndANameTogether() {
        TokenShape s = TokenShape.of(List.of("acmecloud"), List.of("sk-"), "hex-lower{32}", 20);
        String token = "sk-9f3b1c7e2a6d4f08b5e1c3a7d9f2e4b6";
        assertThat(find(s, "acmecloud: " + token)).isEqualTo(token);
        assertThat(find(s, "openai: " + token)).isNull();
        assertThat(find(s, "acmecloud" + " ".repeat(21) + token)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-", "ab_", ""})
    void aLonePrefixMustBeDistinctive(String prefix) {
        assertThatThrownBy(() -> TokenShape.of(null, prefix.isEmpty() ? null : List.of(prefix), "hex{32}", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEntropyFloorFollowsTheAlphabetAndTheLength() {
        assertThat(TokenShape.of(List.of("x"), null, "hex-lower{32}", null).defaultEntropy()).isEqualTo(2.0);
        assertThat(TokenShape.of(List.of("x"), null, "alnum{40}", null).defaultEntropy()).isCloseTo(2.66, org.assertj.core.data.Offset.offset(0.01));
        assertThat(TokenShape.of(List.of("x"), null, "alnum{128}", null).defaultEntropy()).isCloseTo(2.98, org.assertj.core.data.Offset.offset(0.01));
        assertThat(TokenShape.of(List.of("x"), null, "digits{12}", null).defaultEntropy()).isCloseTo(1.66, org.assertj.core.data.Offset.offset(0.01));
    }

    /**
     * The check before the regex may only save work: wherever the regex matches from a keyword,
     * {@code nearby} says yes. Random texts around the keyword, from the run's seed (replay with
     * -Dleakgate.seed=N).
     */
    @Test
    void nearbyIsANecessaryConditionOfTheRegex() {
        long seed = dev.leakgate.testing.TestSeed.run();
        Random random = dev.leakgate.testing.TestSeed.random("TokenShapeTest#nearbyIsANecessaryConditionOfTheRegex");
        List<TokenShape> shapes = List.of(TokenShape.of(List.of("acme"), null, "alnum-lower{12}", null),
                TokenShape.of(List.of("acme", "acmecloud"), List.of("k_"), "hex{8} '-' hex{4,6}", 10),
                TokenShape.of(List.of("acme"), null, "base64url{10,20}", 1));
        String alphabet = "acme0123456789abcdefXYZ_-.:= \"\n";
        int matches = 0;
        for (int i = 0; i < 20_000; i++) {
            TokenShape s = shapes.get(random.nextInt(shapes.size()));
            StringBuilder text = new StringBuilder("acme");
            int n = random.nextInt(60);
            for (int k = 0; k < n; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] b = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            Matcher m = com.google.re2j.Pattern.compile(s.pattern()).matcher(text);
            if (m.lookingAt()) {
                matches++;
                assertThat(s.nearby(b, 0, b.length)).as("seed %d, text #%d", seed, i).isTrue();
            }
        }
        assertThat(matches).as("regex matches checked (seed %d)", seed).isGreaterThan(100);
    }

    @Test
    void derivedNegativesCoverEachWayTheShapeExcludes() {
        Rule r = RuleLoader.compile("t", 0, spec("acme-api-key", List.of("acme"), null, "alnum-lower{24}",
                List.of("ACME_API_KEY=k3v9q2m7x4t8r1p6w5z0n2b8", "acme:\n  token: 'k3v9q2m7x4t8r1p6w5z0n2b8'\n")));
        Map<String, String> derived = r.shape().negatives(r.examples().get(0), r.pattern());
        assertThat(derived).containsOnlyKeys("one character short", "one character long", "a character outside the set",
                "no service name", "the service name too far", "a placeholder of the same shape");
        assertThat(derived.get("no service name")).isEqualTo("svc_API_KEY=k3v9q2m7x4t8r1p6w5z0n2b8");
        assertThat(derived.get("a placeholder of the same shape")).isEqualTo("ACME_API_KEY=" + "x".repeat(24));
        assertThat(RuleCheck.run(List.of(r))).isEmpty();
    }

    /** The derived negatives can fail: a rule whose regex ignores the name and the length is caught. */
    @Test
    void ruleCheckCatchesARegexLooserThanItsShape() {
        Rule good = RuleLoader.compile("t", 0, spec("acme-api-key", List.of("acme"), null, "alnum-lower{24}",
                List.of("ACME_API_KEY=k3v9q2m7x4t8r1p6w5z0n2b8", "acme:\n  token: 'k3v9q2m7x4t8r1p6w5z0n2b8'\n")));
        Rule loose = new Rule(good.id(), good.kind(), good.description(), new LazyPattern("(?P<secret>[a-z0-9]{20,30})"),
                1, List.of("acme", "svc"), good.entropy(), good.minLength(), null, null, good.allow(), good.window(), false,
                false, false, good.shape(), good.examples(), good.negativeExamples(), good.origin());
        List<String> problems = RuleCheck.run(List.of(loose)).stream().map(RuleCheck.Failure::problem).toList();
        assertThat(problems).contains("example 1 with one character short matches", "example 1 with one character long matches",
                "example 1 with no service name matches", "example 1 with the service name too far matches");
    }

    @Test
    void theLoaderExplainsWhatIsWrong() {
        assertThatThrownBy(() -> RuleLoader.compile("p", 0, spec("a", List.of("acme"), null, "hexa{3}", List.of())))
                .hasMessageContaining("rule a: part 'hexa{3}': unknown character set");
        assertThatThrownBy(() -> RuleLoader.compile("p", 0, new RuleSpec("a", null, null, "x", null, List.of("x"), null, null,
                null, null, null, null, null, null, null, "hex{32}", null, List.of(), List.of())))
                .hasMessageContaining("'pattern' and 'body' exclude each other");
        assertThatThrownBy(() -> RuleLoader.compile("p", 0, new RuleSpec("a", null, null, "x", null, List.of("x"), null, null,
                null, null, null, null, null, null, List.of("sk-"), null, null, List.of(), List.of())))
                .hasMessageContaining("'prefix' and 'distance' go with 'body'");
        assertThatThrownBy(() -> RuleLoader.compile("p", 0, spec("a", null, List.of("sk-"), "hex{32}", List.of())))
                .hasMessageContaining("prefix 'sk-' is too short to stand without keywords");
    }

    @Test
    void aUserRuleMayUseTheCompactForm() {
        Rule r = RuleLoader.compile(".leakgate.yaml", 0, spec("fleet-token", List.of("fleetctl"), List.of("flt_"), "alnum{30}",
                List.of("FLEETCTL_TOKEN=flt_Zq8Lm2Xr7Tk1Pw9Nc3Hb6Fd0Gs5Ya4")));
        assertThat(r.anchored()).isTrue();
        assertThat(r.keywords()).containsExactly("fleetctl");
        assertThat(new Detector(List.of(r)).scan(r.examples().get(0).getBytes(StandardCharsets.UTF_8))).hasSize(1);
    }

    private static RuleSpec spec(String id, List<String> keywords, List<String> prefix, String body, List<String> examples) {
        return new RuleSpec(id, "secret", null, null, null, keywords, null, null, null, null, null, null, null, null, prefix,
                body, null, examples, List.of());
    }

    private static String find(TokenShape s, String text) {
        Matcher m = com.google.re2j.Pattern.compile(s.pattern()).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group("secret"));
        }
        return found.isEmpty() ? null : found.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RunContainerCharRankIterator", "MutableRoaringBitmapSupplier", "MAX_RETRY_COUNT_FOR_REQUESTS",
            "evaluateRangeQueryWithCursor", "HTTPClientConnectionManager", "org.roaringbitmap.RangeBitmap", "read-only-bitmap-view",
            "getXMLHttpRequestFactory", "parseHttpRequestHeaders", "SSLSocketFactoryProvider"})
    void namesInCodeAreNotTokens(String name) {
        TokenShape s = TokenShape.of(List.of("roaring"), null, "base64url{28}", null);
        assertThat(s.readsAsWords(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0en0g4Ipop-SdCp6sMwMznma-uBh", "z9CnTxKlMwCipFVLfAxCJ6Vd3DXG", "qWeRtYuIoPaSdFgHjKlZxCvBnMqW",
            "qmzkvbxwrtplnhgfdsjcyaeiouqm"})
    void tokensAndLetterRunsThatAreNoWordsAreKept(String body) {
        TokenShape s = TokenShape.of(List.of("roaring"), null, "base64url{28}", null);
        assertThat(s.readsAsWords(body)).isFalse();
    }

    /** A letters-only body (no digits in its alphabet) is the service's own shape, never taken for a name. */
    @Test
    void lettersOnlyAlphabetsAreNeverTakenForNames() {
        TokenShape s = TokenShape.of(List.of("acmecloud"), null, "alpha{28}", null);
        assertThat(s.readsAsWords("RunContainerCharRankIterator")).isFalse();
    }

    /** Random bodies of alphanumeric shapes are read as names only by rare chance (seeded). */
    @Test
    void randomBodiesRarelyReadAsWords() {
        Random random = dev.leakgate.testing.TestSeed.random("TokenShapeTest.randomBodiesRarelyReadAsWords");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        TokenShape s = TokenShape.of(List.of("acmecloud"), null, "base64url{16,64}", null);
        int draws = 200_000;
        int words = 0;
        for (int i = 0; i < draws; i++) {
            int n = 16 + random.nextInt(49);
            StringBuilder b = new StringBuilder(n);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            words += s.readsAsWords(b.toString()) ? 1 : 0;
        }
        // About 35 (2 in 10,000, mostly the shortest bodies): the recall given up for names in code.
        // The bound, twice that, fails for a check that takes much more random text for a name.
        assertThat(words).as("random bodies read as words, of %d (seed %d)", draws, dev.leakgate.testing.TestSeed.run())
                .isLessThanOrEqualTo(70);
    }
}
