package dev.leakgate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakgate.testing.Tokens;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ByteText#positions} (one walk for all offsets) against lineOf/columnOf (a count from the start for each). */
class ByteTextPositionsTest {
    private static final byte[] PIECES = {'a', ' ', '\n', '\r', (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82,
        (byte) 0xAC, '\t', '='};

    @Test
    void positionsAgreeWithCountingFromTheStart() {
        Random random = Tokens.random();
        for (int round = 0; round < 200; round++) {
            byte[] bytes = new byte[random.nextInt(400)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = PIECES[random.nextInt(PIECES.length)];
            }
            ByteText text = new ByteText(bytes);
            int[] offsets = new int[random.nextInt(20)];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = random.nextInt(bytes.length + 1);
            }
            ByteText.Position[] positions = text.positions(offsets);
            for (int i = 0; i < offsets.length; i++) {
                int o = offsets[i];
                assertThat(positions[i]).as("offset %d of %d bytes", o, bytes.length)
                        .isEqualTo(new ByteText.Position(text.lineOf(o), text.columnOf(o), text.lineStart(o)));
            }
        }
    }
}
