package io.gatewatch.app.api;

import io.gatewatch.app.topology.GatewatchTopology;
import io.gatewatch.diagnose.Diagnoser;
import io.gatewatch.diagnose.Diagnosis;
import io.gatewatch.diagnose.SignInSummary;
import io.gatewatch.diagnose.UserAlerts;
import io.gatewatch.diagnose.UserHistory;
import io.gatewatch.schema.Alert;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * {@code /users/{upn}/diagnosis} from this instance's stores: the user's history and the tenant's
 * alerts live on the tenant's partition, so the instance that owns the tenant answers both.
 */
final class DiagnosisQuery {

    private final KafkaStreams streams;
    private final Diagnoser diagnoser;
    private final Clock clock;

    DiagnosisQuery(KafkaStreams streams, Diagnoser diagnoser, Clock clock) {
        this.streams = streams;
        this.diagnoser = diagnoser;
        this.clock = clock;
    }

    Diagnosis diagnose(String tenant, String userPrincipalName) {
        String upn = userPrincipalName.toLowerCase(Locale.ROOT);
        ReadOnlyWindowStore<String, SignInSummary> signIns = streams.store(StoreQueryParameters.fromNameAndType(
                GatewatchTopology.HISTORY_STORE, QueryableStoreTypes.windowStore()));
        UserHistory history = GatewatchTopology.history(signIns, tenant, upn);
        Instant since = clock.instant().minus(UserAlerts.WINDOW);
        UserAlerts alerts = new UserAlerts(tenant, upn, history);
        ReadOnlyWindowStore<String, Alert> tenantAlerts = streams.store(StoreQueryParameters.fromNameAndType(
                GatewatchTopology.ALERTS_STORE, QueryableStoreTypes.windowStore()));
        // no upper bound: an alert stamped ahead of this clock is the newest there is. Newest first (the store
        // keeps alerts by last evidence), so the scan of a busy tenant stops at the first LIMIT on the user.
        try (WindowStoreIterator<Alert> newestFirst = tenantAlerts.backwardFetch(tenant, since,
                Instant.ofEpochMilli(Long.MAX_VALUE))) {
            while (newestFirst.hasNext() && !alerts.full()) {
                alerts.offer(newestFirst.next().value);
            }
        }
        return diagnoser.diagnose(upn, tenant, history, alerts.newestFirst(since));
    }
}
