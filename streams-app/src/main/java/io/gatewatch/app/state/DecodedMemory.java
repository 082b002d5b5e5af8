package io.gatewatch.app.state;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The heap one store (all its tasks, on every stream thread of the instance) may spend on values
 * held decoded. Shares are cut from the instance's {@code state.decoded-memory.bytes} per store,
 * not pooled: a store of small hot values (a tenant's minute) must not be starved by one of large
 * values (a user's history). The tasks of one store see the same traffic, so they share fairly.
 */
public final class DecodedMemory {

    private final long limitBytes;
    private final boolean held;
    private final AtomicLong usedBytes = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public DecodedMemory(long limitBytes) {
        this(limitBytes, true);
    }

    private DecodedMemory(long limitBytes, boolean held) {
        this.limitBytes = limitBytes;
        this.held = held;
    }

    /**
     * {@code state.cache=kafka}: no value is held decoded; {@link DecodedStores} builds Kafka Streams'
     * own stores on its record cache instead, which the settings give this budget. The fallback
     * should a Kafka upgrade break the internals the decoded stores rest on.
     */
    public static DecodedMemory onKafkaCache(long limitBytes) {
        return new DecodedMemory(limitBytes, false);
    }

    /** A store's own budget: this fraction of this one's limit. */
    public DecodedMemory share(double fraction) {
        return new DecodedMemory((long) (limitBytes * fraction), held);
    }

    /** False when the stores are built on Kafka's record cache ({@link #onKafkaCache}). */
    public boolean held() {
        return held;
    }

    /**
     * Registers this share as one store's: {@code gatewatch.state.decoded.bytes} (held now),
     * {@code gatewatch.state.decoded.limit.bytes}, and {@code gatewatch.state.decoded.reads} by
     * {@code result} (hit: served decoded; miss: read and decoded from RocksDB). A low hit ratio on
     * a busy store says its share is small for the traffic.
     */
    public DecodedMemory bindTo(MeterRegistry registry, String store) {
        Gauge.builder("gatewatch.state.decoded.bytes", usedBytes, AtomicLong::get).tag("store", store)
                .description("Heap held by decoded store values (estimate)").baseUnit("bytes").register(registry);
        Gauge.builder("gatewatch.state.decoded.limit.bytes", this, DecodedMemory::limitBytes).tag("store", store)
                .description("The store's share of state.decoded-memory.bytes").baseUnit("bytes").register(registry);
        for (String result : new String[] {"hit", "miss"}) {
            FunctionCounter.builder("gatewatch.state.decoded.reads", result.equals("hit") ? hits : misses,
                            LongAdder::sum).tags("store", store, "result", result)
                    .description("Store reads served from decoded values (hit) or from RocksDB (miss)")
                    .register(registry);
        }
        return this;
    }

    void read(boolean hit) {
        (hit ? hits : misses).increment();
    }

    void add(long bytes) {
        usedBytes.addAndGet(bytes);
    }

    boolean over() {
        return usedBytes.get() > limitBytes;
    }

    /** Reads served from values held decoded, all tasks of the store together. */
    public long hits() {
        return hits.sum();
    }

    public long usedBytes() {
        return usedBytes.get();
    }

    public long limitBytes() {
        return limitBytes;
    }
}
