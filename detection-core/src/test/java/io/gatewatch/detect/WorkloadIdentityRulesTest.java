package io.gatewatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.generator.GeneratedEvent;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.generator.format.JsonRecordEncoder;
import io.gatewatch.generator.format.OutputFormat;
import io.gatewatch.generator.scenario.ScenarioCatalog;
import io.gatewatch.generator.scenario.ScenarioSchedule;
import io.gatewatch.generator.scenario.ScenarioType;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.SignInEvent;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Service principal and managed identity sign-ins never reach a user rule: every scenario the
 * generator plants, replayed as Azure Monitor records of the workload categories (their user
 * fields left in, as a hand-made record may have them), raises no user alert and leaves no user,
 * address or tenant window or baseline — only the workload rules, keyed by the service principal,
 * see them — while the same records as user sign-ins alert.
 */
class WorkloadIdentityRulesTest {

    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyScenarioAsWorkloadIdentitySignInsRaisesNothingAndKeepsNoState() throws Exception {
        Run users = run(scenarioRecords(UnaryOperator.identity()));
        Run workloads = run(scenarioRecords(WorkloadIdentityRulesTest::asWorkloadIdentity));

        assertThat(users.alerts).as("the same records as user sign-ins alert").extracting(Alert::rule)
                .contains("BRUTE_FORCE", "PASSWORD_SPRAY", "ACCOUNT_LOCKOUT", "MFA_FATIGUE", "RISKY_SIGN_IN");
        assertThat(workloads.events).isNotEmpty().allSatisfy(event -> {
            assertThat(((SignInEvent) event).workloadIdentity()).isTrue();
            assertThat(event.userPrincipalName()).isNull();
        });
        assertThat(workloads.alerts).as("only workload rules alert on them")
                .allSatisfy(alert -> assertThat(alert.entity().type()).isEqualTo("servicePrincipal"));
        assertThat(workloads.memory.windows().keySet()).as("no user, address or tenant window counted them")
                .allSatisfy(key -> assertThat(key).contains("|servicePrincipal|"));
        assertThat(workloads.memory.baselines()).as("no tenant baseline learned from them").isEmpty();
    }

    /** Half service principals, half managed identities, each naming its principal. */
    private static JsonNode asWorkloadIdentity(JsonNode record) {
        ObjectNode copy = record.deepCopy();
        boolean managed = copy.path("properties").path("id").asText().hashCode() % 2 == 0;
        copy.put("category", managed ? "ManagedIdentitySignInLogs" : "ServicePrincipalSignInLogs");
        ObjectNode properties = (ObjectNode) copy.get("properties");
        properties.put("servicePrincipalId", "b029d485-a308-4311-8720-fb3192e5284e");
        properties.put("servicePrincipalName", managed ? "vm-identity" : "Contoso Sync");
        return copy;
    }

    private record Run(List<InputEvent> events, List<Alert> alerts, DetectionEngine.Memory memory) {
    }

    private static Run run(List<InputEvent> events) {
        OfflineAnalyzer analyzer = new OfflineAnalyzer(new OfflineAnalyzer.Settings(Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofHours(6), Duration.ofHours(24), RuleSettings.DEFAULTS),
                ClassificationData.defaults(), Map.of());
        List<Alert> alerts = new ArrayList<>();
        events.forEach(event -> analyzer.process(event, out -> {
            if (out instanceof Alert alert) {
                alerts.add(alert);
            }
        }));
        return new Run(events, alerts, analyzer.memory());
    }

    /** Every scenario that needs no learned baseline, an hour apart, as Azure Monitor sign-in records. */
    private static List<InputEvent> scenarioRecords(UnaryOperator<JsonNode> rewrite) throws Exception {
        SyntheticDirectory directory = SyntheticDirectory.generate(3, 3, 600);
        ScenarioSchedule schedule = new ScenarioSchedule(directory, 2);
        List<GeneratedEvent> planted = new ArrayList<>();
        int index = 1;
        for (ScenarioType type : ScenarioCatalog.all()) {
            if (!type.needsBaseline()) {
                planted.addAll(schedule.plant(type, index, START.plus(Duration.ofHours(index)), 0).events());
                index++;
            }
        }
        planted.sort(Comparator.comparing(GeneratedEvent::time));
        JsonRecordEncoder encoder = new JsonRecordEncoder(OutputFormat.AZURE_MONITOR, 1);
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        List<String> records = new ArrayList<>();
        for (GeneratedEvent event : planted) {
            if (event instanceof GeneratedEvent.SignIn) {
                encoder.encode(event, record -> records.add(record.json()));
            }
        }
        List<InputEvent> events = new ArrayList<>();
        for (String json : records) {
            JsonNode node = JSON.readTree(json);
            JsonNode members = node.has("records") ? node.get("records") : JSON.createArrayNode().add(node);
            for (JsonNode member : members) {
                byte[] bytes = JSON.writeValueAsBytes(rewrite.apply(member));
                for (ReadResult result : decoder.decode(bytes, "event")) {
                    events.add(((ReadResult.Read) result).event());
                }
            }
        }
        return events;
    }
}
