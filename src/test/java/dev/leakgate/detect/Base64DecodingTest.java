package dev.leakgate.detect;

import static dev.leakgate.detect.TestSecrets.alnum;
import static dev.leakgate.detect.TestSecrets.b64;
import static dev.leakgate.detect.TestSecrets.bytes;
import static dev.leakgate.detect.TestSecrets.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class Base64DecodingTest {
    private final Detector detector = new Detector(BuiltinRules.load());

    private static String dbUrl() {
        return "DATABASE_URL=postgres://app:" + alnum(20) + "@db.internal:5432/app\n";
    }

    @Test
    void aSecretInsideBase64IsFoundAtTheEncodedRun() {
        String encoded = b64(dbUrl());
        String content = "apiVersion: v1\nkind: Secret\ndata:\n  env: " + encoded + "\n";
        List<Match> matches = detector.scan(bytes(content));

        assertThat(ruleIds(matches)).as("rules").containsExactly("postgres-uri-password");
        Match m = matches.get(0);
        int runStart = content.indexOf(encoded);
        assertThat(m.decoded()).as("decoded flag").isTrue();
        assertThat(m.start()).as("start = start of the encoded run").isEqualTo(runStart);
        assertThat(m.end()).as("end = end of the encoded run").isEqualTo(runStart + encoded.length());
    }

    @Test
    void decodedAndPlainSecretShareAFingerprintValue() {
        String plain = dbUrl();
        List<Match> direct = detector.scan(bytes(plain));
        List<Match> viaBase64 = detector.scan(bytes("value: " + b64(plain) + "\n"));
        assertThat(direct.size()).as("direct matches").isEqualTo(1);
        assertThat(viaBase64.size()).as("decoded matches").isEqualTo(1);
        assertThat(viaBase64.get(0).secret().equals(direct.get(0).secret())).as("same secret value").isTrue();
    }

    @Test
    void decodingHappensOnceNotRecursively() {
        String twice = b64(b64(dbUrl()));
        assertThat(detector.scan(bytes("blob: " + twice + "\n")).size()).as("matches in doubly encoded text").isZero();
    }

    @Test
    void binaryAndShortRunsAreNotScanned() {
        String binary = Base64.getEncoder().encodeToString(TestSecrets.randomBytes(300));
        String shortRun = b64("pw:" + alnum(12)); // 20 chars: below the minimum run
        assertThat(detector.scan(bytes("a: " + binary + "\nb: " + shortRun + "\n")).size()).as("matches").isZero();
    }

    @Test
    void aRunAlreadyCoveredByADirectMatchIsNotReportedTwice() {
        // Base64 of a PEM private key: the specific direct rule speaks for it; the decoded PEM
        // (which pem-ec-private-key would match) must not add a second finding for the same run.
        String pem = "-----BEGIN EC PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(TestSecrets.randomBytes(121))
                + "\n-----END EC PRIVATE KEY-----\n";
        List<Match> matches = detector.scan(bytes("client-key-data: " + b64(pem) + "\n"));
        assertThat(ruleIds(matches)).as("rules").containsExactly("pem-private-key-base64");
        assertThat(matches.get(0).decoded()).as("decoded flag of the direct match").isFalse();
    }

    @Test
    void wrappedBase64IsDecodedAsOneRun() {
        // A secret that straddles a line break of 76-column base64 is only visible once the lines are joined.
        String text = "# generated config, do not edit\n".repeat(2) + dbUrl();
        String wrapped = Base64.getMimeEncoder(76, "\n".getBytes()).encodeToString(bytes(text));
        assertThat(wrapped.lines().count()).as("wrapped lines").isGreaterThan(1);
        String content = "payload: |\n  " + wrapped.replace("\n", "\n  ") + "\n";
        List<Match> matches = detector.scan(bytes(content));
        assertThat(ruleIds(matches)).as("rules").containsExactly("postgres-uri-password");
        assertThat(matches.get(0).start()).as("start at the first wrapped line").isEqualTo(content.indexOf(wrapped.substring(0, 8)));
    }

    @Test
    void decodingStopsAtTheBudget() {
        StringBuilder content = new StringBuilder();
        String filler = b64("just some harmless printable text, repeated to use up the decoding budget. ".repeat(20));
        while (content.length() < Base64Runs.MAX_DECODED * 4 / 3 + 4096) {
            content.append("x: ").append(filler).append('\n');
        }
        content.append("y: ").append(b64(dbUrl())).append('\n');
        assertThat(detector.scan(bytes(content.toString())).size()).as("matches after the budget").isZero();
        // The same run on its own is found: the budget, not the run, is what stopped it.
        assertThat(detector.scan(bytes("y: " + b64(dbUrl()) + "\n")).size()).as("matches without filler").isEqualTo(1);
    }

    @Test
    void hexAndSingleCaseRunsAreNotDecoded() {
        assertThat(decodedRuns("id: 3f786850e387550fdab836ed7e6dc881de23001b\n")).as("hex").isZero();
        assertThat(decodedRuns("name: somelongsnakecaseidentifiernamehereandmore\n")).as("lower case").isZero();
        assertThat(decodedRuns("v: " + b64(dbUrl()) + "\n")).as("base64 of text").isEqualTo(1);
    }

    private static int decodedRuns(String content) {
        int[] n = {0};
        byte[] b = bytes(content);
        Base64Runs.forEachDecoded(b, b.length, (start, end, decoded) -> n[0]++);
        return n[0];
    }
}
