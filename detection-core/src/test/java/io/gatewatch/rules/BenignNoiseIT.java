package io.gatewatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.classify.OrgDirectory;
import io.gatewatch.generator.format.AzureMonitorRecordBuilder;
import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.rules.baseline.BaselineRules;
import io.gatewatch.rules.baseline.TenantBaseline;
import io.gatewatch.rules.windowed.EntityWindow;
import io.gatewatch.rules.windowed.WindowedRuleEngine;
import io.gatewatch.rules.windowed.WindowedRules;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * False positives at default thresholds: two days of benign traffic (the baselines warm up on the
 * first), 1 000 000 sign-ins over 20
 * tenants and 5 000 users with normal failure rates (3 % typos, KMSI and MFA interrupts,
 * silent-SSO misses, expired sessions, a few expired passwords and CA blocks), read from real
 * Azure Monitor records and run through every rule, must raise no alert.
 */
class BenignNoiseIT {

    private static final int EVENTS = 1_000_000;

    @Test
    void twoDaysOfBenignTrafficRaiseNoAlert() {
        SyntheticDirectory directory = SyntheticDirectory.generate(42, 20, 5_000);
        BenignTraffic traffic = new BenignTraffic(directory, 42);
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        EventClassifier classifier = new EventClassifier(ClassificationData.defaults());
        List<EventRule> perEvent = PerEventRules.all(RuleSettings.DEFAULTS);
        WindowedRuleEngine windowed = new WindowedRuleEngine(WindowedRules.all(RuleSettings.DEFAULTS), Duration.ofMinutes(2));
        Map<String, EntityWindow> store = new HashMap<>();
        WindowedRuleEngine.Windows windows = WindowedRuleEngine.Windows.of(store::get, store::put);
        List<String> alerts = new ArrayList<>();
        Instant start = Instant.parse("2025-11-14T00:00:00Z");
        long stepMicros = Duration.ofDays(2).toNanos() / 1000 / EVENTS;
        BaselineRules baselineRules = new BaselineRules(RuleSettings.DEFAULTS);
        Map<String, TenantBaseline> baselines = new HashMap<>();
        for (int i = 0; i < EVENTS; i++) {
            byte[] record = AzureMonitorRecordBuilder.build(traffic.next(start.plusNanos(i * stepMicros * 1000)))
                    .toString().getBytes(StandardCharsets.UTF_8);
            for (ReadResult result : decoder.decode(record, "event " + i)) {
                InputEvent event = ((ReadResult.Read) result).event();
                ClassifiedEvent classified = new ClassifiedEvent(event, classifier.classify(event, OrgDirectory.EMPTY));
                for (EventRule rule : perEvent) {
                    Optional<Detection> detection = rule.evaluate(classified);
                    detection.ifPresent(d -> alerts.add(d.rule() + " " + d.entity().value()));
                }
                TenantBaseline baseline = baselines.computeIfAbsent(event.tenantId(), t -> new TenantBaseline());
                baselineRules.observe(baseline, classified).forEach(spike -> alerts.add(spike.rule() + ": " + spike.summary()));
                for (Alert alert : windowed.process(event.tenantId(), classified, windows, event.createdDateTime())) {
                    alerts.add(alert.rule() + " " + alert.entity().value() + ": " + alert.summary());
                }
            }
        }
        assertThat(alerts).as("alerts on benign traffic").isEmpty();
        assertThat(store).as("rules kept windows for the failures they saw").isNotEmpty();
        assertThat(baselines.values()).as("every baseline warmed up").allSatisfy(b -> assertThat(b.hoursSeen).isGreaterThan(24));
    }
}
