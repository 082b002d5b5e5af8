package io.gatewatch.app.topology;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.diagnose.SignInSummary;
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
import org.apache.kafka.streams.state.Stores;

/**
 * The helpdesk's view: each user's sign-ins in {@code user-sign-ins}, a window store keyed
 * {@code tenant|user} on the tenant's partition ({@link SignInLog}: appended, repeated successes
 * left out, read back as a history by the diagnosis endpoint). Sign-ins older than
 * {@code diagnosis.retention} of stream time leave with the store's segments.
 */
final class HistoryStage {

    static final String STORE = "user-sign-ins";
    /** Users whose repeat filter one task keeps (a few hundred bytes each); one forgotten costs a repeated success written. */
    static final int FILTERS_PER_TASK = 20_000;

    private HistoryStage() {
    }

    static void build(StreamsBuilder builder, GatewatchConfig config, KStream<String, ClassifiedEvent> classified) {
        // duplicates kept: two sign-ins of one user in the same millisecond are two entries
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(STORE,
                config.api().historyRetention(), Duration.ofMillis(1), true), Serdes.String(),
                GatewatchSerdes.SIGN_IN_SUMMARY));
        classified.processValues(Recorder::new, Named.as("remember-sign-ins"), STORE);
    }

    /** The store key of a user's sign-ins. */
    static String key(String tenant, String userPrincipalName) {
        return tenant + "|" + userPrincipalName.toLowerCase(Locale.ROOT);
    }

    private static final class Recorder implements FixedKeyProcessor<String, ClassifiedEvent, Void> {

        private SignInLog log;

        @Override
        public void init(FixedKeyProcessorContext<String, Void> context) {
            // a fresh log also when a task is revived after an aborted transaction: its filters saw what was rolled back
            log = new SignInLog(context.getStateStore(STORE), FILTERS_PER_TASK);
        }

        @Override
        public void process(FixedKeyRecord<String, ClassifiedEvent> record) {
            String user = record.value().event().userPrincipalName();
            if (user != null) {
                log.record(key(record.key(), user), SignInSummary.of(record.value()));
            }
        }

        @Override
        public void close() {
            log.forgetFilters();
        }
    }
}
