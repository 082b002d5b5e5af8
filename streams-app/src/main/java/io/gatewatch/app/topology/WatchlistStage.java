package io.gatewatch.app.topology;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.config.Topic;
import io.gatewatch.rules.watchlist.WatchlistChange;
import io.gatewatch.rules.watchlist.Watchlists;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watchlists: the compacted {@code topic.watchlists} (key {@code watchlist|user}, value
 * {@code {"watchlist","user","note"}}, a tombstone removes) read as a global store, so every
 * instance sees every member whichever partition carries it. Its one processor, on the global
 * thread, is the single writer of this topology's {@link Watchlists}, which the stream threads'
 * rules read at each event: a change applies from the next event, with no restart.
 */
final class WatchlistStage {

    static final String STORE = "watchlists-store";
    private static final Logger LOG = LoggerFactory.getLogger(WatchlistStage.class);

    private WatchlistStage() {
    }

    static void build(StreamsBuilder builder, GatewatchConfig config, Watchlists lists) {
        Topic<String, String> topic = config.topics().watchlists();
        // a global store's changelog is its topic: logging off, as Kafka Streams requires
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                        Serdes.String()).withLoggingDisabled(), topic.name(), topic.consumed("source-watchlists"),
                () -> new Apply(lists));
    }

    /** Applies each record to the lists and keeps the valid ones in the store, from which a restart reloads them. */
    private static final class Apply implements Processor<String, String, Void, Void> {

        private final Watchlists lists;
        private ProcessorContext<Void, Void> context;
        private KeyValueStore<String, String> store;

        Apply(Watchlists lists) {
            this.lists = lists;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            this.store = context.getStateStore(STORE);
            // what the store held before this start (restored from the topic or kept on disk) is in the lists
            // before any event is processed; records restored through process() are applied there as well
            int members = 0;
            try (KeyValueIterator<String, String> all = store.all()) {
                while (all.hasNext()) {
                    KeyValue<String, String> entry = all.next();
                    try {
                        lists.apply(WatchlistChange.of(entry.key, entry.value));
                        members++;
                    } catch (IllegalArgumentException e) {
                        LOG.warn("watchlist store entry ignored: {}", e.getMessage());
                    }
                }
            }
            LOG.info("watchlists: {} member(s) reloaded from {}; now {}", members, STORE, lists); // counts only
        }

        @Override
        public void process(Record<String, String> record) {
            WatchlistChange change;
            try {
                change = WatchlistChange.of(record.key(), record.value());
            } catch (IllegalArgumentException e) {
                // never the key or value: they carry a user name
                LOG.warn("watchlist record ignored ({}): {}", where(), e.getMessage());
                return;
            }
            lists.apply(change);
            if (change.member()) {
                store.put(record.key(), record.value());
            } else {
                store.delete(record.key());
            }
        }

        private String where() {
            return context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + " offset " + m.offset())
                    .orElse("no offset");
        }
    }
}
