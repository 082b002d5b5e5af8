package io.gatewatch.app.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.logging.LogCapture;
import io.gatewatch.rules.Incident;
import io.gatewatch.rules.windowed.EntityWindow;
import io.gatewatch.rules.windowed.EntityWindows;
import io.gatewatch.rules.observe.Observation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A stored value that cannot be read — cut short, or in a format a newer release wrote — is read
 * as absent by the stores' serdes (its key starts afresh, the stream goes on), counted, and logged
 * in one line naming neither the value nor the key.
 */
class UnreadableStoredValuesTest {

    @Test
    void anUnreadableStoredValueIsLeftOutCountedAndLoggedWithoutContent() {
        byte[] bytes = GatewatchSerdes.ENTITY_WINDOWS.serializer().serialize("t", EntityWindows.restore(Map.of("BRUTE_FORCE",
                EntityWindow.restore(List.of(new Observation(1, "fail", "secret.user@contoso.com", "192.0.2.1", null, null,
                        null)), 1, Incident.NONE))));
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 5);
        byte[] newer = bytes.clone();
        newer[0] = 99;
        long before = UnreadableStoredValues.count();

        try (LogCapture logs = LogCapture.of(UnreadableStoredValues.class)) {
            assertThat(GatewatchSerdes.ENTITY_WINDOWS.deserializer().deserialize("rule-windows-changelog", cut)).isNull();
            assertThat(GatewatchSerdes.ENTITY_WINDOWS.deserializer().deserialize("rule-windows-changelog", newer)).isNull();
            assertThat(GatewatchSerdes.ENTITY_WINDOWS.deserializer().deserialize("t", bytes).byRule()).containsKey("BRUTE_FORCE");

            assertThat(UnreadableStoredValues.count() - before).isEqualTo(2);
            assertThat(logs.lines()).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain("secret")
                    .doesNotContain("192.0.2.1").contains("left out"));
            assertThat(logs.lines().get(1)).contains("newer");
            assertThat(logs.events()).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
        }
    }

    @Test
    void everyStoreValueSerdeLeavesOutWhatItCannotRead() {
        byte[] garbage = {(byte) 1, (byte) 0x7F, (byte) 0x7F, (byte) 0x7F};
        assertThat(GatewatchSerdes.BASELINE.deserializer().deserialize("t", garbage)).isNull();
        assertThat(GatewatchSerdes.WINDOW_COUNTS.deserializer().deserialize("t", garbage)).isNull();
        assertThat(GatewatchSerdes.SIGN_IN_SUMMARY.deserializer().deserialize("t", garbage)).isNull();
    }
}
