package dev.leakgate.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipientDriftTest {
    /** sops-nix's published test recipients in its secrets.yaml (public keys, test-only). */
    private static final String NIX_A = "age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw";
    private static final String NIX_B = "age1a8pk4akrdamj7nvqy3zywgtny8dxz7t5xzu7u8v9mhrayp9freqsqatyrs";

    private static EnvelopeResult nixSecrets() throws IOException {
        Path p = Path.of("test-fixtures", "sops", "real", "sops-nix", "pkgs", "sops-install-secrets", "test-assets", "secrets.yaml");
        return EnvelopeValidator.check(p.toString(), Files.readAllBytes(p));
    }

    private static String hash(String s) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d).substring(0, 12);
    }

    @Test
    void fileListsItsRecipients() throws IOException {
        EnvelopeResult r = nixSecrets();
        assertThat(r.ageRecipients()).containsExactly(NIX_A, NIX_B);
        assertThat(r.pgpFingerprints()).containsExactly("7FB89715AADA920D65D25E63F9BA9DEBD03F57C0", "2504791468B153B8A3963CC97BA53D1919C5DFD4");
    }

    @Test
    void matchingRuleHasNoDrift() throws IOException {
        SopsCreationRules.Rule rule = new SopsCreationRules.Rule(1, null, List.of(NIX_B, NIX_A),
                List.of("7fb8 9715 aada 920d 65d2 5e63 f9ba 9deb d03f 57c0", "2504791468B153B8A3963CC97BA53D1919C5DFD4"));
        assertThat(SopsCreationRules.recipientDrift(nixSecrets(), rule)).isEmpty();
    }

    @Test
    void extraAndMissingRecipientsAreNamedOnlyByShortHash() throws Exception {
        String added = "age1newhostnewhostnewhostnewhostnewhostnewhostnewhostnewho";
        SopsCreationRules.Rule rule = new SopsCreationRules.Rule(1, null, List.of(NIX_A, added),
                List.of("7FB89715AADA920D65D25E63F9BA9DEBD03F57C0", "2504791468B153B8A3963CC97BA53D1919C5DFD4"));
        List<EnvelopeProblem> drift = SopsCreationRules.recipientDrift(nixSecrets(), rule);
        assertThat(drift).extracting(EnvelopeProblem::message).containsExactly(
                "encrypted to a recipient the creation rule does not list: " + hash(NIX_B) + " (age)",
                "missing recipient listed by creation rule: " + hash(added) + " (age)");
        assertThat(drift).allSatisfy(p -> {
            assertThat(p.reason()).isEqualTo("sops-recipient-drift");
            assertThat(p.message()).doesNotContain("age1");
            assertThat(p.line()).isNull();
        });
    }

    @Test
    void pgpDriftToo() throws IOException {
        SopsCreationRules.Rule rule = new SopsCreationRules.Rule(1, null, List.of(NIX_A, NIX_B), List.of("7FB89715AADA920D65D25E63F9BA9DEBD03F57C0"));
        assertThat(SopsCreationRules.recipientDrift(nixSecrets(), rule)).singleElement()
                .satisfies(p -> assertThat(p.message()).endsWith("(pgp)").doesNotContain("2504791468B153B8A3963CC97BA53D1919C5DFD4"));
    }

    @Test
    void ruleFromAConfigAgainstAFile() throws IOException {
        SopsCreationRules rules = SopsCreationRules.parse(("creation_rules:\n  - path_regex: test-assets/.*\\.yaml$\n"
                + "    key_groups:\n    - age:\n      - " + NIX_A + "\n").getBytes(StandardCharsets.UTF_8));
        SopsCreationRules.Rule rule = rules.ruleFor("pkgs/sops-install-secrets/test-assets/secrets.yaml").orElseThrow();
        // The rule lists one age recipient and no pgp key: NIX_B and both pgp keys are extra.
        assertThat(SopsCreationRules.recipientDrift(nixSecrets(), rule)).hasSize(3)
                .allSatisfy(p -> assertThat(p.message()).startsWith("encrypted to a recipient the creation rule does not list: "));
    }

    @Test
    void ageFilesHaveNoRecipientList() {
        EnvelopeResult age = EnvelopeValidator.check("a.age", AgeSamples.file(AgeSamples.x25519(), 3));
        assertThat(age.valid()).isTrue();
        assertThat(SopsCreationRules.recipientDrift(age, new SopsCreationRules.Rule(1, null, List.of("age1x"), List.of()))).isEmpty();
    }
}
