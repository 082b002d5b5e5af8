package io.gatewatch.app.topology;

import static io.gatewatch.app.topology.TestEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * CROSS_TENANT_SPRAY through the topology: a second repartition keyed by address, off unless
 * switched on (the default topology has neither the topic nor the stores).
 */
class CrossTenantTopologyTest {

    private static final Instant T0 = Instant.parse("2025-11-14T10:00:00Z");

    /** Two users of each of {@code tenants} tenants fail from 203.0.113.7 (the test events' address). */
    private static void spray(TopologyFixture f, int tenants) {
        for (int t = 0; t < tenants; t++) {
            for (int u = 0; u < 2; u++) {
                f.signIn(signIn("s" + t + "-" + u, "tenant-" + t, "user" + u + "@t" + t + ".example", 50126,
                        T0.plusSeconds(t * 60L + u)));
            }
        }
    }

    @Test
    void anAddressFailingAcrossFiveTenantsRaisesOneProviderAlertKeyedProvider() {
        try (TopologyFixture f = new TopologyFixture(Map.of("rule.CROSS_TENANT_SPRAY.enabled", "true"))) {
            spray(f, 6);

            List<KeyValue<String, Alert>> provider = f.alerts.readKeyValuesToList().stream()
                    .filter(kv -> kv.value.rule().equals("CROSS_TENANT_SPRAY")).toList();
            assertThat(provider).singleElement().satisfies(kv -> {
                assertThat(kv.key).isEqualTo("provider");
                assertThat(kv.value.tenantId()).isEqualTo("provider");
                assertThat(kv.value.entity().value()).isEqualTo("203.0.113.7");
            });
            assertThat(f.driver.producedTopicNames()).contains("gatewatch-test-by-address-repartition");
        }
    }

    @Test
    void offByDefaultWithNoSecondRepartition() {
        try (TopologyFixture f = new TopologyFixture()) {
            spray(f, 6);
            assertThat(f.alerts.readValuesToList()).extracting(Alert::rule).doesNotContain("CROSS_TENANT_SPRAY");
            assertThat(f.driver.producedTopicNames()).noneMatch(t -> t.contains("by-address"));
        }
    }
}
