package io.gatewatch.app.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.AttackIds;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.read.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The alert serde of the alerts topic and the {@code recent-alerts} store ({@link GatewatchSerdes#ALERT}):
 * an alert as written before alerts carried ATT&CK ids ({@code golden/alerts/alert-before-attack.json},
 * no {@code attack}) is still read, with {@link AttackIds#NONE}, so a store or topic written by the
 * previous release is read by this one; and today's alert is the old fields plus {@code attack}.
 */
class AlertFormatTest {

    private static final AttackIds BRUTE_FORCE = new AttackIds(List.of("TA0006"), List.of("T1110", "T1110.001"));

    @Test
    void anAlertWrittenBeforeAttackExistedIsReadWithNone() throws IOException {
        byte[] old = golden();

        Alert alert = GatewatchSerdes.ALERT.deserializer().deserialize("signin-alerts", old);

        assertThat(alert.attack()).isEqualTo(AttackIds.NONE);
        assertThat(alert.rule()).isEqualTo("BRUTE_FORCE");
        assertThat(alert.entity()).isEqualTo(new AlertEntity("user", "adele.vance@contoso.com"));
        assertThat(alert.remediation()).hasSize(2);
        assertThat(alert.detectedAt()).isEqualTo(Instant.parse("2025-11-14T10:04:10.250Z"));
    }

    @Test
    void todaysAlertIsTheOldFieldsPlusAttackTriageEvidencePivotsAndUpdate() throws IOException {
        Alert old = GatewatchSerdes.ALERT.deserializer().deserialize("signin-alerts", golden());
        Alert today = new Alert(old.alertId(), old.rule(), old.severity(), old.tenantId(), old.entity(),
                old.windowStart(), old.windowEnd(), old.firstSeen(), old.lastSeen(), old.count(), old.threshold(),
                old.distinctUsers(), old.distinctIps(), old.correlationIds(), old.summary(), old.remediation(),
                old.detectedAt(), old.relatedAlertId(), BRUTE_FORCE);

        byte[] bytes = GatewatchSerdes.ALERT.serializer().serialize("signin-alerts", today);
        JsonNode written = JsonMappers.internal().readTree(bytes);
        JsonNode before = JsonMappers.internal().readTree(golden());

        List<String> fields = new ArrayList<>();
        written.fieldNames().forEachRemaining(fields::add);
        List<String> oldFields = new ArrayList<>();
        before.fieldNames().forEachRemaining(oldFields::add);
        oldFields.addAll(List.of("attack", "triage", "evidence", "pivots", "update"));
        assertThat(fields).containsExactlyElementsOf(oldFields);
        ((ObjectNode) written).remove(List.of("attack", "triage", "evidence", "pivots", "update"));
        assertThat(written).isEqualTo(before);
        assertThat(GatewatchSerdes.ALERT.deserializer().deserialize("signin-alerts", bytes)).isEqualTo(today);
    }

    @Test
    void theIdsRoundTripAndAnAlertWithoutIdsSaysSo() {
        Instant t = Instant.parse("2025-11-14T10:00:00Z");
        Alert none = new Alert("a-1", "ACCOUNT_LOCKOUT", Severity.MEDIUM, "t1", new AlertEntity("user", "x@y.com"),
                t, t, t, t, 1, 1, null, null, List.of(), "locked", List.of(), t, null, null);

        byte[] bytes = GatewatchSerdes.ALERT.serializer().serialize("signin-alerts", none);

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("\"attack\":{\"tactics\":[],\"techniques\":[]},").endsWith("\"update\":false}");
        assertThat(GatewatchSerdes.ALERT.deserializer().deserialize("signin-alerts", bytes).attack())
                .isEqualTo(AttackIds.NONE);
    }

    private static byte[] golden() throws IOException {
        try (InputStream in = AlertFormatTest.class.getResourceAsStream("/golden/alerts/alert-before-attack.json")) {
            return in.readAllBytes();
        }
    }
}
