package io.gatewatch.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Equal texts become one string, whether live or read from bytes; sharing never changes a text. */
class SharedTextsTest {

    @Test
    void equalTextsBecomeOneStringAndEveryTextStaysItself() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) { // more texts than slots: collisions replace, never confuse
            texts.add("user" + i + "@contoso.com");
        }
        for (String text : texts) {
            String first = SharedTexts.share(new String(text));
            String second = SharedTexts.share(new String(text));
            assertThat(first).isEqualTo(text);
            assertThat(second).isSameAs(first);
        }
        assertThat(SharedTexts.share(null)).isNull();
        String long1 = "x".repeat(200);
        assertThat(SharedTexts.share(long1)).isSameAs(long1);
    }

    @Test
    void aTextReadFromBytesIsTheLiveOneSharedBefore() {
        String live = SharedTexts.share(new String("Microsoft Teams"));
        byte[] stored = ("xx" + live).getBytes(StandardCharsets.US_ASCII);

        assertThat(SharedTexts.ascii(stored, 2, live.length())).isSameAs(live);
    }
}
