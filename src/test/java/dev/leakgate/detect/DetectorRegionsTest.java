package dev.leakgate.detect;

import static dev.leakgate.detect.TestSecrets.alnum;
import static dev.leakgate.detect.TestSecrets.bytes;
import static dev.leakgate.detect.TestSecrets.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorRegionsTest {
    private final Detector detector = new Detector(BuiltinRules.load());

    private static String filler(int n) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < n) {
            sb.append("var a").append(sb.length()).append("=function(e,t){return e+t};");
        }
        return sb.toString();
    }

    @Test
    void secretsDeepInsideVeryLongLinesAreFound() {
        String first = "api_token:\"" + alnum(32) + "\"";
        String second = "password:\"" + alnum(18) + "7\"";
        String content = filler(20_000) + ";var c={" + first + "};" + filler(30_000) + ";var d={" + second + "};" + filler(10_000) + "\n";
        List<Match> matches = detector.scan(bytes(content));
        assertThat(ruleIds(matches)).as("rules on a 60 KB line").containsExactly("generic-api-key", "generic-password");
        assertThat(matches.get(0).secretStart()).as("offset of the first secret").isEqualTo(content.indexOf(first) + 11);
    }

    @Test
    void aMatchStartsOnTheLineOfItsKeywordNotTheLineBefore() {
        String content = "# settings\nSERVICE_API_KEY=" + alnum(40) + "\nnext=1\n";
        List<Match> matches = detector.scan(bytes(content));
        assertThat(ruleIds(matches)).as("rules").containsExactly("generic-api-key");
        ByteText text = new ByteText(bytes(content));
        assertThat(text.lineOf(matches.get(0).start())).as("line of the match start").isEqualTo(2);
        assertThat(text.lineOf(matches.get(0).end() - 1)).as("line of the match end").isEqualTo(2);
    }

    @Test
    void oneValueGivesOneFindingAmongGenericRules() {
        // A query-string token under a token-like key: url-query-secret and generic-api-key both
        // match it; the semi-generic rule stands, the catch-all yields.
        String content = "curl \"https://hooks.internal.test/notify?token=" + alnum(32) + "\"\n";
        assertThat(ruleIds(detector.scan(bytes(content)))).as("rules").containsExactly("url-query-secret");
    }
}
