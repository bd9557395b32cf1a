package dev.leakgate.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakgate.envelope.SopsFlattening.Flat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SopsFlatteningTest {

    @Test
    void tokensSplitMapsAndListPositions() throws ProblemException {
        assertThat(SopsFlattening.tokens("mac")).containsExactly("mac");
        assertThat(SopsFlattening.tokens("age__list_0__map_enc")).containsExactly("age", 0, "enc");
        assertThat(SopsFlattening.tokens("key_groups__list_1__map_age__list_12__map_recipient"))
                .containsExactly("key_groups", 1, "age", 12, "recipient");
        assertThat(SopsFlattening.tokens("unencrypted_suffix")).containsExactly("unencrypted_suffix");
    }

    @Test
    void unflattenBuildsNestedListsInIndexOrder() throws ProblemException {
        SopsTree.Mapping m = SopsFlattening.unflatten(List.of(
                new Flat("pgp__list_1__map_fp", "B", 3),
                new Flat("pgp__list_0__map_fp", "A", 4),
                new Flat("pgp__list_0__map_enc", "x", 5),
                new Flat("version", "3.7.3", 6)));
        SopsTree.Sequence pgp = (SopsTree.Sequence) m.get("pgp");
        assertThat(pgp.items).hasSize(2);
        SopsTree.Mapping first = (SopsTree.Mapping) pgp.items.get(0).value();
        assertThat(SopsMetadata.text(first, "fp")).isEqualTo("A");
        assertThat(SopsMetadata.text(first, "enc")).isEqualTo("x");
        assertThat(SopsMetadata.text((SopsTree.Mapping) pgp.items.get(1).value(), "fp")).isEqualTo("B");
        assertThat(SopsMetadata.text(m, "version")).isEqualTo("3.7.3");
        assertThat(m.entry("version").line()).isEqualTo(6);
    }

    @Test
    void keysThatDoNotFormATreeAreRejected() {
        assertThatThrownBy(() -> SopsFlattening.unflatten(List.of(new Flat("age", "x", 1), new Flat("age__list_0__map_enc", "y", 2))))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> SopsFlattening.tokens("age__list_x")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> SopsFlattening.tokens("a" + "__map_a".repeat(10_000))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> SopsFlattening.unflatten(List.of(new Flat("mac", "x", 1), new Flat("mac", "y", 2))))
                .isInstanceOf(ProblemException.class);
    }
}
