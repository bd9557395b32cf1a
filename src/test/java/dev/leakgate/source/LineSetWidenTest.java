package dev.leakgate.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineSetWidenTest {
    @Test
    void widenAddsContextAndMergesRanges() {
        LineSet s = new LineSet.Builder().add(3, 3).add(10, 12).build().widen(2);
        assertThat(s.contains(1)).isTrue();
        assertThat(s.contains(5)).isTrue();
        assertThat(s.contains(6)).isFalse();
        assertThat(s.contains(8)).isTrue();
        assertThat(s.contains(14)).isTrue();
        assertThat(s.contains(15)).isFalse();
    }
}
