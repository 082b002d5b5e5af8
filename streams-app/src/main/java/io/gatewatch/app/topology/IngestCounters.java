package io.gatewatch.app.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code gatewatch.ingest.events}, {@code gatewatch.ingest.unreadable} and
 * {@code gatewatch.dedup.duplicates}, tagged by source topic and error. One instance per stream
 * task (single-threaded), counters cached so the hot path does no registry lookup.
 */
final class IngestCounters {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new HashMap<>();

    IngestCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    void decoded(String topic) {
        counter("gatewatch.ingest.events", "Events decoded from input records", "topic", topic).increment();
    }

    void unreadable(String topic, String errorClass) {
        counters.computeIfAbsent("unreadable|" + topic + "|" + errorClass, k -> Counter.builder("gatewatch.ingest.unreadable")
                .description("Input records (or envelope members) sent to the dead-letter topic")
                .tag("topic", topic).tag("error", errorClass).register(registry)).increment();
    }

    void duplicate() {
        counter("gatewatch.dedup.duplicates", "Events dropped as duplicates (same category + id at the same second)", "stage", "dedup")
                .increment();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return counters.computeIfAbsent(name + "|" + value,
                k -> Counter.builder(name).description(description).tag(tag, value).register(registry));
    }
}
