package dev.leakgate.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakgate.envelope.SopsSelection.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each selection rule decides on every path component; regexes are unanchored RE2 searches. */
class SopsSelectionTest {
    private static final List<List<String>> NO_COMMENTS = List.of();

    private static boolean value(SopsSelection s, String... path) {
        return s.valueMustBeEncrypted(List.of(path), NO_COMMENTS);
    }

    @Test
    void defaultIsUnencryptedSuffixUnencrypted() {
        SopsSelection s = SopsSelection.DEFAULT;
        assertThat(value(s, "db", "password")).isTrue();
        assertThat(value(s, "db_unencrypted", "password")).isFalse(); // exempt key exempts its subtree
        assertThat(value(s, "db", "password_unencrypted")).isFalse();
        assertThat(value(s, "unencrypted_db")).isTrue();               // a suffix, not a substring
        assertThat(value(s)).isTrue();                                 // top-level comments
    }

    @Test
    void encryptedSuffix() {
        SopsSelection s = SopsSelection.of(Kind.ENCRYPTED_SUFFIX, "_secret");
        assertThat(value(s, "db_host")).isFalse();
        assertThat(value(s, "tls", "key_secret")).isTrue();
        assertThat(value(s, "creds_secret", "user")).isTrue();
        assertThat(value(s)).isFalse();
    }

    @Test
    void unencryptedRegexIsAnUnanchoredSearch() {
        SopsSelection s = SopsSelection.of(Kind.UNENCRYPTED_REGEX, "public");
        assertThat(value(s, "public_key")).isFalse();
        assertThat(value(s, "config", "my_public_thing", "x")).isFalse();
        assertThat(value(s, "api_key")).isTrue();
        SopsSelection anchored = SopsSelection.of(Kind.UNENCRYPTED_REGEX, "^(description|public_key)$");
        assertThat(value(anchored, "public_key")).isFalse();
        assertThat(value(anchored, "public_key2")).isTrue();
    }

    @Test
    void encryptedRegexSelectsSubtrees() {
        SopsSelection s = SopsSelection.of(Kind.ENCRYPTED_REGEX, "^(data|stringData)$");
        assertThat(value(s, "stringData", "password")).isTrue();
        assertThat(value(s, "metadata", "name")).isFalse();
        assertThat(value(s, "kind")).isFalse();
        SopsSelection search = SopsSelection.of(Kind.ENCRYPTED_REGEX, "password");
        assertThat(value(search, "db_password")).isTrue();
    }

    @Test
    void unencryptedCommentRegexExemptsWhatFollowsAMarker() {
        SopsSelection s = SopsSelection.of(Kind.UNENCRYPTED_COMMENT_REGEX, "sops:noenc");
        assertThat(s.valueMustBeEncrypted(List.of("a"), List.of(List.of(" something else")))).isTrue();
        assertThat(s.valueMustBeEncrypted(List.of("a"), List.of(List.of(" sops:noenc")))).isFalse();
        // A marker at an enclosing level is still in force.
        assertThat(s.valueMustBeEncrypted(List.of("a", "b"), List.of(List.of(" sops:noenc"), List.of()))).isFalse();
        // The marker itself stays readable; other comments are encrypted.
        assertThat(s.commentMustBeEncrypted(List.of(), List.of(List.of()), " sops:noenc")).isFalse();
        assertThat(s.commentMustBeEncrypted(List.of(), List.of(List.of()), " note")).isTrue();
    }

    @Test
    void encryptedCommentRegexEncryptsOnlyWhatFollowsAMarker() {
        SopsSelection s = SopsSelection.of(Kind.ENCRYPTED_COMMENT_REGEX, "^sops:enc$");
        assertThat(s.valueMustBeEncrypted(List.of("a"), List.of(List.of()))).isFalse();
        assertThat(s.valueMustBeEncrypted(List.of("a"), List.of(List.of(" sops:enc")))).isTrue(); // leading space tolerated
        assertThat(s.commentMustBeEncrypted(List.of(), List.of(List.of()), " sops:enc")).isFalse();
        assertThat(s.commentMustBeEncrypted(List.of(), List.of(List.of(" sops:enc")), " a note")).isTrue();
    }

    @Test
    void conflictingRulesAskForEncryptionWhenAnyRuleDoes() {
        SopsSelection s = SopsSelection.anyOf(List.of(SopsSelection.DEFAULT, SopsSelection.of(Kind.ENCRYPTED_REGEX, "^password$")));
        assertThat(value(s, "x_unencrypted", "password")).isTrue();
        assertThat(value(s, "x_unencrypted", "user")).isFalse();
        assertThat(value(s, "user")).isTrue();
    }

    @Test
    void badRegexIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> SopsSelection.of(Kind.ENCRYPTED_REGEX, "(hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("encrypted_regex");
    }
}
