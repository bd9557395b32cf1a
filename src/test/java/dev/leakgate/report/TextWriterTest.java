package dev.leakgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextWriterTest {
    @Test
    void sizesReadTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // a decimal comma, had the summary used printf
            assertThat(TextWriter.bytes(500)).isEqualTo("500 B");
            assertThat(TextWriter.bytes(116_326)).isEqualTo("113.6 KiB");
            assertThat(TextWriter.bytes(1024)).isEqualTo("1.0 KiB");
            assertThat(TextWriter.bytes(3 * 1024 * 1024 / 2)).isEqualTo("1.5 MiB");
            assertThat(TextWriter.bytes(1024 * 1024 - 1)).isEqualTo("1024.0 KiB");
        } finally {
            Locale.setDefault(before);
        }
    }
}
