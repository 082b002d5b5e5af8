package io.gatewatch.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewatch.schema.read.JsonMappers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An alert's JSON, as on the alerts topic and in the {@code recent-alerts} store: the ATT&CK ids
 * round-trip, and an alert written before alerts carried them (no {@code attack}) still reads,
 * with {@link AttackIds#NONE}.
 */
class AlertJsonTest {

    private static final Instant T = Instant.parse("2026-11-02T10:15:30Z");
    private static final AttackIds SPRAY = new AttackIds(List.of("TA0006"), List.of("T1110", "T1110.003"));

    /** An alert as Gatewatch wrote it before {@code attack} existed: every other field, no attack. */
    static final String WITHOUT_ATTACK = """
            {"alertId":"6f1c2f9e-1d7b-3a52-9a63-0b1d2c3e4f50","rule":"PASSWORD_SPRAY","severity":"HIGH",\
            "tenantId":"tenant-1","entity":{"type":"ip","value":"198.51.100.7"},\
            "windowStart":"2026-11-02T10:05:30Z","windowEnd":"2026-11-02T10:15:30Z",\
            "firstSeen":"2026-11-02T10:10:30Z","lastSeen":"2026-11-02T10:15:30Z","count":12,"threshold":10,\
            "distinctUsers":12,"distinctIps":1,"correlationIds":["corr-1"],"summary":"12 users from one address.",\
            "remediation":["Block the address."],"detectedAt":"2026-11-02T10:15:32Z","relatedAlertId":null}""";

    private static Alert alert(AttackIds attack) {
        return new Alert("6f1c2f9e-1d7b-3a52-9a63-0b1d2c3e4f50", "PASSWORD_SPRAY", Severity.HIGH, "tenant-1",
                new AlertEntity("ip", "198.51.100.7"), T.minusSeconds(600), T, T.minusSeconds(300), T, 12, 10, 12, 1,
                List.of("corr-1"), "12 users from one address.", List.of("Block the address."), T.plusSeconds(2),
                null, attack);
    }

    @Test
    void theAttackIdsRoundTripInJsonAndSmile() throws Exception {
        for (ObjectMapper mapper : List.of(JsonMappers.internal(), JsonMappers.internalBinary())) {
            Alert alert = alert(SPRAY);

            Alert read = mapper.readValue(mapper.writeValueAsBytes(alert), Alert.class);

            assertThat(read).isEqualTo(alert);
            assertThat(read.attack()).isEqualTo(SPRAY);
        }
    }

    @Test
    void theAttackIdsAreWrittenAsTacticsAndTechniques() throws Exception {
        JsonNode json = JsonMappers.internal().readTree(JsonMappers.internal().writeValueAsString(alert(SPRAY)));

        assertThat(json.get("attack").toString())
                .isEqualTo("{\"tactics\":[\"TA0006\"],\"techniques\":[\"T1110\",\"T1110.003\"]}");
        assertThat(JsonMappers.internal().readTree(JsonMappers.internal().writeValueAsString(alert(null)))
                .get("attack").toString()).isEqualTo("{\"tactics\":[],\"techniques\":[]}");
    }

    @Test
    void anAlertWithoutIdsRoundTrips() throws Exception {
        Alert alert = alert(AttackIds.NONE);

        Alert read = JsonMappers.internal().readValue(JsonMappers.internal().writeValueAsString(alert), Alert.class);

        assertThat(read).isEqualTo(alert);
        assertThat(read.attack()).isEqualTo(AttackIds.NONE);
    }

    @Test
    void anAlertWrittenBeforeAttackExistedReadsWithNone() throws Exception {
        Alert read = JsonMappers.internal().readValue(WITHOUT_ATTACK, Alert.class);

        assertThat(read.attack()).isEqualTo(AttackIds.NONE);
        assertThat(read).isEqualTo(alert(AttackIds.NONE));
        assertThat(JsonMappers.internal().readValue(WITHOUT_ATTACK.replace("\"relatedAlertId\":null",
                "\"relatedAlertId\":null,\"attack\":null"), Alert.class).attack()).isEqualTo(AttackIds.NONE);
    }

    @Test
    void anAlertWithoutAttackReadsInSmileToo() throws Exception {
        JsonNode old = JsonMappers.internal().readTree(WITHOUT_ATTACK);
        byte[] smile = JsonMappers.internalBinary().writeValueAsBytes(old);

        assertThat(JsonMappers.internalBinary().readValue(smile, Alert.class)).isEqualTo(alert(AttackIds.NONE));
    }

    @Test
    void aNullAttackIsNone() {
        assertThat(alert(null).attack()).isSameAs(AttackIds.NONE);
    }
}
