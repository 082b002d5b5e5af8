package io.gatewatch.bench;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.runtime.GatewatchApp;
import io.gatewatch.app.runtime.StateWrites;
import io.gatewatch.app.topology.GatewatchTopology;
import io.gatewatch.kafka.TempDirectories;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;

/** Gatewatch from offset 0 of a preloaded topic until every event is processed and committed. */
final class ThroughputRun {

    /**
     * Events processed, those of them timed (see {@link CommitClock}) and their wall time, and the
     * changelog records and bytes the run's stream threads sent per store.
     */
    record Result(long events, long timedEvents, double seconds, Map<String, Double> changelogRecords, Map<String, Double> changelogBytes,
                  Map<String, Double> decodedHitRatio, Map<String, Double> coresByThreads) {

        static Result of(long events, CommitClock.Timed timed, KafkaStreams streams, String applicationId, MeterRegistry registry,
                         ThreadCpu atStart) {
            Map<String, Double> cores = ThreadCpu.now().coresSince(atStart, applicationId);
            Map<String, Double> hitRatio = new TreeMap<>();
            registry.find("gatewatch.state.decoded.reads").tag("result", "hit").functionCounters().forEach(hits -> {
                String store = hits.getId().getTag("store");
                double misses = registry.get("gatewatch.state.decoded.reads").tags("store", store, "result", "miss")
                        .functionCounter().count();
                hitRatio.put(store, hits.count() / Math.max(1, hits.count() + misses));
            });
            return new Result(events, timed.events(), timed.seconds(), StateWrites.byStore(streams, applicationId),
                    StateWrites.bytesByStore(streams, applicationId), hitRatio, cores);
        }

        double eventsPerSecond() {
            return timedEvents / seconds;
        }

        double changelogRecordsPerEvent() {
            return changelogRecords.values().stream().mapToDouble(Double::doubleValue).sum() / events;
        }

        double changelogBytesPerEvent() {
            return changelogBytes.values().stream().mapToDouble(Double::doubleValue).sum() / events;
        }
    }

    private static final AtomicInteger RUNS = new AtomicInteger();

    private ThroughputRun() {
    }

    /** {@code base} for a JVM's first run, {@code base-N} for its Nth: each run reads the input from offset 0. */
    static String applicationId(String base, int run) {
        return run == 1 ? base : base + "-" + run;
    }

    static Map<String, String> baseConfig(String bootstrap, String applicationId, String prefix, int partitions,
                                          int threads) throws IOException {
        Map<String, String> values = new HashMap<>();
        values.put("num.stream.threads", String.valueOf(threads));
        values.put("bootstrap.servers", bootstrap);
        values.put("application.id", applicationId);
        values.put("topic.partitions", String.valueOf(partitions));
        values.put("state.dir", Files.createTempDirectory("gatewatch-bench-state-").toString());
        for (String topic : new String[] {"signin-events", "dynamics-access", "dynamics-orgs", "alerts", "aggregates",
                "aggregates-daily", "classified", "dlq"}) {
            values.put("topic." + topic, prefix + topic);
        }
        return values;
    }

    static Result run(String bootstrap, String topicPrefix, long events, int partitions, int threads,
                      Map<String, String> settings) throws Exception {
        return run(bootstrap, topicPrefix, events, partitions, threads, settings, true);
    }

    /**
     * Gatewatch over the topic until {@code events} have passed its repartition topic, untimed, then
     * closed: its code is compiled by the JIT before a timed run, as in a process that has run a while.
     */
    static void warmUp(String bootstrap, String topicPrefix, long events, int partitions, int threads,
                       Map<String, String> settings) throws Exception {
        run(bootstrap, topicPrefix, events, partitions, threads, settings, false);
    }

    private static Result run(String bootstrap, String topicPrefix, long events, int partitions, int threads,
                              Map<String, String> settings, boolean timed) throws Exception {
        Map<String, String> values = baseConfig(bootstrap, applicationId("bench-throughput", RUNS.incrementAndGet()),
                topicPrefix, partitions, threads);
        // the preloaded backlog spans N ms of event time and its partitions are caught up at
        // different speeds: a grace longer than the span means every event is aggregated, none
        // dropped as late, so the run measures the full work
        values.put("window.grace", "PT2H");
        values.putAll(settings);
        GatewatchConfig config = ConfigLoader.build(values);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
             GatewatchApp app = GatewatchApp.start(config, registry)) {
            ThreadCpu cpuAtStart = ThreadCpu.now();
            String input = config.topics().signinEvents().name();
            String byTenant = GatewatchTopology.byTenantTopic(config);
            if (!timed) {
                CommitClock.awaitCommitted(admin, config.applicationId(), byTenant, events, Duration.ofMinutes(30));
                return null;
            }
            CommitClock.Timed clock = CommitClock.measure(admin, config.applicationId(), byTenant,
                    Set.of(input, byTenant), events, Duration.ofMinutes(30));
            return Result.of(events, clock, app.streams(), config.applicationId(), registry, cpuAtStart);
        } finally {
            TempDirectories.deleteQuietly(Path.of(values.get("state.dir")));
        }
    }
}
