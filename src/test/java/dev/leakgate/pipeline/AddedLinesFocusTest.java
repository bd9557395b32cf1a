package dev.leakgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.source.LineSet;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AddedLinesFocusTest {
    @Test
    void keepsAddedLinesWithContextAndBlanksTheRestKeepingOffsets() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            text.append("line ").append(i).append('\n');
        }
        byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] masked = AddedLinesFocus.mask(content, new LineSet.Builder().add(200, 200).build());
        String m = new String(masked, StandardCharsets.UTF_8);
        assertThat(masked).hasSameSizeAs(content);
        assertThat(m.lines().count()).isEqualTo(300);
        assertThat(m.lines().skip(199).findFirst()).contains("line 200");
        assertThat(m.lines().skip(199 - AddedLinesFocus.CONTEXT_LINES).findFirst()).contains("line " + (200 - AddedLinesFocus.CONTEXT_LINES));
        assertThat(m.lines().skip(198 - AddedLinesFocus.CONTEXT_LINES).findFirst().orElseThrow()).isBlank();
        assertThat(m.lines().findFirst().orElseThrow()).isBlank();
    }
}
