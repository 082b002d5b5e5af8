package io.gatewatch.app.topology;

import static io.gatewatch.app.topology.TestEvents.T0;
import static io.gatewatch.app.topology.TestEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.config.Topics;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.rules.windowed.EntityWindows;
import io.gatewatch.schema.Alert;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart with an edited rule file ({@code rules/before-edit.yaml}, then {@code after-edit.yaml}):
 * the topology {@code run} deploys runs on catalogue A, stops, and a new one on catalogue B starts
 * from the state A left — its rule stores restored from their changelogs, as Kafka Streams restores
 * them (TopologyTestDriver deletes its state directory when it closes, so the changelog is the way
 * across). Each rule then alerts on what its own definition saw: re-tuned, on A's observations and
 * B's; redefined under its id, on B's alone; removed, never, and its windows leave the store.
 */
class RuleEditsAcrossRestartTest {

    private static final String APP = "gatewatch-rule-edits";
    private static final String USER = "ann@x.com";
    private static final String RECORD = "t1|user|" + USER;

    @TempDir
    Path dir;
    private int sequence;

    @Test
    void eachRuleAlertsOnWhatItsOwnDefinitionSawAcrossARestart() throws IOException {
        Map<String, List<KeyValue<String, byte[]>>> changelogs;
        try (TopologyTestDriver before = driver("before-edit.yaml")) {
            List<Alert> alerts = run(before, 50126, 50126);

            assertThat(alerts).extracting(Alert::rule, Alert::count).containsExactly(tuple("MATCHED", 1L), tuple("REMOVED", 2L));
            changelogs = Map.of("rule-windows", changelog(before, "rule-windows"),
                    "alert-suppression", changelog(before, "alert-suppression"));
        }
        EntityWindows left = GatewatchSerdes.ENTITY_WINDOWS.deserializer().deserialize("t", last(changelogs.get("rule-windows")));
        assertThat(left.byRule().keySet()).as("what A left for the user").contains("BRUTE_FORCE")
                .anyMatch(key -> key.matches("REMOVED#[0-9a-f]{8}")).anyMatch(key -> key.startsWith("REDEFINED#"));

        try (TopologyTestDriver after = driver("after-edit.yaml")) {
            restore(after, "rule-windows", GatewatchSerdes.ENTITY_WINDOWS.deserializer(), changelogs);
            restore(after, "alert-suppression", Serdes.Long().deserializer(), changelogs);

            List<Alert> alerts = run(after, 50055, 50126, 50055, 50055);

            // MATCHED (now expired passwords) is not suppressed by A's incident; KEPT (threshold 5 -> 3)
            // counts A's two failures and B's one; REDEFINED, fed A's failures, would have fired at e3
            assertThat(alerts).extracting(Alert::rule, Alert::count)
                    .containsExactly(tuple("MATCHED", 1L), tuple("KEPT", 3L), tuple("REDEFINED", 3L));
            assertThat(alerts.get(0).summary()).isEqualTo(USER + " has an expired password.");
            assertThat(alerts.get(1).summary()).endsWith("re-tuned.");
            assertThat(alerts.get(2).correlationIds()).containsExactly("c-e3", "c-e5", "c-e6");
            KeyValueStore<String, EntityWindows> store = after.getKeyValueStore("rule-windows");
            EntityWindows record = store.get(RECORD);
            assertThat(record.byRule().keySet()).as("A's REMOVED and REDEFINED windows left with the first write")
                    .noneMatch(key -> key.startsWith("REMOVED")).doesNotContainAnyElementsOf(left.byRule().keySet()
                            .stream().filter(key -> key.startsWith("REDEFINED")).toList());
            assertThat(record.get("BRUTE_FORCE").observations()).as("a shipped rule's window, kept by name").hasSize(3);
        }
    }

    private TopologyTestDriver driver(String ruleFile) throws IOException {
        Path rules = dir.resolve(ruleFile);
        try (InputStream in = getClass().getResourceAsStream("/rules/" + ruleFile)) {
            Files.write(rules, in.readAllBytes());
        }
        Map<String, String> values = new HashMap<>();
        values.put("application.id", APP);
        values.put("bootstrap.servers", "unused:9092");
        values.put("processing.guarantee", "at_least_once");
        values.put("event.max-future", "P3650D");
        values.put(ConfigLoader.RULE_FILES, rules.toString());
        GatewatchConfig config = ConfigLoader.build(values);
        Properties props = StreamsSettings.of(config);
        props.put("state.dir", dir.resolve("state").toString()); // not the shared ~/.gatewatch/state
        return new TopologyTestDriver(GatewatchTopology.build(config, ClassificationData.defaults(),
                new SimpleMeterRegistry()), props, TopologyFixture.WALL_CLOCK);
    }

    /** One sign-in of the user a minute, with these error codes; the alerts they raised. */
    private List<Alert> run(TopologyTestDriver driver, int... codes) {
        var input = driver.createInputTopic(Topics.DEFAULTS.signinEvents().name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        for (int code : codes) {
            sequence++;
            input.pipeInput(null, signIn("e" + sequence, "t1", USER, code, T0.plus(Duration.ofMinutes(sequence)))
                    .getBytes(StandardCharsets.UTF_8));
        }
        return driver.createOutputTopic(Topics.DEFAULTS.alerts().name(), new StringDeserializer(),
                GatewatchSerdes.ALERT.deserializer()).readValuesToList();
    }

    private static List<KeyValue<String, byte[]>> changelog(TopologyTestDriver driver, String store) {
        return driver.createOutputTopic(APP + "-" + store + "-changelog", new StringDeserializer(),
                new ByteArrayDeserializer()).readKeyValuesToList();
    }

    /** What restoring does: each changelog record, in order, put into the store (a null value deletes). */
    private static <V> void restore(TopologyTestDriver driver, String store, Deserializer<V> values,
                                    Map<String, List<KeyValue<String, byte[]>>> changelogs) {
        KeyValueStore<String, V> target = driver.getKeyValueStore(store);
        for (KeyValue<String, byte[]> record : changelogs.get(store)) {
            if (record.value == null) {
                target.delete(record.key);
            } else {
                target.put(record.key, values.deserialize(store, record.value));
            }
        }
    }

    private static byte[] last(List<KeyValue<String, byte[]>> records) {
        return records.stream().filter(record -> record.key.equals(RECORD)).reduce((a, b) -> b).orElseThrow().value;
    }
}
