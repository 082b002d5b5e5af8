package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.kafka.KafkaBroker;
import io.gatewatch.kafka.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} stopped as a container runtime stops it — SIGTERM to its own JVM, mid-stream — shuts
 * down cleanly: it says so, Kafka Streams reaches NOT_RUNNING, the JVM exits within the grace a
 * runtime gives (Kubernetes: 30 s) with SIGTERM's code (143: the JVM ran its shutdown hooks), and
 * nothing is logged as an error. At start it lists the topics it uses (as {@code run --list-topics}).
 */
@ExtendWith(KafkaBrokerExtension.class)
class CleanShutdownIT {

    @Test
    void sigtermStopsRunCleanlyWithinThirtySeconds(KafkaBroker broker, @TempDir Path dir) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put("application.id", "shutdown-it");
        settings.put("topic.partitions", "1"); // the input has 2: the topic list must say what the cluster holds
        settings.put("commit.interval.ms", "200");
        settings.put("state.dir", dir.resolve("state").toString());
        settings.put("http.port", "0");
        for (String topic : new String[] {"signin-events", "dynamics-access", "dynamics-orgs", "alerts", "aggregates",
                "classified", "dlq"}) {
            settings.put("topic." + topic, "shutdown-" + topic);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("shutdown-signin-events", 2, (short) 1))).all().get();
        }
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS);
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            records.add(TestInput.signIn("e" + i, "tenant-" + i % 3, "user" + i % 50 + "@x.com", i % 9 == 0 ? 50126 : 0,
                    start.plusMillis(i * 500L)));
        }
        ChildInstance instance = ChildInstance.start(dir, "run", settings);
        try {
            TestInput.produce(broker.bootstrapServers(), "shutdown-signin-events", records);
            IngestLag.awaitCommitted(broker.bootstrapServers(), "shutdown-it", "shutdown-signin-events", 1_000, instance);

            int exit = instance.terminate(Duration.ofSeconds(30));

            List<String> log = instance.log();
            assertThat(exit).as("exit code after SIGTERM (-1: still running)\n" + instance.logTail()).isEqualTo(143);
            assertThat(log).anyMatch(line -> line.contains("SIGTERM: shutting down"))
                    .anyMatch(line -> line.contains("-> NOT_RUNNING"))
                    .noneMatch(line -> line.contains(" ERROR "));
            // run names every topic it uses at start, sized from the cluster: the input as it is (2 partitions)
            int listed = log.indexOf(log.stream().filter(line -> line.contains("Topics on the cluster")).findFirst()
                    .orElseThrow(() -> new AssertionError("no topic list at start\n" + instance.logTail())));
            assertThat(log.subList(listed + 1, log.size())).anySatisfy(line -> assertThat(line)
                            .startsWith("shutdown-signin-events ").contains("partitions=2"))
                    .anySatisfy(line -> assertThat(line).startsWith("shutdown-it-rule-windows-changelog ")
                            .contains("cleanup.policy=compact"))
                    .anySatisfy(line -> assertThat(line).startsWith("shutdown-it-by-tenant-repartition "));
            assertThat(IngestLag.committed(broker.bootstrapServers(), "shutdown-it", "shutdown-signin-events"))
                    .as("offsets committed at the close").isGreaterThanOrEqualTo(1_000);
        } finally {
            instance.close();
        }
    }
}
