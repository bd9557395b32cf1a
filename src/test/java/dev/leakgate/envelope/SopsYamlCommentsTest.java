package dev.leakgate.envelope;

import static dev.leakgate.envelope.SopsSamples.checkYaml;
import static dev.leakgate.envelope.SopsSamples.comment;
import static dev.leakgate.envelope.SopsSamples.str;
import static dev.leakgate.envelope.SopsSamples.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which block a YAML comment belongs to decides whether it must be encrypted, so comments are placed by
 * indentation the way sops's YAML library sees them, not on the next node as SnakeYAML hangs them.
 */
class SopsYamlCommentsTest {

    private static List<EnvelopeProblem> problems(String data, String extraMetadata) {
        return checkYaml(yaml(data, extraMetadata)).problems();
    }

    @Test
    void encryptedCommentsEverywhereAreFine() {
        String data = "#" + comment() + "\n"
                + "a: " + str() + "\n"
                + "b:\n"
                + "    #" + comment() + "\n"
                + "    c: " + str() + " #" + comment() + "\n"
                + "list:\n"
                + "    - " + str() + "\n"
                + "    #" + comment() + "\n"
                + "    - " + str() + "\n";
        assertThat(problems(data, "")).isEmpty();
    }

    @Test
    void clearCommentClosingAnExemptBlockStaysInIt() {
        // SnakeYAML hangs the comment on "other"; it sits inside nested_unencrypted, which sops leaves clear.
        String data = "nested_unencrypted:\n"
                + "    foo: bar\n"
                + "    # a clear note inside the exempt block\n"
                + "other: " + str() + "\n";
        assertThat(problems(data, "")).isEmpty();
        String outdented = data.replace("    # a clear", "# a clear");
        assertThat(problems(outdented, "")).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("plaintext-comment");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("the top level").doesNotContain("clear note");
        });
    }

    @Test
    void clearCommentOpeningANestedBlockBelongsToIt() {
        String data = "outer_unencrypted:\n"
                + "    # about inner\n"
                + "    inner: x\n"
                + "secret: " + str() + "\n";
        assertThat(problems(data, "")).isEmpty();
        String encryptedBlock = "outer:\n"
                + "    # about inner\n"
                + "    inner: " + str() + "\n";
        assertThat(problems(encryptedBlock, "")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("key path outer"));
    }

    @Test
    void inlineCommentsAfterValuesAndInLists() {
        String afterValue = "db:\n    user: " + str() + " # clear inline\n";
        assertThat(problems(afterValue, "")).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("plaintext-comment");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("key path db");
        });
        String inList = "list_unencrypted:\n    - a # fine here\n    # and here\n    - b\nk: " + str() + "\n";
        assertThat(problems(inList, "")).isEmpty();
    }

    @Test
    void commentsInTheMetadataAreNotData() {
        String text = yaml("a: " + str() + "\n", "    # a note in the metadata\n");
        assertThat(checkYaml(text).problems()).isEmpty();
    }

    @Test
    void underEncryptedRegexTopLevelCommentsStayClear() {
        String data = "# deployment notes\nkind: Secret\nstringData:\n    # must be encrypted\n    password: " + str() + "\n";
        List<EnvelopeProblem> p = problems(data, "    encrypted_regex: ^(data|stringData)$\n");
        assertThat(p).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("plaintext-comment");
            assertThat(e.line()).isEqualTo(4);
        });
    }

    @Test
    void encryptedCommentRegexMarkersSelectWhatFollows() {
        String data = "host: example\n"
                + "# sops:enc\n"
                + "password: " + str() + "\n"
                + "port: 80\n";
        assertThat(problems(data, "    encrypted_comment_regex: sops:enc\n")).isEmpty();
        String leaked = data.replace("password: " + str(), "password: hunter2");
        assertThat(problems(leaked, "    encrypted_comment_regex: sops:enc\n")).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("plaintext-value");
            assertThat(e.message()).isEqualTo("plaintext value at key path password").doesNotContain("hunter2");
        });
    }

    @Test
    void unencryptedCommentRegexMarkersExemptWhatFollows() {
        String data = "#" + comment() + "\n"
                + "password: " + str() + "\n"
                + "# sops:noenc\n"
                + "port: 80\n";
        assertThat(problems(data, "    unencrypted_comment_regex: sops:noenc\n")).isEmpty();
        assertThat(problems(data.replace("# sops:noenc", "# other"), "    unencrypted_comment_regex: sops:noenc\n"))
                .extracting(EnvelopeProblem::reason).containsExactlyInAnyOrder("plaintext-comment", "plaintext-value");
    }

    @Test
    void everyDocumentOfAMultiDocumentFileIsChecked() {
        String text = yaml("a: " + str() + "\n", "") + "---\nb: clear\n";
        assertThat(checkYaml(text).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("plaintext value at key path b"));
    }
}
