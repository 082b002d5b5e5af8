package io.gatewatch.app.topology;

import static io.gatewatch.app.topology.TestEvents.T0;
import static io.gatewatch.app.topology.TestEvents.access;
import static io.gatewatch.app.topology.TestEvents.azureRecord;
import static io.gatewatch.app.topology.TestEvents.envelope;
import static io.gatewatch.app.topology.TestEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatewatch.schema.Alert;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.DynamicsOrg;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.TenantAggregate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.assertj.core.groups.Tuple;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

/** The whole topology under TopologyTestDriver, with explicit event times. */
class GatewatchTopologyTest {

    /** The topology under test; {@link KafkaRecordCacheTopologyTest} runs every test on the other store cache. */
    TopologyFixture fixture() {
        return new TopologyFixture();
    }

    /** Moves stream time past the window end + grace so earlier windows close. */
    private static void advance(TopologyFixture f, String tenant, Instant to) {
        f.signIn(signIn("tick-" + to.toEpochMilli(), tenant, "ticker@x.com", 0, to));
    }

    @Test
    void envelopeIsSplitAndEachWindowIsEmittedOnceWhenItCloses() {
        try (TopologyFixture f = fixture()) {
            f.signIn(envelope(azureRecord("a1", "t1", "u1@x.com", 0, T0), azureRecord("a2", "t1", "u2@x.com", 50126,
                    T0.plusSeconds(5)), azureRecord("a3", "t2", "u3@x.com", 50140, T0.plusSeconds(10))));
            assertThat(f.aggregates.isEmpty()).as("window still open").isTrue();

            advance(f, "t1", T0.plus(Duration.ofMinutes(2)));
            advance(f, "t1", T0.plus(Duration.ofMinutes(3)));

            List<TenantAggregate> closed = f.aggregates.readValuesToList();
            assertThat(closed).as("one final record per tenant for the closed window; later windows still open")
                    .extracting(TenantAggregate::tenantId, TenantAggregate::windowStart)
                    .containsExactlyInAnyOrder(Tuple.tuple("t1", T0),
                            Tuple.tuple("t2", T0));
            TenantAggregate t1 = closed.stream().filter(a -> a.tenantId().equals("t1") && a.total() == 2).findFirst()
                    .orElseThrow();
            assertThat(t1.windowStart()).isEqualTo(T0);
            assertThat(t1.windowEnd()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
            assertThat(t1.byOutcome()).containsEntry(Outcome.SUCCESS, 1L).containsEntry(Outcome.FAILURE, 1L);
            assertThat(t1.byCategory()).containsEntry(Category.INVALID_CREDENTIALS, 1L);
            assertThat(t1.distinctUsersByCategory()).containsEntry(Category.INVALID_CREDENTIALS, 1);
            assertThat(t1.topErrorCodes()).containsEntry(50126, 1L);
        }
    }

    @Test
    void duplicatesAreDroppedEvenHoursLaterButNotAfterTheHorizon() {
        try (TopologyFixture f = fixture()) {
            f.signIn(signIn("d1", "t1", "u@x.com", 50053, T0));
            f.signIn(signIn("d1", "t1", "u@x.com", 50053, T0));
            advance(f, "t1", T0.plus(Duration.ofHours(5)));
            f.signIn(signIn("d1", "t1", "u@x.com", 50053, T0)); // the same record re-delivered 5 h later
            assertThat(f.registry.get("gatewatch.dedup.duplicates").counter().count()).isEqualTo(2.0);

            // 25 h later, past the 24 h horizon: the mark is gone, so the record passes dedup (and is
            // then too old for its aggregate window, kept 6 h: counted as expired, not as a duplicate)
            advance(f, "t1", T0.plus(Duration.ofHours(25)));
            f.signIn(signIn("d1", "t1", "u@x.com", 50053, T0));
            assertThat(f.registry.get("gatewatch.dedup.duplicates").counter().count()).isEqualTo(2.0);
            assertThat(f.registry.get("gatewatch.aggregate.expired").counter().count()).isEqualTo(1.0);

            advance(f, "t1", T0.plus(Duration.ofHours(26)));
            List<TenantAggregate> windows = f.aggregates.readValuesToList();
            assertThat(windows.stream().filter(a -> a.windowStart().equals(T0)).mapToLong(TenantAggregate::total).sum())
                    .isEqualTo(1);
        }
    }

    @Test
    void theSameIdAtAnotherSecondIsAnotherEventAndTenantsDoNotShareIds() {
        try (TopologyFixture f = fixture()) {
            f.signIn(signIn("d1", "t1", "u@x.com", 50053, T0));
            f.signIn(signIn("d1", "t1", "u@x.com", 50053, T0.plusMillis(400))); // same second
            f.signIn(signIn("d1", "t1", "u@x.com", 50053, T0.plusSeconds(1)));
            f.signIn(signIn("d1", "t2", "u@x.com", 50053, T0));
            f.signIn(signIn("d2", "t1", "u@x.com", 50053, T0));
            advance(f, "t1", T0.plus(Duration.ofMinutes(5)));
            advance(f, "t2", T0.plus(Duration.ofMinutes(5)));

            assertThat(f.registry.get("gatewatch.dedup.duplicates").counter().count()).isEqualTo(1.0);
            List<TenantAggregate> windows = f.aggregates.readValuesToList();
            assertThat(windows.stream().filter(a -> a.windowStart().equals(T0) && a.tenantId().equals("t1"))
                    .mapToLong(TenantAggregate::total).sum()).isEqualTo(3);
            assertThat(windows.stream().filter(a -> a.windowStart().equals(T0) && a.tenantId().equals("t2"))
                    .mapToLong(TenantAggregate::total).sum()).isEqualTo(1);
        }
    }

    @Test
    void ruleWindowsIdleForFortyEightHoursArePurged() {
        try (TopologyFixture f = fixture()) {
            f.signIn(signIn("w1", "t1", "typo@x.com", 50126, T0)); // one wrong password opens the user's windows
            KeyValueStore<String, Object> windows = f.driver.getKeyValueStore("rule-windows");
            long opened = count(windows);
            assertThat(opened).as("windows opened by the failure").isPositive();

            // a success of someone else every few hours moves stream time; the failure's windows stay
            // until 48 h (the longest window) + grace have passed and the ten-minute purge has run
            // (ticks from no address, so they touch no address window)
            for (int hour = 4; hour <= 48; hour += 4) {
                f.signIn(azureRecord("tick-h" + hour, "t1", "ticker@x.com", 0, T0.plus(Duration.ofHours(hour))));
            }
            assertThat(count(windows)).as("at 48 h").isEqualTo(opened);
            f.signIn(azureRecord("tick-late1", "t1", "ticker@x.com", 0, T0.plus(Duration.ofHours(48)).plus(Duration.ofMinutes(15))));
            f.signIn(azureRecord("tick-late2", "t1", "ticker@x.com", 0, T0.plus(Duration.ofHours(48)).plus(Duration.ofMinutes(30))));
            assertThat(count(windows)).as("after 48 h + grace, purged").isZero();
        }
    }

    /**
     * {@code aggregate.retention} (6 h): a closed minute window stays in the store the API reads for
     * that long at least. (Past it, RocksDB drops it with its segment; a copy still in the record
     * cache may show a little longer, so docs/operations.md#configuration-keys promises "at least".)
     */
    @Test
    void closedWindowsStayQueryableForTheRetention() {
        try (TopologyFixture f = fixture()) {
            f.signIn(signIn("q1", "t1", "u@x.com", 50126, T0.plusSeconds(5)));
            WindowStore<String, Object> minutes = f.driver.getWindowStore(GatewatchTopology.AGGREGATE_STORE);

            advance(f, "t1", T0.plus(Duration.ofHours(5)));
            assertThat(windowStarts(minutes, "t1", T0)).as("5 h later").containsExactly(T0);
            advance(f, "t1", T0.plus(Duration.ofHours(6)).minusSeconds(60));
            assertThat(windowStarts(minutes, "t1", T0)).as("just inside the 6 h retention").containsExactly(T0);
        }
    }

    private static List<Instant> windowStarts(WindowStore<String, Object> store, String tenant, Instant around) {
        List<Instant> starts = new java.util.ArrayList<>();
        try (var windows = store.fetch(tenant, around.minusSeconds(60), around.plusSeconds(60))) {
            windows.forEachRemaining(w -> starts.add(Instant.ofEpochMilli(w.key)));
        }
        return starts;
    }

    private static long count(KeyValueStore<String, Object> store) {
        long n = 0;
        try (var all = store.all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }

    @Test
    void aLateEventCorrectsItsClosedWindowAndOnlyEventsPastTheRetentionAreLeftOut() {
        try (TopologyFixture f = fixture()) {
            f.signIn(signIn("e1", "t1", "u@x.com", 0, T0.plusSeconds(10)));
            f.signIn(signIn("e2", "t1", "u@x.com", 0, T0.plusSeconds(80)));
            f.signIn(signIn("within-grace", "t1", "u@x.com", 0, T0.plusSeconds(20)));
            advance(f, "t1", T0.plusSeconds(200)); // window T0 closes at T0 + 1 min + 2 min grace
            f.signIn(signIn("after-close", "t1", "u@x.com", 50126, T0.plusSeconds(30)));
            advance(f, "t1", T0.plus(Duration.ofHours(7)));
            f.signIn(signIn("past-retention", "t1", "u@x.com", 0, T0.plusSeconds(40))); // aggregate.retention 6 h

            List<TenantAggregate> t0 = f.aggregates.readValuesToList().stream()
                    .filter(a -> a.windowStart().equals(T0)).toList();
            assertThat(t0).extracting(TenantAggregate::total, TenantAggregate::correction)
                    .containsExactly(tuple(2L, false), tuple(3L, true));
            assertThat(t0.get(1).byOutcome()).containsEntry(Outcome.FAILURE, 1L);
            assertThat(f.registry.get("gatewatch.aggregate.corrections").counter().count()).isEqualTo(1.0);
            assertThat(f.registry.get("gatewatch.aggregate.expired").counter().count()).isEqualTo(1.0);
        }
    }

    @Test
    void perEventAlertsAreSuppressedPerIncident() {
        try (TopologyFixture f = fixture()) {
            f.signIn(signIn("l1", "t1", "locked@x.com", 50053, T0));
            f.signIn(signIn("l2", "t1", "locked@x.com", 50053, T0.plus(Duration.ofMinutes(30))));
            f.signIn(signIn("l3", "t1", "other@x.com", 50053, T0.plus(Duration.ofMinutes(31))));
            f.signIn(signIn("l4", "t1", "locked@x.com", 50053, T0.plus(Duration.ofMinutes(61))));
            f.signIn(signIn("f1", "t1", "mfa@x.com", 500121, T0, ",\"additionalDetails\":\"MFA denied; Phone App Reported Fraud\""));

            List<Alert> alerts = f.alerts.readValuesToList();
            assertThat(alerts).extracting(Alert::rule, a -> a.entity().value()).containsExactly(
                    Tuple.tuple("ACCOUNT_LOCKOUT", "locked@x.com"),
                    Tuple.tuple("ACCOUNT_LOCKOUT", "other@x.com"),
                    Tuple.tuple("ACCOUNT_LOCKOUT", "locked@x.com"),
                    Tuple.tuple("MFA_FRAUD_REPORTED", "mfa@x.com"));
            assertThat(alerts.get(0).alertId()).isNotEqualTo(alerts.get(2).alertId());
            assertThat(alerts.get(3).remediation()).isNotEmpty();
        }
    }

    @Test
    void dynamicsAccessJoinsTheOrgDirectoryAndLearnsFromSuccess() {
        try (TopologyFixture f = fixture()) {
            f.orgs.pipeInput("contoso", new DynamicsOrg("contoso", "t1", "crm4"));
            f.access(access("x1", "t1", "a@x.com", "https://contoso.crm.dynamics.com/main.aspx", "-2147204784", T0));
            f.access(access("x2", "t1", "b@x.com", "https://fabrikam.crm11.dynamics.com/", "0", T0));
            f.access(access("x3", "t1", "b@x.com", "https://fabrikam.crm.dynamics.com/", "-2147204784", T0.plusSeconds(1)));
            f.access(access("x4", "t1", "c@x.com", "https://fabrikam.crm11.dynamics.com/", "\"0x80042f09\"", T0.plusSeconds(2)));

            List<Alert> alerts = f.alerts.readValuesToList();
            assertThat(alerts).extracting(Alert::rule).containsExactly("DYNAMICS_REGION_MISMATCH",
                    "DYNAMICS_REGION_MISMATCH", "DYNAMICS_MISSING_ROLE");
            assertThat(alerts.get(0).remediation().get(0)).contains("https://contoso.crm4.dynamics.com");
            assertThat(alerts.get(1).remediation().get(0)).contains("https://fabrikam.crm11.dynamics.com");
        }
    }

    @Test
    void alertIdsAreDeterministicAcrossRuns() {
        List<String> first;
        try (TopologyFixture f = fixture()) {
            f.signIn(signIn("l1", "t1", "locked@x.com", 50053, T0));
            first = f.alerts.readValuesToList().stream().map(Alert::alertId).toList();
        }
        try (TopologyFixture f = fixture()) {
            f.signIn(signIn("l1", "t1", "locked@x.com", 50053, T0));
            assertThat(f.alerts.readValuesToList()).extracting(Alert::alertId).isEqualTo(first).hasSize(1);
        }
    }
}
