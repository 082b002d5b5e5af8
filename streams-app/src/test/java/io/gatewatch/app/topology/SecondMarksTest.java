package io.gatewatch.app.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecondMarksTest {

    @Test
    void everyMarkIsFoundWithItsOffsetWhateverOrderTheyCameIn() {
        Random random = new Random(7);
        byte[] marks = null;
        long[] hashes = new long[500];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = random.nextLong();
            assertThat(SecondMarks.offsetOf(marks, hashes[i])).isEqualTo(SecondMarks.ABSENT);
            marks = SecondMarks.with(marks, hashes[i], 1000 + i);
        }
        for (int i = 0; i < hashes.length; i++) {
            assertThat(SecondMarks.offsetOf(marks, hashes[i])).isEqualTo(1000 + i);
        }
        assertThat(SecondMarks.count(marks)).isEqualTo(500);
        assertThat(SecondMarks.offsetOf(marks, 42L)).isEqualTo(SecondMarks.ABSENT);
    }

    @Test
    void theStoredBytesAreAFormatByteThenPairsSortedByHash() {
        byte[] marks = SecondMarks.with(SecondMarks.with(SecondMarks.with(null, 5, 50), -3, 30), 1, 10);
        assertThat(HexFormat.of().formatHex(marks)).isEqualTo("01"
                + "fffffffffffffffd" + "000000000000001e"
                + "0000000000000001" + "000000000000000a"
                + "0000000000000005" + "0000000000000032");
    }

    @Test
    void bytesOfAnotherFormatAreRefusedNotMisread() {
        assertThatThrownBy(() -> SecondMarks.offsetOf(new byte[] {0, 0, 0, 0, 0, 0, 0, 7}, 7))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown format");
    }
}
