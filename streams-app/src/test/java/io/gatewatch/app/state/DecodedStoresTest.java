package io.gatewatch.app.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.internals.InMemoryKeyValueStore;
import org.junit.jupiter.api.Test;

/** What the decoded-value stores promise: fewer decodes and encodes, and nothing else changed. */
class DecodedStoresTest {

    private final AtomicInteger encodes = new AtomicInteger();
    private final AtomicInteger decodes = new AtomicInteger();
    private final Serde<String> countingValues = Serdes.serdeFrom(
            (Serializer<String>) (topic, value) -> {
                encodes.incrementAndGet();
                return Serdes.String().serializer().serialize(topic, value);
            },
            (Deserializer<String>) (topic, bytes) -> {
                decodes.incrementAndGet();
                return Serdes.String().deserializer().deserialize(topic, bytes);
            });

    /** Every test value weighs 100 bytes, its entry 160 more: a budget of n × 260 bytes holds n values. */
    private static DecodedMemory roomFor(int values) {
        return new DecodedMemory(values * 260L);
    }

    private DecodedKeyValueStore<String> keyValueStore(DecodedMemory memory) {
        KeyValueStore<String, String> store = DecodedStores.keyValue(Stores.inMemoryKeyValueStore("kv"),
                Serdes.String(), countingValues, memory, value -> 100).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return (DecodedKeyValueStore<String>) store;
    }

    @Test
    void aValueUpdatedByEveryEventIsEncodedOncePerCommitAndNeverDecoded() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DecodedMemory memory = roomFor(10).bindTo(registry, "kv");
        DecodedKeyValueStore<String> store = keyValueStore(memory);
        for (int event = 1; event <= 100; event++) {
            String previous = store.get("tenant");
            store.put("tenant", previous == null ? "1" : String.valueOf(Integer.parseInt(previous) + 1));
        }
        assertThat(store.wrapped().get("tenant")).as("nothing below before the commit").isNull();
        int decodesBefore = decodes.get();

        store.flushCache();

