package dev.leakgate.envelope;

import static dev.leakgate.envelope.SopsSamples.RECIPIENT;
import static dev.leakgate.envelope.SopsSamples.ageEnc;
import static dev.leakgate.envelope.SopsSamples.checkYaml;
import static dev.leakgate.envelope.SopsSamples.enc;
import static dev.leakgate.envelope.SopsSamples.indent;
import static dev.leakgate.envelope.SopsSamples.str;
import static dev.leakgate.envelope.SopsSamples.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SopsMetadataTest {
    private static final String DATA = "a: " + SopsSamples.str() + "\n";

    private static List<String> reasons(String text) {
        return checkYaml(text).problems().stream().map(EnvelopeProblem::reason).toList();
    }

    @Test
    void sampleIsValidAndListsItsRecipient() {
        EnvelopeResult r = checkYaml(yaml(DATA, ""));
        assertThat(r.problems()).isEmpty();
        assertThat(r.format()).isEqualTo(EnvelopeFormat.SOPS_YAML);
        assertThat(r.ageRecipients()).containsExactly(RECIPIENT);
    }

    @Test
    void macMustBeAStrEncOf128Bytes() {
        String good = yaml(DATA, "");
        assertThat(reasons(good.replace(enc(128, "str"), enc(64, "str")))).containsExactly("enc-malformed");
        assertThat(reasons(good.replace(enc(128, "str"), enc(128, "int")))).containsExactly("enc-bad-type");
        assertThat(reasons(good.replace(enc(128, "str"), "\"\""))).containsExactly("missing-mac");
        // What is missing is reported at the start of the sops block.
        assertThat(checkYaml(good.replace(enc(128, "str"), "\"\"")).problems().get(0).line()).isEqualTo(2);
        assertThat(reasons(good.replace(enc(128, "str"), "12345"))).containsExactly("mac-not-encrypted");
    }

    @Test
    void lastModifiedIsRfc3339() {
        assertThat(SopsMetadata.isRfc3339("2025-08-06T18:55:05Z")).isTrue();
        assertThat(SopsMetadata.isRfc3339("2025-08-06T18:55:05.123+02:00")).isTrue();
        assertThat(SopsMetadata.isRfc3339("2025-08-06 18:55:05Z")).isFalse();
        assertThat(SopsMetadata.isRfc3339("2025-13-06T18:55:05Z")).isFalse();
        assertThat(SopsMetadata.isRfc3339("2025-08-06T18:55:05")).isFalse();
        // Unquoted, YAML would read it as a timestamp; the raw text is what counts.
        String unquoted = yaml(DATA, "").replace("\"2026-06-01T12:00:00Z\"", "2026-06-01T12:00:00Z");
        assertThat(reasons(unquoted)).isEmpty();
    }

    @Test
    void ageEncMustCarryTheDataKey() {
        String good = yaml(DATA, "");
        String wrongSize = good.replace(indent(ageEnc(32), "            "), indent(ageEnc(40), "            "));
        assertThat(checkYaml(wrongSize).problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("bad-age-enc");
            assertThat(p.message()).isEqualTo("age entry 1 enc carries 40 bytes; expected 32 (the data key)");
        });
        String notArmored = good.replace(indent(ageEnc(32), "            "), "            not age\n");
        assertThat(reasons(notArmored)).containsExactly("bad-age-enc");
    }

    @Test
    void keyGroupsWithShamirCarrySharesAndListRecipients() {
        String groups = "a: " + str() + "\n"
                + "sops:\n"
                + "    key_groups:\n"
                + "        - age:\n"
                + "            - recipient: age1one\n"
                + "              enc: |\n" + indent(ageEnc(33), "                ")
                + "        - pgp:\n"
                + "            - fp: ABCDEF0123456789\n"
                + "              enc: |\n" + indent("-----BEGIN PGP MESSAGE-----\n\nwcBMA\n-----END PGP MESSAGE-----", "                ")
                + "    shamir_threshold: 2\n"
                + "    lastmodified: \"2026-06-01T12:00:00Z\"\n"
                + "    mac: " + enc(128, "str") + "\n"
                + "    version: 3.10.2\n";
        EnvelopeResult r = checkYaml(groups);
        assertThat(r.problems()).isEmpty();
        assertThat(r.ageRecipients()).containsExactly("age1one");
        assertThat(r.pgpFingerprints()).containsExactly("ABCDEF0123456789");
        // With two groups each age enc is a 33-byte share, so a 32-byte payload is wrong.
        assertThat(reasons(groups.replace(indent(ageEnc(33), "                "), indent(ageEnc(32), "                "))))
                .containsExactly("bad-age-enc");
    }

    @Test
    void pgpEncMustBeAPgpMessageAndOtherSourcesNeedEnc() {
        String pgp = DATA + "sops:\n    pgp:\n        - fp: AB\n          enc: not a message\n"
                + "    kms:\n        - arn: arn:aws:kms:x\n          enc: \"\"\n"
                + "    lastmodified: \"2026-06-01T12:00:00Z\"\n    mac: " + enc(128, "str") + "\n    version: 3.10.2\n";
        assertThat(reasons(pgp)).containsExactlyInAnyOrder("bad-pgp-enc", "bad-key-source");
    }

    @Test
    void emptyKeySourceListsDoNotCount() {
        String none = DATA + "sops:\n    kms: []\n    age: []\n    pgp: null\n"
                + "    lastmodified: \"2026-06-01T12:00:00Z\"\n    mac: " + enc(128, "str") + "\n    version: 3.10.2\n";
        assertThat(reasons(none)).containsExactly("no-key-sources");
    }

    @Test
    void selectionRuleProblems() {
        assertThat(reasons(yaml(DATA, "    encrypted_regex: (unclosed\n"))).containsExactly("bad-selection-rule");
        assertThat(reasons(yaml(DATA, "    encrypted_suffix: _secret\n    unencrypted_regex: ^x$\n"))).containsExactly("conflicting-rules");
        assertThat(reasons(yaml(DATA, "    encrypted_suffix: \"\"\n"))).isEmpty(); // empty means absent
    }

    @Test
    void sopsBlockThatIsNotAMappingIsNoMetadata() {
        EnvelopeResult r = checkYaml("a: 1\nsops: yes\n");
        assertThat(r.format()).isEqualTo(EnvelopeFormat.NONE);
        assertThat(r.problems()).extracting(EnvelopeProblem::reason).containsExactly("missing-metadata");
    }
}
