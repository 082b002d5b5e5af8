package io.gatewatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.generator.GeneratedEvent;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.generator.TrafficStream;
import io.gatewatch.generator.format.JsonRecordEncoder;
import io.gatewatch.generator.format.OutputFormat;
import io.gatewatch.generator.scenario.ScenarioCatalog;
import io.gatewatch.generator.scenario.ScenarioSchedule;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exceptions act before a rule keeps state: traffic an exception covers raises nothing and leaves
 * no window, incident or baseline behind, while the same traffic without it alerts and keeps state.
 */
class ExceptedTrafficTest {

    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

    @Test
    void exceptedAddressesRaiseNothingAndKeepNoState() {
        List<InputEvent> events = attacksAndBackground();

        Run plain = run(events, RuleSettings.DEFAULTS);
        Run excepted = run(events, RuleSettings.fromProperties(Map.of("exceptions.addresses", "0.0.0.0/0,::/0")));

        assertThat(plain.alerts).extracting(Alert::rule).contains("BRUTE_FORCE", "PASSWORD_SPRAY", "ACCOUNT_LOCKOUT");
        assertThat(plain.memory.windows()).isNotEmpty();
        assertThat(excepted.alerts).isEmpty();
        assertThat(excepted.memory.windows()).as("no rule kept a window").isEmpty();
        assertThat(excepted.memory.baselines()).as("no tenant baseline learned from excepted traffic").isEmpty();
    }

    @Test
    void aRulesOwnExceptionLeavesTheOtherRulesAlone() {
        List<InputEvent> events = attacksAndBackground();

        Run run = run(events, RuleSettings.fromProperties(Map.of("rule.BRUTE_FORCE.except-addresses", "198.18.0.0/15")));

        assertThat(run.alerts).extracting(Alert::rule).doesNotContain("BRUTE_FORCE", "BRUTE_FORCE_SUCCESS")
                .contains("PASSWORD_SPRAY", "ACCOUNT_LOCKOUT");
        assertThat(run.memory.windows().values()).as("no brute-force window for the attacker's sign-ins")
                .noneMatch(windows -> windows.get("BRUTE_FORCE") != null
                        && windows.get("BRUTE_FORCE").of("burst").stream().anyMatch(o -> o.ip().startsWith("198.18.")));
    }

    private record Run(List<Alert> alerts, DetectionEngine.Memory memory) {
    }

    private static Run run(List<InputEvent> events, RuleSettings settings) {
        OfflineAnalyzer analyzer = new OfflineAnalyzer(new OfflineAnalyzer.Settings(Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofHours(6), Duration.ofHours(24), settings), ClassificationData.defaults(),
                Map.of());
        List<Alert> alerts = new ArrayList<>();
        events.forEach(event -> analyzer.process(event, out -> {
            if (out instanceof Alert alert) {
                alerts.add(alert);
            }
        }));
        return new Run(alerts, analyzer.memory());
    }

    /** Three hours at 2 events/s with a brute force that succeeds, a spray and a lockout. */
    private static List<InputEvent> attacksAndBackground() {
        SyntheticDirectory directory = SyntheticDirectory.generate(3, 3, 600);
        ScenarioSchedule schedule = new ScenarioSchedule(directory, 2);
        List<GeneratedEvent> injected = new ArrayList<>();
        int index = 1;
        for (String name : List.of("brute-force-success", "password-spray", "account-lockout")) {
            injected.addAll(schedule.plant(ScenarioCatalog.named(name).orElseThrow(), index++,
                    START.plus(Duration.ofMinutes(20L * index)), 0).events());
        }
        TrafficStream stream = new TrafficStream(directory, 3, START, Duration.ofHours(3), 2, injected);
        JsonRecordEncoder encoder = new JsonRecordEncoder(OutputFormat.GRAPH, 1);
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        List<InputEvent> events = new ArrayList<>();
        while (stream.hasNext()) {
            encoder.encode(stream.next(), record -> {
                for (ReadResult result : decoder.decode(record.json().getBytes(StandardCharsets.UTF_8), "event")) {
                    events.add(((ReadResult.Read) result).event());
                }
            });
        }
        return events;
    }
}
