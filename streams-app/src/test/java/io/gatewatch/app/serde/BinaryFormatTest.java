package io.gatewatch.app.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BinaryOut writes byte for byte what DataOutputStream writes, and BinaryIn reads it back. */
class BinaryFormatTest {

    private static final List<String> STRINGS = List.of("", "adelev@contoso.com", "203.0.113.7", "Zoë Ångström",
            "東京オフィス", "nul\u0000inside", "emoji \uD83D\uDD12 lock", "x".repeat(70_000 / 3), "~\u007f\u0080",
            "lone \uD800 surrogate", "why?", "\uDC00");

    @Test
    void everyFieldIsWrittenAsDataOutputStreamWritesIt() throws IOException {
        BinaryOut ours = new BinaryOut(4);
        ByteArrayOutputStream jdkBytes = new ByteArrayOutputStream();
        try (DataOutputStream jdk = new DataOutputStream(jdkBytes)) {
            for (String s : STRINGS) {
                ours.writeUTF(s);
                jdk.writeUTF(s);
            }
            ours.writeLong(-1234567890123456789L);
            jdk.writeLong(-1234567890123456789L);
            ours.writeInt(Integer.MIN_VALUE + 7);
            jdk.writeInt(Integer.MIN_VALUE + 7);
            ours.writeShort(65_000);
            jdk.writeShort(65_000);
            ours.writeDouble(-0.15);
            jdk.writeDouble(-0.15);
            ours.writeBoolean(true);
            jdk.writeBoolean(true);
            ours.writeByte(200);
            jdk.writeByte(200);
        }
        assertThat(ours.toByteArray()).isEqualTo(jdkBytes.toByteArray());

        BinaryIn in = new BinaryIn(jdkBytes.toByteArray());
        for (String s : STRINGS) {
            assertThat(in.readUTF()).isEqualTo(s);
        }
        assertThat(in.readLong()).isEqualTo(-1234567890123456789L);
        assertThat(in.readInt()).isEqualTo(Integer.MIN_VALUE + 7);
        assertThat(in.readUnsignedShort()).isEqualTo(65_000);
        assertThat(in.readDouble()).isEqualTo(-0.15);
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readUnsignedByte()).isEqualTo(200);
        assertThatThrownBy(in::readUnsignedByte).isInstanceOf(EOFException.class);
    }

    @Test
    void aRepeatedTextIsReadAsOneStringAndEveryTextStaysItself() throws IOException {
        BinaryOut out = new BinaryOut(4);
        List<String> texts = new java.util.ArrayList<>(STRINGS.subList(0, 11));
        for (int i = 0; i < 50_000; i++) { // far more texts than slots: collisions replace, never confuse
            texts.add("app-" + i);
        }
        for (String text : texts) {
            out.writeUTF(text);
            out.writeUTF(text);
        }
        BinaryIn in = new BinaryIn(out.toByteArray());
        for (String text : texts) {
            String first = in.readRepeatedUTF();
            String second = in.readRepeatedUTF();
            assertThat(first).isEqualTo(text);
            assertThat(second).isEqualTo(text);
            if (text.chars().allMatch(c -> c > 0 && c < 0x80) && text.length() <= 128) {
                assertThat(second).isSameAs(first);
            }
        }
    }

    @Test
    void aBufferResetForTheNextValueHoldsOnlyThatValue() throws IOException {
        BinaryOut out = new BinaryOut(4);
        for (int i = 0; i < 3; i++) {
            out.writeUTF("x".repeat(30_000)); // past the size a kept buffer may keep
        }
        out.reset().writeUTF("why?");
        assertThat(out.toByteArray()).isEqualTo(new byte[] {0, 4, 'w', 'h', 'y', '?'});
        out.writeUTF("nul\u0000inside"); // the slow way takes back the reservation of the fast one
        out.reset().writeUTF("Zoë");
        ByteArrayOutputStream jdkBytes = new ByteArrayOutputStream();
        try (DataOutputStream jdk = new DataOutputStream(jdkBytes)) {
            jdk.writeUTF("Zoë");
        }
        assertThat(out.toByteArray()).isEqualTo(jdkBytes.toByteArray());
    }

    @Test
    void aStringTooLongForTheFormatIsRefusedAsTheJdkRefusesIt() {
        assertThatThrownBy(() -> new BinaryOut(4).writeUTF("é".repeat(40_000)))
                .isInstanceOf(UTFDataFormatException.class);
    }

    @Test
    void aTruncatedValueIsAnEndOfInputNotGarbage() {
        assertThatThrownBy(() -> new BinaryIn(new byte[] {0, 5, 'a', 'b'}).readUTF()).isInstanceOf(EOFException.class);
    }
}