        assertThat(store.wrapped().get("tenant")).isEqualTo("100");
        assertThat(encodes.get()).as("one encode for 100 updates").isEqualTo(1);
        assertThat(decodesBefore).as("every read after the first was served decoded").isZero();
        assertThat(memory.hits()).isEqualTo(99);
        assertThat(registry.get("gatewatch.state.decoded.reads").tags("store", "kv", "result", "hit")
                .functionCounter().count()).isEqualTo(99);
        assertThat(registry.get("gatewatch.state.decoded.reads").tags("result", "miss").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get("gatewatch.state.decoded.bytes").gauge().value()).isEqualTo(260);
    }

    @Test
    void theLeastRecentlyUsedDirtyValueGoesBelowWhenRoomIsNeeded() {
        DecodedMemory memory = roomFor(2);
        DecodedKeyValueStore<String> store = keyValueStore(memory);
        store.put("a", "1");
        store.put("b", "2");
        store.get("a"); // b is now the least recently used
        store.put("c", "3");

        assertThat(store.wrapped().get("b")).isEqualTo("2");
        assertThat(store.wrapped().get("a")).isNull();
        assertThat(memory.usedBytes()).isEqualTo(2 * 260);
        assertThat(store.get("b")).isEqualTo("2");

        store.close();
        assertThat(memory.usedBytes()).as("a closed store gives its share back").isZero();
    }

    @Test
    void aStoreFillingItsShareNeverPushesOutAnotherStoresValues() {
        DecodedMemory instance = new DecodedMemory(20 * 260L);
        DecodedKeyValueStore<String> histories = keyValueStore(instance.share(0.5));
        DecodedKeyValueStore<String> counts = keyValueStore(instance.share(0.5));
        counts.put("tenant-minute", "7");
        for (int user = 0; user < 1_000; user++) {
            histories.put("user-" + user, "history");
        }
        counts.put("next-minute", "1"); // in one pool, this would make room by writing out the other minute

        assertThat(counts.wrapped().get("tenant-minute")).as("still held, never written early").isNull();
        assertThat(counts.get("tenant-minute")).isEqualTo("7");
        assertThat(histories.wrapped().get("user-0")).as("the full share wrote its own eldest below").isEqualTo("history");
    }

    @Test
    void scansAndDeletesSeeWhatIsNotCommittedYet() {
        DecodedKeyValueStore<String> store = keyValueStore(roomFor(10));
        store.put("a", "1");
        store.put("b", "2");
        store.flushCache();
        store.delete("a");
        store.put("c", "3");

        List<KeyValue<String, String>> all = new ArrayList<>();
        try (KeyValueIterator<String, String> iterator = store.all()) {
            iterator.forEachRemaining(all::add);
        }
        assertThat(all).containsExactly(KeyValue.pair("b", "2"), KeyValue.pair("c", "3"));
        assertThat(store.get("a")).isNull();
        assertThat(store.approximateNumEntries()).isEqualTo(2);
    }

    @Test
    void aCommitWritesItsDirtyValuesBelowInOneBatchDeletesIncluded() {
        List<Integer> batches = new ArrayList<>();
        AtomicInteger singlePuts = new AtomicInteger();
        KeyValueBytesStoreSupplier counting = new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return "kv";
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new InMemoryKeyValueStore("kv") {
                    @Override
                    public void put(Bytes key, byte[] value) {
                        singlePuts.incrementAndGet();
                        super.put(key, value);
                    }

                    @Override
                    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
                        batches.add(entries.size()); // the in-memory store's putAll puts one by one: counted apart
                        int before = singlePuts.get();
                        super.putAll(entries);
                        singlePuts.set(before);
                    }
                };
            }

            @Override
            public String metricsScope() {
                return "in-memory";
            }
        };
        KeyValueStore<String, String> built = DecodedStores.keyValue(counting, Serdes.String(), countingValues,
                roomFor(10), value -> 100).withLoggingDisabled().build();
        built.init(new MockProcessorContext<>().getStateStoreContext(), built);
        DecodedKeyValueStore<String> store = (DecodedKeyValueStore<String>) built;
        store.put("a", "1");
        store.put("b", "2");
        store.put("c", "3");
        store.flushCache();
        store.delete("a");
        store.put("b", "20");
        store.flushCache();
        store.flushCache(); // nothing dirty: nothing written

        assertThat(batches).as("one batch per commit with something to write").containsExactly(3, 2);
        assertThat(singlePuts).as("no value written on its own").hasValue(0);
        assertThat(store.wrapped().get("a")).as("a null in the batch deletes").isNull();
        assertThat(store.wrapped().get("b")).isEqualTo("20");
        assertThat(store.wrapped().get("c")).isEqualTo("3");
    }

    @Test
    void otherThreadsReadTheLastCommitAndMayNotWrite() throws Exception {
        DecodedKeyValueStore<String> store = keyValueStore(roomFor(10));
        store.put("user", "committed");
        store.flushCache();
        store.put("user", "in flight");

        assertThat(CompletableFuture.supplyAsync(() -> store.get("user")).get()).isEqualTo("committed");
        assertThat(store.get("user")).isEqualTo("in flight");
        assertThatThrownBy(() -> CompletableFuture.runAsync(() -> store.put("user", "x")).join())
                .hasCauseInstanceOf(IllegalStateException.class);
        store.flushCache();
        assertThat(CompletableFuture.supplyAsync(() -> store.get("user")).get()).isEqualTo("in flight");
    }

    @Test
    void clearingForgetsWritesThatWereNeverCommitted() {
        DecodedKeyValueStore<String> store = keyValueStore(roomFor(10));
        store.put("user", "committed");
        store.flushCache();
        store.put("user", "lost with its transaction");

        store.clearCache(); // what Kafka Streams does before state is restored from the changelog

        assertThat(store.get("user")).isEqualTo("committed");
    }

    @Test
    void windowsAreHeldByKeyAndStartAndRangeReadsSeeThem() {
        TimestampedWindowStore<String, String> store = DecodedStores.timestampedWindow(
                Stores.inMemoryWindowStore("windows", java.time.Duration.ofHours(1), java.time.Duration.ofMinutes(1),
                        false), Serdes.String(), countingValues, roomFor(10), value -> 100).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        DecodedWindowStore.Timestamped<String> decoded = (DecodedWindowStore.Timestamped<String>) store;

        store.put("t1", ValueAndTimestamp.make("a", 5), 0);
        store.put("t1", ValueAndTimestamp.make("b", 65_000), 60_000);
        store.put("t1", ValueAndTimestamp.make("b2", 70_000), 60_000);
        assertThat(decoded.wrapped().fetch("t1", 60_000)).isNull();
        assertThat(store.fetch("t1", 60_000)).isEqualTo(ValueAndTimestamp.make("b2", 70_000));

        List<String> values = new ArrayList<>();
        store.fetchAll(0, 120_000).forEachRemaining(window -> values.add(window.value.value()));
        assertThat(values).containsExactly("a", "b2");
        assertThat(decoded.wrapped().fetch("t1", 60_000).value()).isEqualTo("b2");
        assertThat(encodes.get()).as("each window encoded once, at the scan").isEqualTo(2);
    }
}
