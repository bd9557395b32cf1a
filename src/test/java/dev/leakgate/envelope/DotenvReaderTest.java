package dev.leakgate.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DotenvReaderTest {

    private static SopsDocument read(String text) throws ProblemException {
        return DotenvReader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsAtTheFirstEqualsAndKeepsTheKeyVerbatim() throws ProblemException {
        SopsDocument doc = read("foo =a=b\nexport X=1\r\n\n#note\nsops_version=3\n");
        SopsTree.Mapping data = doc.data().get(0);
        assertThat(data.entry("foo ")).isNotNull();
        assertThat(((SopsTree.Scalar) data.get("foo ")).text()).isEqualTo("a=b");
        assertThat(((SopsTree.Scalar) data.get("export X")).text()).isEqualTo("1"); // CR of CRLF dropped
        assertThat(data.items).anySatisfy(i -> assertThat(i.comment()).isEqualTo("note"));
        assertThat(data.entry("sops_version")).isNull();
        assertThat(SopsMetadata.text(doc.metadata(), "version")).isEqualTo("3");
    }

    @Test
    void metadataIsUnflattenedAndUnescaped() throws ProblemException {
        SopsDocument doc = read("A=1\nsops_age__list_0__map_enc=line1\\nline2\nsops_age__list_0__map_recipient=r\n");
        SopsTree.Mapping age0 = (SopsTree.Mapping) ((SopsTree.Sequence) doc.metadata().get("age")).items.get(0).value();
        assertThat(SopsMetadata.text(age0, "enc")).isEqualTo("line1\nline2");
        assertThat(doc.metadataLine()).isEqualTo(2);
    }

    @Test
    void noSopsKeysMeansNoMetadata() throws ProblemException {
        assertThat(read("A=1\n").metadata()).isNull();
    }

    @Test
    void aLineWithoutEqualsDoesNotParseAndIsNotEchoed() {
        assertThatThrownBy(() -> read("A=1\nhunter2\n"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("hunter2");
    }
}
