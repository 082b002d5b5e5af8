package io.gatewatch.app.topology;

import static io.gatewatch.app.topology.TestEvents.T0;
import static io.gatewatch.app.topology.TestEvents.envelope;
import static io.gatewatch.app.topology.TestEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.diagnose.SignInSummary;
import io.gatewatch.schema.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

/**
 * Service principal and managed identity sign-ins through the whole topology: read, deduplicated
 * and classified like any sign-in, but no alert, no rule window and no entry in anyone's sign-in
 * history (what the diagnosis reads), even when a record carries a user's name.
 */
class WorkloadIdentityTopologyTest {

    /** An Azure Monitor record of a workload category, the shape of Elastic's fixtures, a user's name put in. */
    private static String workload(String category, String id, int code, Instant time) {
        return "{\"time\":\"" + time + "\",\"category\":\"" + category + "\",\"tenantId\":\"t1\",\"resultType\":\"" + code
                + "\",\"callerIpAddress\":\"198.51.100.4\",\"properties\":{\"id\":\"" + id + "\",\"createdDateTime\":\""
                + time + "\",\"userPrincipalName\":\"locked@x.com\",\"userId\":null,\"appId\":\"6131d760-7fda-4db5-8bb1-b771898e9f15\","
                + "\"ipAddress\":\"198.51.100.4\",\"status\":{\"errorCode\":" + code + "},\"riskLevelDuringSignIn\":\"high\","
                + "\"riskState\":\"atRisk\",\"servicePrincipalName\":\"Contoso Sync\","
                + "\"servicePrincipalId\":\"b029d485-a308-4311-8720-fb3192e5284e\",\"clientCredentialType\":\"clientSecret\"}}";
    }

    @Test
    void workloadIdentitySignInsRaiseNothingAndEnterNoHistory() {
        try (TopologyFixture f = new TopologyFixture()) {
            List<String> records = new ArrayList<>();
            for (int i = 0; i < 30; i++) { // lockouts, wrong secrets, risk blocks, risky successes
                int code = switch (i % 4) {
                    case 0 -> 50053;
                    case 1 -> 50126;
                    case 2 -> 53004;
                    default -> 0;
                };
                String category = i % 2 == 0 ? "ServicePrincipalSignInLogs" : "ManagedIdentitySignInLogs";
                records.add(workload(category, "w" + i, code, T0.plus(Duration.ofSeconds(i * 10L))));
            }
            f.signIn(envelope(records.toArray(String[]::new)));
            f.signIn(signIn("u1", "t1", "locked@x.com", 50053, T0.plus(Duration.ofMinutes(10))));

            List<Alert> alerts = f.alerts.readValuesToList();
            assertThat(alerts).as("the user's own lockout alone").singleElement().satisfies(alert -> {
                assertThat(alert.rule()).isEqualTo("ACCOUNT_LOCKOUT");
                assertThat(alert.entity().value()).isEqualTo("locked@x.com");
                assertThat(alert.correlationIds()).containsExactly("c-u1");
            });
            KeyValueStore<String, Object> windows = f.driver.getKeyValueStore("rule-windows");
            try (var all = windows.all()) {
                all.forEachRemaining(entry -> assertThat(entry.key).as("no window of the workloads' address")
                        .doesNotContain("198.51.100.4"));
            }
            WindowStore<String, SignInSummary> history = f.driver.getWindowStore(GatewatchTopology.HISTORY_STORE);
            assertThat(GatewatchTopology.history(history, "t1", "locked@x.com").recent())
                    .as("the user's history holds the user's sign-in, none of the workloads'")
                    .singleElement().satisfies(entry -> assertThat(entry.errorCode()).isEqualTo(50053));
        }
    }
}
