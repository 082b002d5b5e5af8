package io.gatewatch.app.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What state costs: changelog records sent by this instance's stream threads, per store, read
 * from the producers' own topic metrics. Under exactly-once every one is a write inside a
 * transaction, so records per processed event is the state layout's price tag:
 * {@code gatewatch.state.changelog.records} and {@code gatewatch.state.changelog.records.per.event}.
 */
public final class StateWrites {

    private static final String CHANGELOG_SUFFIX = "-changelog";

    private StateWrites() {
    }

    /** Changelog records sent so far, by store name (the topic without the application id and suffix). */
    public static Map<String, Double> byStore(KafkaStreams streams, String applicationId) {
        return sumByStore(streams, applicationId, "record-send-total");
    }

    /** Changelog bytes sent so far (as batched on the wire, after compression), by store name. */
    public static Map<String, Double> bytesByStore(KafkaStreams streams, String applicationId) {
        return sumByStore(streams, applicationId, "byte-total");
    }

    private static Map<String, Double> sumByStore(KafkaStreams streams, String applicationId, String metric) {
        Map<String, Double> writes = new TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> entry : streams.metrics().entrySet()) {
            MetricName name = entry.getKey();
            String topic = name.tags().get("topic");
            if ("producer-topic-metrics".equals(name.group()) && metric.equals(name.name())
                    && topic != null && topic.endsWith(CHANGELOG_SUFFIX)) {
                String store = topic.substring(0, topic.length() - CHANGELOG_SUFFIX.length());
                if (store.startsWith(applicationId + "-")) {
                    store = store.substring(applicationId.length() + 1);
                }
                writes.merge(store, ((Number) entry.getValue().metricValue()).doubleValue(), Double::sum);
            }
        }
        return writes;
    }

    public static double total(KafkaStreams streams, String applicationId) {
        return byStore(streams, applicationId).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * Registers the total and the ratio to {@code gatewatch.ingest.events} (all topics). Both are
     * this instance's: its input and state partitions need not be the same ones, so with several
     * instances read the ratio of the sums over all of them.
     */
    static void bindTo(MeterRegistry registry, KafkaStreams streams, String applicationId) {
        FunctionCounter.builder("gatewatch.state.changelog.records", streams, s -> total(s, applicationId))
                .description("Changelog records sent by this instance's stream threads (all stores)")
                .register(registry);
        Gauge.builder("gatewatch.state.changelog.records.per.event", streams, s -> {
                    double events = registry.find("gatewatch.ingest.events").counters().stream()
                            .mapToDouble(c -> c.count()).sum();
                    return events == 0 ? 0 : total(s, applicationId) / events;
                })
                .description("Changelog records per decoded event since this instance started")
                .register(registry);
    }
}
