package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywordAutomatonTest {
    private static List<String> hits(KeywordAutomaton a, String text) {
        List<String> out = new ArrayList<>();
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        a.scan(b, b.length, (kw, end) -> out.add(a.keywords().get(kw) + "@" + end));
        return out;
    }

    @Test
    void findsOverlappingKeywordsCaseInsensitively() {
        KeywordAutomaton a = new KeywordAutomaton(List.of("he", "she", "hers", "his"));
        assertThat(hits(a, "uSHErs")).containsExactlyInAnyOrder("she@4", "he@4", "hers@6");
    }

    @Test
    void reportsNothingWithoutKeywords() {
        KeywordAutomaton a = new KeywordAutomaton(List.of("ghp_", "akia"));
        assertThat(hits(a, "nothing to see here, gh p_ ak ia")).isEmpty();
    }

    @Test
    void agreesWithNaiveSearchOnRandomText() {
        List<String> kws = List.of("ab", "bab", "aab", "b_c", "ca", "abcab");
        KeywordAutomaton a = new KeywordAutomaton(kws);
        Random r = new Random(7);
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 60; i++) {
                sb.append("abcAB_x".charAt(r.nextInt(7)));
            }
            String text = sb.toString();
            List<String> expected = new ArrayList<>();
            String lower = text.toLowerCase();
            for (String k : kws) {
                for (int i = lower.indexOf(k); i >= 0; i = lower.indexOf(k, i + 1)) {
                    expected.add(k + "@" + (i + k.length()));
                }
            }
            assertThat(hits(a, text)).as("round %d", round).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void contentStartsAsIfAfterANewline() {
        KeywordAutomaton a = new KeywordAutomaton(List.of("\nsk-", "=sk-"));
        assertThat(hits(a, "sk-abc")).containsExactly("\nsk-@3");
        assertThat(hits(a, "x=sk-abc\nsk-d")).containsExactly("=sk-@5", "\nsk-@12");
        assertThat(hits(a, "xsk-abc")).isEmpty();
    }

    @Test
    void longContentWalkedInTwoHalvesReportsEveryHitOnceInOrder() {
        List<String> kws = List.of("ab", "bab", "aab", "b_c", "ca", "abcab", "\nab", "cabcabcabca");
        KeywordAutomaton a = new KeywordAutomaton(kws);
        Random r = new Random(11);
        for (int round = 0; round < 20; round++) {
            StringBuilder sb = new StringBuilder();
            int n = 4096 + r.nextInt(20_000);
            for (int i = 0; i < n; i++) {
                sb.append("abcAB_x\n".charAt(r.nextInt(8)));
            }
            String text = sb.toString();
            List<String> expected = new ArrayList<>();
            String lower = "\n" + text.toLowerCase(); // the automaton reads as if a newline came first
            for (String k : kws) {
                for (int i = lower.indexOf(k); i >= 0; i = lower.indexOf(k, i + 1)) {
                    expected.add(k + "@" + (i + k.length() - 1));
                }
            }
            List<String> got = hits(a, text);
            assertThat(got).as("round %d", round).containsExactlyInAnyOrderElementsOf(expected);
            List<Integer> ends = got.stream().map(h -> Integer.parseInt(h.substring(h.lastIndexOf('@') + 1))).toList();
            assertThat(ends).as("ascending offsets, round %d", round).isSorted();
        }
    }

    /**
     * A keyword set the size of the built-in one and more (deep states, a table past the caches)
     * against a naive search, on random text from the run's seed (replay with -Dleakgate.seed=N).
     */
    @Test
    void aLargeKeywordSetAgreesWithNaiveSearch() {
        Random r = dev.leakgate.testing.TestSeed.random("KeywordAutomatonTest#aLargeKeywordSetAgreesWithNaiveSearch");
        String alphabet = "abcdefgh_-.0";
        java.util.Set<String> set = new java.util.LinkedHashSet<>();
        while (set.size() < 2500) {
            StringBuilder k = new StringBuilder();
            for (int i = 2 + r.nextInt(10); i > 0; i--) {
                k.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            set.add(k.toString());
        }
        List<String> kws = new ArrayList<>(set);
        KeywordAutomaton a = new KeywordAutomaton(kws);
        for (int round = 0; round < 5; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 4000; i++) {
                sb.append((alphabet + "ABC \n").charAt(r.nextInt(alphabet.length() + 5)));
            }
            String text = sb.toString();
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            List<String> expected = new ArrayList<>();
            for (String k : kws) {
                for (int i = lower.indexOf(k); i >= 0; i = lower.indexOf(k, i + 1)) {
                    expected.add(k + "@" + (i + k.length()));
                }
            }
            assertThat(hits(a, text)).as("round %d", round).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void aKeywordSetBeyondTheTableIsAClearError() {
        List<String> kws = new ArrayList<>();
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 5000; i++) {
            StringBuilder k = new StringBuilder();
            for (int j = 0; j < 10; j++) {
                k.append((char) ('a' + r.nextInt(26)));
            }
            kws.add(k.toString()); // about 8 new states each: 40,000 in all
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KeywordAutomaton(kws))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 32767");
    }
}
