package io.gatewatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.generator.format.AzureMonitorRecordBuilder;
import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.rules.baseline.TenantBaseline;
import io.gatewatch.rules.windowed.EntityWindows;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import io.gatewatch.state.StateView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * False positives at default thresholds: two days of benign traffic (the baselines warm up on the
 * first), 1 000 000 sign-ins over 20 tenants and 5 000 users with normal failure rates (typos,
 * KMSI and MFA interrupts, silent-SSO misses, expired sessions, a few expired passwords and CA
 * blocks) and the generator's benign noise (proxy egress shared by hundreds of users, travellers,
 * typo runs, unanswered MFA prompts, a stale service account, a password-reset wave), read from
 * real Azure Monitor records and run through every rule, must raise no alert.
 */
class BenignNoiseIT {

    private static final int EVENTS = 1_000_000;

    @Test
    void twoDaysOfBenignTrafficRaiseNoAlert() {
        SyntheticDirectory directory = SyntheticDirectory.generate(42, 20, 5_000);
        BenignTraffic traffic = new BenignTraffic(directory, 42);
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        EventClassifier classifier = EventClassifier.offline(ClassificationData.defaults(), Map.of());
        DetectionEngine engine = new DetectionEngine(RuleSettings.DEFAULTS, Duration.ofMinutes(2));
        Map<String, EntityWindows> windows = new HashMap<>();
        Map<String, TenantBaseline> baselines = new HashMap<>();
        DetectionEngine.State state = new DetectionEngine.State(StateView.of(new HashMap<>()), StateView.of(windows),
                StateView.of(baselines));
        List<String> alerts = new ArrayList<>();
        Instant start = Instant.parse("2025-11-14T00:00:00Z");
        long stepMicros = Duration.ofDays(2).toNanos() / 1000 / EVENTS;
        for (int i = 0; i < EVENTS; i++) {
            byte[] record = AzureMonitorRecordBuilder.build(traffic.next(start.plusNanos(i * stepMicros * 1000)))
                    .toString().getBytes(StandardCharsets.UTF_8);
            for (ReadResult result : decoder.decode(record, "event " + i)) {
                InputEvent event = ((ReadResult.Read) result).event();
                ClassifiedEvent classified = new ClassifiedEvent(event, classifier.classify(event));
                for (Alert alert : engine.process(event.tenantId(), classified, state, event.createdDateTime())) {
                    alerts.add(alert.rule() + " " + alert.entity().value() + ": " + alert.summary());
                }
            }
        }
        assertThat(alerts).as("alerts on benign traffic").isEmpty();
        assertThat(windows).as("rules kept windows for the failures they saw").isNotEmpty();
        assertThat(baselines.values()).as("every baseline warmed up").allSatisfy(b -> assertThat(b.snapshot().hoursSeen()).isGreaterThan(24));
    }
}
