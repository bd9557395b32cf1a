package dev.leakgate.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IniReaderTest {

    private static SopsDocument read(String text) throws ProblemException {
        return IniReader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String value(SopsTree.Mapping section, String key) {
        return ((SopsTree.Scalar) section.get(key)).text();
    }

    @Test
    void sectionsKeysDelimitersAndQuotes() throws ProblemException {
        SopsDocument doc = read("top = 1\n[a]\nx = 1 \ny: two\nz = \"quoted\"\n\n[b c]\nw=v\n");
        SopsTree.Mapping root = doc.data().get(0);
        assertThat(value((SopsTree.Mapping) root.get(IniReader.DEFAULT_SECTION), "top")).isEqualTo("1");
        SopsTree.Mapping a = (SopsTree.Mapping) root.get("a");
        assertThat(value(a, "x")).isEqualTo("1");
        assertThat(value(a, "y")).isEqualTo("two");
        assertThat(value(a, "z")).isEqualTo("quoted");
        assertThat(value((SopsTree.Mapping) root.get("b c"), "w")).isEqualTo("v");
        assertThat(doc.metadata()).isNull();
    }

    @Test
    void commentsBelongToTheSectionOrKeyTheyStandBefore() throws ProblemException {
        SopsDocument doc = read("; top\n[a]\nx = 1 ; inline\n# before y\ny = 2\n[b]\nz = 3\n");
        SopsTree.Mapping root = doc.data().get(0);
        SopsTree.Mapping a = (SopsTree.Mapping) root.get("a");
        assertThat(a.items).extracting(SopsTree.Item::comment).containsExactly(" top", " inline", null, " before y", null);
        assertThat(root.items).noneMatch(SopsTree.Item::isComment);
    }

    @Test
    void sopsSectionIsFlattenedMetadataWithEscapedNewlines() throws ProblemException {
        SopsDocument doc = read("[a]\nx = 1\n; closing a\n[sops]\nversion = 3.13.1\npgp__list_0__map_enc = A\\nB\n"
                + "pgp__list_0__map_fp = F\n");
        assertThat(doc.metadataLine()).isEqualTo(4);
        SopsTree.Mapping pgp0 = (SopsTree.Mapping) ((SopsTree.Sequence) doc.metadata().get("pgp")).items.get(0).value();
        assertThat(SopsMetadata.text(pgp0, "enc")).isEqualTo("A\nB");
        assertThat(doc.data().get(0).entry("sops")).isNull();
        // The comment before [sops] stays with the data section it closes.
        assertThat(((SopsTree.Mapping) doc.data().get(0).get("a")).items).anyMatch(i -> " closing a".equals(i.comment()));
    }

    @Test
    void tripleQuotedValuesSpanLines() throws ProblemException {
        SopsDocument doc = read("[sops]\nenc = \"\"\"-----BEGIN X-----\n\nabc\n-----END X-----\"\"\"\nversion = 1\n");
        assertThat(SopsMetadata.text(doc.metadata(), "enc")).isEqualTo("-----BEGIN X-----\n\nabc\n-----END X-----");
        assertThat(SopsMetadata.text(doc.metadata(), "version")).isEqualTo("1");
    }

    @Test
    void unparseableLinesAreRejectedWithoutEcho() {
        assertThatThrownBy(() -> read("[a]\nhunter2\n")).isInstanceOf(ProblemException.class)
                .hasMessageNotContaining("hunter2").hasMessageContaining("line 2");
        assertThatThrownBy(() -> read("[a\n")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> read("[a]\nk = \"\"\"never closed\n")).isInstanceOf(ProblemException.class);
    }
}
