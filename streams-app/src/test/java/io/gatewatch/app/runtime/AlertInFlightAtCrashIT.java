package io.gatewatch.app.runtime;

import static io.gatewatch.app.runtime.StallAfterIncidentState.ALERTS;
import static io.gatewatch.app.runtime.StallAfterIncidentState.APPLICATION;
import static io.gatewatch.app.runtime.StallAfterIncidentState.HELD;
import static io.gatewatch.app.runtime.StallAfterIncidentState.LOCKED_USER;
import static io.gatewatch.app.runtime.StallAfterIncidentState.SPRAYING_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.kafka.KafkaBroker;
import io.gatewatch.kafka.KafkaBrokerExtension;
import io.gatewatch.schema.Alert;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25 item 5: under {@code processing.guarantee=at_least_once} a crash can keep the state of
 * an incident (it reached the changelog) and lose its alert (still in flight), while the input
 * that raised it was not committed. The replay after the restart then meets the incident its own
 * first pass opened; it must raise the alert again, under the same id, not take itself for a
 * later finding of the incident and stay silent. Both rule families keep incidents: the lockout
 * (a per-event rule, {@code alert-suppression}) and the spray (a windowed rule,
 * {@code rule-windows}) are raised by the same sign-in. {@link StallAfterIncidentState} stages
 * the crash in the instance's own producer; the test kills the instance with SIGKILL.
 */
@ExtendWith(KafkaBrokerExtension.class)
class AlertInFlightAtCrashIT {

    private static final String TENANT = "tenant-1";
    private static final int SPRAYED_USERS = 5;

