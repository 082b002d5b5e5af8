package io.gatewatch.bench;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.runtime.GatewatchApp;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.generator.HomeLocation;
import io.gatewatch.generator.SignInSpec;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.generator.SyntheticUser;
import io.gatewatch.generator.format.AzureMonitorRecordBuilder;
import io.gatewatch.kafka.TempDirectories;
import io.gatewatch.schema.Alert;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Alert latency at a fixed input rate: benign traffic plus, ten times a second, a lockout of a
 * fresh user (an ACCOUNT_LOCKOUT alert each). Latency is from the trigger's append time on the
 * broker (LogAppendTime) to the moment a read_committed consumer receives its alert, i.e. until
 * the alert is committed and visible to security operations.
 */
final class LatencyRun {

    record Result(int rate, int alerts, long p50Ms, long p95Ms, long p99Ms, long maxMs) {
    }

    private LatencyRun() {
    }

    static Result run(String bootstrap, int rate, Duration duration, int partitions, int threads,
                      Map<String, String> settings) throws Exception {
        Map<String, String> values = ThroughputRun.baseConfig(bootstrap, "bench-latency", "lat-", partitions, threads);
        values.put("window.grace", "PT10S");
        values.putAll(settings);
        GatewatchConfig config = ConfigLoader.build(values);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(config.topics().signinEvents().name(), partitions, (short) 1)
                    .configs(Map.of("message.timestamp.type", "LogAppendTime")))).all().get();
        }
        Map<String, Long> appendedAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try (GatewatchApp app = GatewatchApp.start(config, new SimpleMeterRegistry());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                     "linger.ms", 5, "compression.type", "lz4"), new ByteArraySerializer(), new ByteArraySerializer());
             KafkaConsumer<String, byte[]> alerts = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                     "group.id", "bench-latency-reader", "auto.offset.reset", "earliest",
                     "isolation.level", "read_committed"), new StringDeserializer(),
                     new ByteArrayDeserializer())) {
            app.awaitRunning(Duration.ofMinutes(2));
            alerts.subscribe(List.of(config.topics().alerts().name()));
            SyntheticDirectory directory = SyntheticDirectory.generate(3, 20, 5_000);
            BenignTraffic traffic = new BenignTraffic(directory, 3, false);
            long end = System.nanoTime() + duration.toNanos();
            long warmupEnd = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            long tick = 0;
            long next = System.nanoTime();
            while (System.nanoTime() < end) {
                // 100 ticks a second, rate/100 events each; one tick in ten carries a lockout
                for (int i = 0; i < rate / 100; i++) {
                    byte[] value = AzureMonitorRecordBuilder.build(traffic.next(Instant.now())).toString()
                            .getBytes(StandardCharsets.UTF_8);
                    producer.send(new ProducerRecord<>(config.topics().signinEvents().name(), value));
                }
                if (tick % 10 == 0 && System.nanoTime() > warmupEnd) {
                    String user = "latency-" + tick + "@bench.example.com";
                    SyntheticUser victim = new SyntheticUser(directory.tenantId(0), user, "u" + tick, "Latency " + tick,
                            HomeLocation.CITIES.get(0), "192.0.2.1");
                    SignInSpec lockout = new SignInSpec("lat-" + tick, Instant.now(), victim, "192.0.2.1",
                            victim.home(), 50053, "Account is locked.", null, null, true, "Bench");
                    producer.send(new ProducerRecord<>(config.topics().signinEvents().name(),
                            AzureMonitorRecordBuilder.build(lockout).toString().getBytes(StandardCharsets.UTF_8)),
                            (metadata, error) -> {
                                if (error == null) {
                                    appendedAt.put(user, metadata.timestamp());
                                }
                            });
                }
                tick++;
                drain(alerts, appendedAt, latencies, Duration.ZERO);
                next += 10_000_000L;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
            producer.flush();
            long settle = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < settle && latencies.size() < appendedAt.size()) {
                drain(alerts, appendedAt, latencies, Duration.ofMillis(200));
            }
        }
        TempDirectories.deleteQuietly(Path.of(values.get("state.dir")));
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(rate, sorted.size(), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
    }

    private static void drain(KafkaConsumer<String, byte[]> alerts, Map<String, Long> appendedAt, List<Long> latencies,
                              Duration wait) {
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, byte[]> record : alerts.poll(wait)) {
            Alert alert = GatewatchSerdes.ALERT.deserializer().deserialize(record.topic(), record.value());
            Long appended = appendedAt.get(alert.entity().value());
            if (appended != null && alert.rule().equals("ACCOUNT_LOCKOUT")) {
                latencies.add(now - appended);
            }
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
