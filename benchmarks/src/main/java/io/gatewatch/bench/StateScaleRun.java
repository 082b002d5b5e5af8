package io.gatewatch.bench;

import io.gatewatch.generator.HomeLocation;
import io.gatewatch.generator.SignInSpec;
import io.gatewatch.generator.SyntheticUser;
import io.gatewatch.generator.format.AzureMonitorRecordBuilder;
import io.gatewatch.kafka.TempDirectories;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * State at scale: N distinct users, each with two wrong passwords and then a successful
 * interactive sign-in from an address of their own, so every user rule (brute force, cracking,
 * travel), the address rule (spray), the dedup store and the helpdesk history hold state for
 * every user. Gatewatch runs as the deployable does ({@code RunCommand}) in its own JVM with the
 * launcher's heap ({@code -Xmx1g}); its heap is sampled from its own {@code /metrics}.
 */
final class StateScaleRun {

    static final int EVENTS_PER_USER = 3;
    private static final String APPLICATION_ID = "bench-state-scale";

    record Result(int users, long events, double seconds, long peakHeapBytes, long peakRssBytes, long stateBytes,
                  boolean outOfMemory) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private StateScaleRun() {
    }

    static Result run(String bootstrap, int users, int partitions, int threads, Map<String, String> settings)
            throws Exception {
        String prefix = "ss-";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(prefix + "signin-events", partitions, (short) 1))).all().get();
        }
        long events = preload(bootstrap, prefix + "signin-events", users);
        Map<String, String> values = ThroughputRun.baseConfig(bootstrap, APPLICATION_ID, prefix, partitions, threads);
        values.put("window.grace", "PT2H");
        values.put("http.port", "0");
        values.putAll(settings);
        Path stateDir = Path.of(values.get("state.dir"));
        long peakHeap = 0;
        long start = System.nanoTime();
        try (GatewatchChild child = GatewatchChild.start(values);
             Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> topics = Set.of(prefix + "signin-events", APPLICATION_ID + "-by-tenant-repartition");
            while (child.alive() && ConsumerLag.of(admin, APPLICATION_ID, topics) != 0) {
                peakHeap = Math.max(peakHeap, child.heapInUse());
                Thread.sleep(500);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long rss = MemoryWatch.peakRssBytes(String.valueOf(child.pid()));
            long stateBytes = GatewatchChild.sizeOf(stateDir);
            return new Result(users, events, seconds, peakHeap, rss, stateBytes, child.ranOutOfMemory() || !child.alive());
        } finally {
            TempDirectories.deleteQuietly(stateDir);
        }
    }

    /** Returns the events written: per user, two wrong passwords and one interactive success, 1 ms apart. */
    private static long preload(String bootstrap, String topic, int users) {
        Instant start = Instant.now().minusMillis((long) users * EVENTS_PER_USER);
        long sequence = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "linger.ms", 20, "batch.size", 512 * 1024, "compression.type", "lz4", "acks", "1"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int u = 0; u < users; u++) {
                HomeLocation home = HomeLocation.CITIES.get(u % HomeLocation.CITIES.size());
                String ip = String.format(Locale.ROOT, "2001:db8:%x:%x::1", u >>> 16, u & 0xffff);
                SyntheticUser user = new SyntheticUser("tenant-" + (u % 50), "user" + u + "@tenant" + (u % 50) + ".example",
                        "uid-" + u, "User " + u, home, ip);
                for (int k = 0; k < EVENTS_PER_USER; k++) {
                    boolean success = k == EVENTS_PER_USER - 1;
                    SignInSpec spec = new SignInSpec(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012x", sequence),
                            start.plusMillis(sequence), user, ip, home, success ? 0 : 50126,
                            success ? null : "Error validating credentials due to invalid username or password.",
                            null, null, true, "Microsoft Teams");
                    producer.send(new ProducerRecord<>(topic, AzureMonitorRecordBuilder.build(spec).toString()
                            .getBytes(StandardCharsets.UTF_8)));
                    sequence++;
                }
            }
            producer.flush();
        }
        return sequence;
    }
}
