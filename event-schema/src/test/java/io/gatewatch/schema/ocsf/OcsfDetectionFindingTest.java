package io.gatewatch.schema.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.AttackIds;
import io.gatewatch.schema.AttackNames;
import io.gatewatch.schema.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every attribute OCSF 1.1 requires of a Detection Finding (class 2004): the base event's
 * activity_id, category_uid, class_uid, type_uid (class_uid * 100 + activity_id), severity_id,
 * time and metadata (product, schema version), and the finding's finding_info with its uid —
 * with the values the schema's enumerations allow, and the captions matching their ids; and the
 * rule's ATT&CK ids as finding_info.attacks, OCSF 1.1 attack objects (tactic, technique,
 * sub_technique, each uid and name, and version).
 */
class OcsfDetectionFindingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-11-02T10:15:30Z");
    private static final Map<Integer, String> SEVERITIES = Map.of(0, "Unknown", 1, "Informational", 2, "Low",
            3, "Medium", 4, "High", 5, "Critical", 6, "Fatal", 99, "Other");
    private static final Map<Integer, String> ACTIVITIES = Map.of(1, "Create", 2, "Update", 3, "Close");
    /** OCSF observable type_ids: Hostname 1, IP Address 2, User Name 4. */
    private static final Set<Integer> OBSERVABLE_TYPES = Set.of(1, 2, 4);

    private static Alert alert(Severity severity, AlertEntity entity) {
        return alert(severity, entity, AttackIds.NONE);
    }

    private static Alert alert(Severity severity, AlertEntity entity, AttackIds attack) {
        return new Alert("6f1c2f9e-1d7b-3a52-9a63-0b1d2c3e4f50", "BRUTE_FORCE", severity, "tenant-1", entity,
                T.minusSeconds(600), T, T.minusSeconds(300), T, 12, 10, 1, 2, List.of("corr-1", "corr-2"),
                "12 wrong passwords within 10 min.", List.of("Reset the password.", "Check the sign-ins."),
                T.plusSeconds(2), null, attack);
    }

    /** The finding as a consumer reads it: serialised and parsed back. */
    private static JsonNode finding(Alert alert) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(OcsfDetectionFinding.of(alert)));
    }

    @ParameterizedTest
    @EnumSource(Severity.class)
    void everyRequiredAttributeIsPresentWithAnAllowedValue(Severity severity) throws Exception {
        JsonNode f = finding(alert(severity, new AlertEntity("user", "alice@contoso.com")));

        assertThat(f.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(f.get("category_uid").asInt()).isEqualTo(2);
        assertThat(ACTIVITIES).containsKey(f.get("activity_id").asInt());
        assertThat(f.get("activity_name").asText()).isEqualTo(ACTIVITIES.get(f.get("activity_id").asInt()));
        assertThat(f.get("type_uid").asLong()).isEqualTo(2004 * 100L + f.get("activity_id").asInt());
        assertThat(SEVERITIES).containsKey(f.get("severity_id").asInt());
        assertThat(f.get("severity").asText()).isEqualTo(SEVERITIES.get(f.get("severity_id").asInt()));
        assertThat(f.get("time").isIntegralNumber()).as("time is epoch milliseconds").isTrue();
        assertThat(f.get("time").asLong()).isEqualTo(T.plusSeconds(2).toEpochMilli());
        assertThat(f.get("metadata").get("version").asText()).matches("1\\.1\\.\\d+");
        assertThat(f.get("metadata").get("product").get("name").asText()).isEqualTo("Gatewatch");
        assertThat(f.get("metadata").get("product").get("vendor_name").asText()).isNotBlank();
        assertThat(f.get("finding_info").get("uid").asText()).isEqualTo("6f1c2f9e-1d7b-3a52-9a63-0b1d2c3e4f50");
        assertThat(f.get("finding_info").get("title").asText()).isEqualTo("BRUTE_FORCE");
    }

    @ParameterizedTest
    @EnumSource(Severity.class)
    void severitiesMapInOrder(Severity severity) throws Exception {
        int id = finding(alert(severity, new AlertEntity("tenant", "tenant-1"))).get("severity_id").asInt();
        assertThat(id).isEqualTo(severity.ordinal() + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user:alice@contoso.com", "ip:198.51.100.7", "user+ip:alice@contoso.com|198.51.100.7",
            "user+org:alice@contoso.com|contoso.crm4.dynamics.com", "tenant:tenant-1"})
    void entitiesBecomeTypedObservablesAndNothingOfTheAlertIsLost(String entity) throws Exception {
        String[] parts = entity.split(":", 2);
        Alert alert = alert(Severity.HIGH, new AlertEntity(parts[0], parts[1]));
        JsonNode f = finding(alert);

        JsonNode observables = f.path("observables");
        int expected = parts[0].equals("tenant") ? 0 : parts[0].contains("+") ? 2 : 1;
        assertThat(observables.size()).isEqualTo(expected);
        observables.forEach(o -> {
            assertThat(OBSERVABLE_TYPES).contains(o.get("type_id").asInt());
            assertThat(parts[1]).contains(o.get("value").asText());
        });
        assertThat(f.get("metadata").get("tenant_uid").asText()).isEqualTo("tenant-1");
        assertThat(f.get("start_time").asLong()).isEqualTo(alert.firstSeen().toEpochMilli());
        assertThat(f.get("end_time").asLong()).isEqualTo(alert.lastSeen().toEpochMilli());
        assertThat(f.get("finding_info").get("related_events").size()).isEqualTo(2);
        JsonNode own = f.get("unmapped").get("gatewatch");
        assertThat(own.get("entity").get("value").asText()).isEqualTo(parts[1]);
        assertThat(own.get("count").asLong()).isEqualTo(12);
        assertThat(f.get("remediation").get("desc").asText()).contains("Reset the password.");
    }

    @Test
    void theRulesAttackIdsAreFindingInfoAttacksWithTheirNames() throws Exception {
        Alert alert = alert(Severity.HIGH, new AlertEntity("ip", "198.51.100.7"),
                new AttackIds(List.of("TA0006"), List.of("T1110.003")));

        JsonNode f = finding(alert);

        assertThat(f.get("finding_info").get("attacks")).isEqualTo(JSON.readTree("""
                [{"tactic": {"uid": "TA0006", "name": "Credential Access"},
                  "technique": {"uid": "T1110", "name": "Brute Force"},
                  "sub_technique": {"uid": "T1110.003", "name": "Password Spraying"},
                  "version": "%s"}]""".formatted(AttackNames.version())));
        assertThat(f.has("attacks")).as("no security_control profile, no top-level attacks").isFalse();
    }

    @Test
    void anAlertWithoutIdsHasNoAttacks() throws Exception {
        JsonNode f = finding(alert(Severity.HIGH, new AlertEntity("user", "alice@contoso.com"), AttackIds.NONE));

        assertThat(f.get("finding_info").has("attacks")).isFalse();
        assertThat(f.has("attacks")).isFalse();
    }

    @Test
    void everyTechniqueIsPairedWithEveryTacticAndASubTechniqueStandsForItsParent() throws Exception {
        Alert alert = alert(Severity.HIGH, new AlertEntity("user", "alice@contoso.com"), new AttackIds(
                List.of("TA0001", "TA0005"), List.of("T1078", "T1078.004", "T1550.001")));

        JsonNode attacks = finding(alert).get("finding_info").get("attacks");

        assertThat(attacks.size()).isEqualTo(4);
        List<String> pairs = new ArrayList<>();
        attacks.forEach(a -> pairs.add(a.get("tactic").get("uid").asText() + " "
                + a.get("technique").get("uid").asText() + " " + a.get("sub_technique").get("uid").asText()));
        assertThat(pairs).containsExactly("TA0001 T1078 T1078.004", "TA0005 T1078 T1078.004",
                "TA0001 T1550 T1550.001", "TA0005 T1550 T1550.001");
        assertThat(attacks.get(3).get("tactic").get("name").asText()).isEqualTo("Defense Evasion");
        assertThat(attacks.get(3).get("technique").get("name").asText())
                .isEqualTo("Use Alternate Authentication Material");
        assertThat(attacks.get(3).get("sub_technique").get("name").asText()).isEqualTo("Application Access Token");
        attacks.forEach(a -> assertThat(a.has("tactics")).as("deprecated in 1.1").isFalse());
    }

    @Test
    void withOneTacticEveryTechniqueIsUnderItAndWithoutTechniquesEachTacticStandsAlone() throws Exception {
        JsonNode one = finding(alert(Severity.HIGH, new AlertEntity("user", "alice@contoso.com"),
                new AttackIds(List.of("TA0006"), List.of("T1621", "T1110")))).get("finding_info").get("attacks");
        JsonNode tacticsOnly = finding(alert(Severity.HIGH, new AlertEntity("user", "alice@contoso.com"),
                new AttackIds(List.of("TA0006", "TA0040"), List.of()))).get("finding_info").get("attacks");

        assertThat(one.size()).isEqualTo(2);
        one.forEach(a -> assertThat(a.get("tactic").get("uid").asText()).isEqualTo("TA0006"));
        assertThat(one.get(0).get("technique").get("name").asText())
                .isEqualTo("Multi-Factor Authentication Request Generation");
        assertThat(one.get(0).has("sub_technique")).isFalse();
        assertThat(tacticsOnly.size()).isEqualTo(2);
        assertThat(tacticsOnly.get(1).get("tactic").get("name").asText()).isEqualTo("Impact");
        assertThat(tacticsOnly.get(1).has("technique")).isFalse();
    }

    @Test
    void anIdWithoutAKnownNameIsWrittenWithItsUidOnly() throws Exception {
        JsonNode attacks = finding(alert(Severity.HIGH, new AlertEntity("user", "alice@contoso.com"),
                new AttackIds(List.of(), List.of("T1999.001")))).get("finding_info").get("attacks");

        assertThat(attacks).isEqualTo(JSON.readTree("""
                [{"technique": {"uid": "T1999"}, "sub_technique": {"uid": "T1999.001"}}]"""));
    }

    @Test
    void anUpdateIsTheSameFindingWithActivityUpdateAndCarriesTriageEvidenceAndPivots() {
        Alert created = alert(Severity.HIGH, new AlertEntity("ip", "198.51.100.7")).withDetails(
                List.of("Block the address with a named location."),
                List.of(new io.gatewatch.schema.TriageAnswer("Did any targeted user sign in afterwards?",
                        "0 of the 5 targeted users signed in afterwards.")),
                new io.gatewatch.schema.AlertEvidence(List.of("ann@contoso.com"), 5, List.of(), 0, List.of(), List.of("US"),
                        List.of(), List.of(), 0, new io.gatewatch.schema.AlertEvidence.SignedInAfterwards(5, List.of())),
                new io.gatewatch.schema.AlertPivots("SigninLogs | take 1", "GET https://graph.microsoft.com/v1.0/auditLogs/signIns"));
        Alert update = created.asUpdateOf(created.alertId());

        JsonNode first = OcsfDetectionFinding.of(created);
        JsonNode later = OcsfDetectionFinding.of(update);

        assertThat(first.get("activity_id").asInt()).isEqualTo(1);
        assertThat(later.get("activity_id").asInt()).isEqualTo(2);
        assertThat(later.get("activity_name").asText()).isEqualTo("Update");
        assertThat(later.get("type_uid").asLong()).isEqualTo(200402);
        assertThat(later.get("finding_info").get("uid")).isEqualTo(first.get("finding_info").get("uid"));
        assertThat(later.get("remediation").get("desc").asText()).isEqualTo("Block the address with a named location.");
        JsonNode own = later.get("unmapped").get("gatewatch");
        assertThat(own.get("update").asBoolean()).isTrue();
        assertThat(own.get("triage").get(0).get("answer").asText()).startsWith("0 of the 5");
        assertThat(own.get("evidence").get("usersTotal").asInt()).isEqualTo(5);
        assertThat(own.get("pivots").get("kql").asText()).startsWith("SigninLogs");
    }
}
