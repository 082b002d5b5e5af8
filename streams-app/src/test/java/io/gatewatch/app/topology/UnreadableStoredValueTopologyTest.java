package io.gatewatch.app.topology;

import static io.gatewatch.app.topology.TestEvents.T0;
import static io.gatewatch.app.topology.TestEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatewatch.app.logging.LogCapture;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.app.serde.UnreadableStoredValues;
import io.gatewatch.rules.Incident;
import io.gatewatch.rules.observe.Observation;
import io.gatewatch.rules.windowed.EntityWindow;
import io.gatewatch.rules.windowed.EntityWindows;
import io.gatewatch.schema.Alert;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stored value the running topology cannot decode — here a user's rule windows in a format a
 * newer release wrote — is skipped for that key, not fatal: the user's next sign-in finds no
 * windows and starts them afresh (or the store's purge deletes the value first), the value is
 * counted once ({@code gatewatch_state_unreadable_values_total}), the log names neither the value
 * nor the key, nothing fails on it, and the user's later sign-ins and everyone else's go on to
 * raise their alerts.
 */
class UnreadableStoredValueTopologyTest {

    private static final String USER = "victim@x.com";

    /** @param cache {@code state.cache}: values held decoded, or Kafka Streams' record cache */
    @ParameterizedTest
    @ValueSource(strings = {"decoded", "kafka"})
    void anUnreadableStoredValueIsSkippedForItsKeyCountedOnceAndTheStreamGoesOn(String cache) {
        try (LogCapture logs = LogCapture.allAtShippedLevels();
             TopologyFixture f = new TopologyFixture(Map.of("state.cache", cache))) {
            byte[] newer = GatewatchSerdes.ENTITY_WINDOWS.serializer().serialize("t", EntityWindows.restore(Map.of(
                    "BRUTE_FORCE", EntityWindow.restore(List.of(new Observation(1, "burst", "stored.user@x.com",
                            "192.0.2.1", null, null, null)), 1, Incident.NONE))));
            newer[0] = 99;
            storedBytes(f, GatewatchTopology.RULE_WINDOWS_STORE).put(Bytes.wrap(("t1|user|" + USER)
                    .getBytes(StandardCharsets.UTF_8)), newer);
            long before = UnreadableStoredValues.count();

            for (int i = 0; i < 10; i++) {
                f.signIn(signIn("f" + i, "t1", USER, 50126, T0.plusSeconds(30L * i)));
            }
            f.signIn(signIn("other", "t1", "someone@x.com", 50053, T0.plusSeconds(400)));

            assertThat(UnreadableStoredValues.count() - before).as("stored values left out").isEqualTo(1);
            assertThat(f.alerts.readValuesToList()).extracting(Alert::rule, a -> a.entity().value())
                    .as("the user's windows started afresh, and the stream went on")
                    .contains(tuple("BRUTE_FORCE", USER), tuple("ACCOUNT_LOCKOUT", "someone@x.com"));
            assertThat(logs.lines()).anyMatch(line -> line.contains("left out"))
                    .as("no processor or punctuation failed on it").noneMatch(line -> line.contains("Exception caught"));
            assertThat(logs.written()).allSatisfy(line -> assertThat(line)
                    .doesNotContain("stored.user", "192.0.2.1", USER, "203.0.113.7"));
        }
    }

    /** The bytes store beneath every layer of {@code name} (decoded values, metrics, changelog). */
    @SuppressWarnings("unchecked")
    private static KeyValueStore<Bytes, byte[]> storedBytes(TopologyFixture f, String name) {
        StateStore store = (StateStore) f.driver.getKeyValueStore(name);
        while (store instanceof WrappedStateStore<?, ?, ?> wrapped) {
            store = wrapped.wrapped();
        }
        return (KeyValueStore<Bytes, byte[]>) store;
    }
}
