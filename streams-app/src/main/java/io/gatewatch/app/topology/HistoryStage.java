package io.gatewatch.app.topology;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.app.state.DecodedMemory;
import io.gatewatch.app.state.DecodedStores;
import io.gatewatch.diagnose.SignInSummary;
import io.gatewatch.diagnose.UserHistory;
import io.gatewatch.schema.ClassifiedEvent;
import java.time.Duration;
import java.util.Locale;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The helpdesk's view: each user's last sign-ins ({@link UserHistory}) in {@code user-history},
 * keyed {@code tenant|user} on the tenant's partition, for the diagnosis endpoint. A repeated
 * success changes nothing and writes nothing. A history is held decoded only across a commit
 * ({@link DecodedStores}, a small share: a busy user's updates still collapse within it) and read
 * lazily otherwise ({@code LazySummaries}: only the newest sign-ins decoded); users idle for
 * {@code diagnosis.retention} are purged.
 */
final class HistoryStage {

    static final String STORE = "user-history";
    /**
     * Heap a decoded sign-in summary takes, about (measured 556 before repeated strings were shared:
     * an overestimate now, and a lazily read one is mostly not decoded at all).
     */
    private static final long SUMMARY_BYTES = 600;

    private HistoryStage() {
    }

    static void build(StreamsBuilder builder, GatewatchConfig config, KStream<String, ClassifiedEvent> classified,
                      DecodedMemory memory) {
        builder.addStateStore(DecodedStores.keyValue(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                GatewatchSerdes.USER_HISTORY, memory, history -> SUMMARY_BYTES * history.recent().size()));
        classified.processValues(() -> new Recorder(config.api().historyRetention()), Named.as("remember-sign-ins"),
                STORE);
    }

    /** The store key of a user's history. */
    static String key(String tenant, String userPrincipalName) {
        return tenant + "|" + userPrincipalName.toLowerCase(Locale.ROOT);
    }

    private static final class Recorder implements FixedKeyProcessor<String, ClassifiedEvent, Void> {

        private final long retentionMs;
        private KeyValueStore<String, UserHistory> histories;

        Recorder(Duration retention) {
            this.retentionMs = retention.toMillis();
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Void> context) {
            histories = context.getStateStore(STORE);
            StorePurge.schedule(context, histories, (history, now) -> history.lastSeenMs() < now - retentionMs);
        }

        @Override
        public void process(FixedKeyRecord<String, ClassifiedEvent> record) {
            String user = record.value().event().userPrincipalName();
            if (user == null) {
                return;
            }
            String key = key(record.key(), user);
            UserHistory history = histories.get(key);
            history = history == null ? new UserHistory() : history;
            if (history.add(SignInSummary.of(record.value()))) {
                histories.put(key, history);
            }
        }
    }
}