    @Test
    void anAlertWhoseIncidentStateReachedTheChangelogButNotItsTopicIsRaisedAgainUnderItsId(KafkaBroker broker,
                                                                                         @TempDir Path dir) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put("application.id", APPLICATION);
        settings.put("processing.guarantee", "at_least_once");
        settings.put("topic.partitions", "1");
        settings.put("session.timeout.ms", "6000");
        settings.put("state.dir", dir.resolve("state").toString());
        settings.put("http.port", "0");
        for (String topic : new String[] {"signin-events", "dynamics-access", "dynamics-orgs", "alerts", "aggregates",
                "aggregates-daily", "classified", "dlq"}) {
            settings.put("topic." + topic, "stall-" + topic);
        }
        assertThat(settings).containsEntry("topic.alerts", ALERTS);
        // spray: failures of distinct users from one address; the last user's is a lockout, which raises both alerts
        Instant start = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        List<byte[]> records = new ArrayList<>();
        Set<String> planted = new HashSet<>(Set.of(SPRAYING_ADDRESS));
        for (int i = 1; i < SPRAYED_USERS; i++) {
            records.add(TestInput.signIn("s" + i, TENANT, "sprayed" + i + "@x.com", 50126, start.plusSeconds(10L * i),
                    SPRAYING_ADDRESS));
            planted.add("sprayed" + i + "@x.com");
        }
        records.add(TestInput.signIn("lockout", TENANT, LOCKED_USER, 50053, start.plusSeconds(10L * SPRAYED_USERS),
                SPRAYING_ADDRESS));
        planted.add(LOCKED_USER);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("stall-signin-events", 1, (short) 1),
                    new NewTopic(HELD, 1, (short) 1))).all().get();
        }
        List<ChildInstance> instances = new ArrayList<>();
        try {
            Map<String, String> staged = new HashMap<>(settings);
            staged.put("producer.interceptor.classes", StallAfterIncidentState.class.getName());
            ChildInstance first = ChildInstance.start(dir, "stalled", staged);
            instances.add(first);
            TestInput.produce(broker.bootstrapServers(), "stall-signin-events", records);
            awaitLogLine(first, StallAfterIncidentState.STALLED, Duration.ofMinutes(2));

            // what the broker holds when the instance dies: the incidents' state, no alert, the input uncommitted
            Map<String, String> heldIds = idsPerRule(read(broker, HELD, Duration.ofSeconds(5)));
            assertThat(heldIds).as("alerts raised before the crash (held back from the alerts topic)")
                    .containsOnlyKeys("ACCOUNT_LOCKOUT", "PASSWORD_SPRAY");
            assertThat(changelogKeys(broker, StallAfterIncidentState.SUPPRESSION_CHANGELOG))
                    .as("the lockout's suppression on the broker").anyMatch(key -> key.contains(LOCKED_USER));
            assertThat(changelogKeys(broker, StallAfterIncidentState.WINDOWS_CHANGELOG))
                    .as("the spray's window on the broker").anyMatch(key -> key.contains(SPRAYING_ADDRESS));
            first.kill();
            assertThat(first.isAlive()).isFalse();
            assertThat(read(broker, ALERTS, Duration.ofSeconds(1))).as("alerts on the alerts topic at the crash").isEmpty();
            assertThat(IngestLag.uncommitted(broker.bootstrapServers(), APPLICATION, APPLICATION + "-by-tenant-repartition"))
                    .as("records of the alert rules' input not committed at the crash").isPositive();

            instances.add(ChildInstance.start(dir, "restarted", settings));
            IngestLag.awaitZero(broker.bootstrapServers(), APPLICATION, "stall-signin-events", Duration.ofMinutes(3));
            IngestLag.awaitZero(broker.bootstrapServers(), APPLICATION, APPLICATION + "-by-tenant-repartition",
                    Duration.ofMinutes(3));
            // committed, so every output of the replay is on the broker (at-least-once flushes before it commits)
            List<ConsumerRecord<String, Alert>> raised = read(broker, ALERTS, Duration.ofSeconds(2));
            assertThat(raised.stream().filter(r -> heldIds.containsKey(r.value().rule())).collect(Collectors.groupingBy(
                    r -> r.value().rule(), Collectors.mapping(r -> r.value().alertId(), Collectors.toSet()))))
                    .as("alerts after the restart, by rule: each raised again, under the id it had before the crash")
                    .isEqualTo(Map.of("ACCOUNT_LOCKOUT", Set.of(heldIds.get("ACCOUNT_LOCKOUT")),
                            "PASSWORD_SPRAY", Set.of(heldIds.get("PASSWORD_SPRAY"))));
        } finally {
            for (ChildInstance instance : instances) {
                instance.close();
            }
        }
        ChildLogs.assertNoLineQuotes(instances, planted);
    }

    private static Map<String, String> idsPerRule(List<ConsumerRecord<String, Alert>> alerts) {
        return alerts.stream().collect(Collectors.toMap(r -> r.value().rule(), r -> r.value().alertId(), (a, b) -> a));
    }

    /** Everything on {@code topic} up to its end now, and what arrives within {@code quiet}. */
    private static List<ConsumerRecord<String, Alert>> read(KafkaBroker broker, String topic, Duration quiet) {
        try (TopicReader<String, Alert> reader = new TopicReader<>(broker.bootstrapServers(), topic,
                new StringDeserializer(), GatewatchSerdes.ALERT.deserializer())) {
            return reader.readMore(quiet);
        }
    }

    private static List<String> changelogKeys(KafkaBroker broker, String changelog) {
        try (TopicReader<String, byte[]> reader = new TopicReader<>(broker.bootstrapServers(), changelog,
                new StringDeserializer(), new ByteArrayDeserializer())) {
            return reader.readMore(Duration.ZERO).stream().map(ConsumerRecord::key).toList();
        }
    }

    private static void awaitLogLine(ChildInstance instance, String line, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (instance.log().stream().noneMatch(l -> l.contains(line))) {
            if (System.nanoTime() > deadline || !instance.isAlive()) {
                throw new AssertionError("the instance did not stall within " + timeout + ":\n" + instance.logTail());
            }
            Thread.sleep(200);
        }
    }
}
