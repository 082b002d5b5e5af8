package io.gatewatch.app.topology;

import static io.gatewatch.app.topology.TestEvents.azureRecord;
import static io.gatewatch.app.topology.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewatch.schema.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;

/** {@code alerts.format}: OCSF Detection Findings beside Gatewatch's alerts, or instead of them. */
class OcsfAlertsTest {

    private static final Instant T0 = Instant.parse("2025-11-14T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestOutputTopic<String, String> ocsf(TopologyFixture f) {
        return f.driver.createOutputTopic(f.config.topics().alertsOcsf().name(), new StringDeserializer(),
                new StringDeserializer());
    }

    @Test
    void bothFormatsCarryTheSameAlertUnderTheSameId() throws Exception {
        try (TopologyFixture f = new TopologyFixture(Map.of("alerts.format", "both"))) {
            f.signIn(envelope(azureRecord("a1", "t1", "locked@x.com", 50053, T0)));

            List<Alert> alerts = f.alerts.readValuesToList();
            List<String> findings = ocsf(f).readValuesToList();

            assertThat(alerts).extracting(Alert::rule).containsExactly("ACCOUNT_LOCKOUT");
            assertThat(findings).hasSize(1);
            JsonNode finding = JSON.readTree(findings.get(0));
            assertThat(finding.get("class_uid").asInt()).isEqualTo(2004);
            assertThat(finding.get("type_uid").asInt()).isEqualTo(200401);
            assertThat(finding.get("finding_info").get("uid").asText()).isEqualTo(alerts.get(0).alertId());
            assertThat(finding.get("metadata").get("tenant_uid").asText()).isEqualTo("t1");
            assertThat(finding.get("observables").get(0).get("value").asText()).isEqualTo("locked@x.com");
        }
    }

    @Test
    void ocsfAloneLeavesTheGatewatchAlertTopicEmptyAndDefaultWritesNoFindings() {
        try (TopologyFixture f = new TopologyFixture(Map.of("alerts.format", "ocsf"))) {
            f.signIn(envelope(azureRecord("a1", "t1", "locked@x.com", 50053, T0)));
            assertThat(f.alerts.isEmpty()).isTrue();
            assertThat(ocsf(f).readValuesToList()).hasSize(1);
        }
        try (TopologyFixture f = new TopologyFixture()) {
            f.signIn(envelope(azureRecord("a1", "t1", "locked@x.com", 50053, T0)));
            assertThat(f.alerts.readValuesToList()).hasSize(1);
            assertThat(ocsf(f).isEmpty()).isTrue();
            assertThat(f.config.topics().used(f.config.alertFormat())).doesNotContain("signin-alerts-ocsf");
        }
    }
}
