package io.gatewatch.bench;

import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.generator.HomeLocation;
import io.gatewatch.generator.SignInSpec;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.generator.SyntheticUser;
import io.gatewatch.generator.format.AzureMonitorRecordBuilder;
import io.gatewatch.kafka.TempDirectories;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A long run at a steady input rate: benign traffic of 5,000 users in three tenants and, once a
 * second, a lockout of a user not seen before (so rule state keeps gaining entities, as a real
 * tenant's does). Gatewatch runs in its own JVM ({@link GatewatchChild}); each minute its heap in
 * use, its heap right after a full collection asked of it (live data), its RSS, the size of its state directory
 * and the consumer lag are sampled. A leak shows as live heap, RSS or lag that keeps rising.
 */
final class SoakRun {

    private static final String APPLICATION_ID = "bench-soak";

    record Sample(int minute, long sent, long lag, long heapBytes, long liveHeapBytes, long rssBytes, long stateBytes) {
    }

    record Result(int rate, List<Sample> samples, boolean died) {
    }

    private SoakRun() {
    }

    static Result run(String bootstrap, int rate, Duration duration, int partitions, int threads,
                      Map<String, String> settings) throws Exception {
        String prefix = "soak-";
        Map<String, String> values = ThroughputRun.baseConfig(bootstrap, APPLICATION_ID, prefix, partitions, threads);
        values.put("http.port", "0");
        values.putAll(settings);
        String input = prefix + "signin-events";
        Path stateDir = Path.of(values.get("state.dir"));
        List<Sample> samples = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(input, partitions, (short) 1))).all().get();
        }
        try (GatewatchChild child = GatewatchChild.start(values);
             Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                     "linger.ms", 5, "compression.type", "lz4"), new ByteArraySerializer(), new ByteArraySerializer())) {
            SyntheticDirectory directory = SyntheticDirectory.generate(3, 20, 5_000);
            BenignTraffic traffic = new BenignTraffic(directory, 3, false);
            Set<String> topics = Set.of(input, APPLICATION_ID + "-by-tenant-repartition");
            // the load starts once the app has consumed a first record: its start-up is not the soak's lag
            producer.send(new ProducerRecord<>(input, lockout(directory, -1)));
            producer.flush();
            long ready = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (child.alive() && ConsumerLag.of(admin, APPLICATION_ID, topics) < 0 && System.nanoTime() < ready) {
                Thread.sleep(500);
            }
            long start = System.nanoTime();
            long next = start;
            long nextSample = start + Duration.ofMinutes(1).toNanos();
            long sent = 0;
            for (long tick = 0; child.alive() && System.nanoTime() - start < duration.toNanos(); tick++) {
                // 100 ticks a second, rate/100 events each; one tick in a hundred carries a lockout
                for (int i = 0; i < rate / 100; i++) {
                    producer.send(new ProducerRecord<>(input, AzureMonitorRecordBuilder.build(traffic.next(Instant.now()))
                            .toString().getBytes(StandardCharsets.UTF_8)));
                    sent++;
                }
                if (tick % 100 == 0) {
                    producer.send(new ProducerRecord<>(input, lockout(directory, tick / 100)));
                    sent++;
                }
                if (System.nanoTime() >= nextSample) {
                    samples.add(sample(samples.size() + 1, sent, child, admin, topics, stateDir));
                    nextSample += Duration.ofMinutes(1).toNanos();
                }
                next += 10_000_000L;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
            if (child.alive() && samples.size() < duration.toMinutes()) {
                samples.add(sample(samples.size() + 1, sent, child, admin, topics, stateDir)); // the last minute's
            }
            return new Result(rate, samples, !child.alive() || child.ranOutOfMemory());
        } finally {
            TempDirectories.deleteQuietly(stateDir);
        }
    }

    private static Sample sample(int minute, long sent, GatewatchChild child, Admin admin, Set<String> topics,
                                 Path stateDir) throws Exception {
        long heap = child.heapInUse();
        Sample sample = new Sample(minute, sent, ConsumerLag.of(admin, APPLICATION_ID, topics), heap,
                child.heapAfterFullCollection(), child.rssBytes(), GatewatchChild.sizeOf(stateDir));
        System.out.printf("  minute %d: %,d sent, lag %,d, heap %,d MiB (after a full collection %,d MiB), RSS %,d MiB, state %,d MiB%n",
                minute, sent, sample.lag(), sample.heapBytes() >> 20, sample.liveHeapBytes() >> 20,
                sample.rssBytes() >> 20, sample.stateBytes() >> 20);
        return sample;
    }

    private static byte[] lockout(SyntheticDirectory directory, long n) {
        String ip = "192.0.2." + (Math.floorMod(n, 250) + 1);
        SyntheticUser victim = new SyntheticUser(directory.tenantId((int) Math.floorMod(n, 3)), "soak-" + n + "@bench.example.com",
                "soak-" + n, "Soak " + n, HomeLocation.CITIES.get(0), ip);
        SignInSpec spec = new SignInSpec("soak-" + n, Instant.now(), victim, ip, victim.home(), 50053,
                "Account is locked.", null, null, true, "Bench");
        return AzureMonitorRecordBuilder.build(spec).toString().getBytes(StandardCharsets.UTF_8);
    }
}
