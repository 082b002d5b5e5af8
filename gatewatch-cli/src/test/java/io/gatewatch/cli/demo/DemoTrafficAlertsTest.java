package io.gatewatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.detect.OfflineAnalyzer;
import io.gatewatch.generator.GeneratedRecord;
import io.gatewatch.generator.TenantOrgs;
import io.gatewatch.generator.demo.DemoTraffic;
import io.gatewatch.generator.demo.PlantedScenario;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's first command must alarm only on what it plants: the demo's traffic at its
 * defaults, for an hour of event time (accelerated: each second is made at once), through the
 * rules the demo runs (its settings over the defaults, in the engine {@code analyze} runs, held
 * equal to the topology by {@code OfflineEquivalenceTest}). Every alert must be one a planted
 * scenario explains (its rule, tenant, entity and time), and every planted scenario must raise
 * what it expects.
 */
class DemoTrafficAlertsTest {

    private static final Duration EVENT_TIME = Duration.ofMinutes(60);
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void atItsDefaultsTheDemoAlertsOnlyOnWhatItPlants() {
        DemoTraffic traffic = new DemoTraffic(DemoTraffic.DEFAULT_TENANTS, 7, DemoTraffic.DEFAULT_RATE,
                DemoTraffic.ATTACK_EVERY_SECONDS);
        List<PlantedScenario> planted = new ArrayList<>();
        List<Alert> alerts = run(traffic, planted);

        List<String> unexplained = alerts.stream()
                .filter(a -> planted.stream().noneMatch(p -> p.explains(a.rule(), a.tenantId(), a.entity(), a.lastSeen())))
                .map(a -> a.rule() + " " + a.entity().type() + ":" + a.entity().value() + " at " + a.lastSeen() + ": "
                        + a.summary())
                .toList();
        assertThat(unexplained).as("alerts no planted attack explains").isEmpty();
        assertThat(planted).hasSizeGreaterThanOrEqualTo((int) (EVENT_TIME.toSeconds() / DemoTraffic.ATTACK_EVERY_SECONDS) - 1);
        // a scenario planted in the last quarter hour may not have run its course
        Instant settled = START.plus(EVENT_TIME).minus(Duration.ofMinutes(16));
        List<String> silent = planted.stream().filter(p -> p.at().isBefore(settled))
                .filter(p -> p.expectedRules().stream().anyMatch(rule -> alerts.stream().noneMatch(a -> a.rule().equals(rule)
                        && p.explains(a.rule(), a.tenantId(), a.entity(), a.lastSeen()))))
                .map(p -> p.scenario() + " at " + p.at()).toList();
        assertThat(silent).as("planted attacks that raised less than they should").isEmpty();
        Map<String, Long> byRule = alerts.stream().collect(Collectors.groupingBy(Alert::rule, Collectors.counting()));
        assertThat(byRule).as("every kind of planted attack shows").containsKeys("MFA_FRAUD_REPORTED", "ACCOUNT_LOCKOUT",
                "DYNAMICS_MISSING_ROLE", "RISKY_SIGN_IN", "BRUTE_FORCE", "BRUTE_FORCE_SUCCESS", "DYNAMICS_REGION_MISMATCH",
                "MFA_DENIED", "PASSWORD_SPRAY", "MFA_FATIGUE", "MFA_FATIGUE_SUCCESS");
    }

    /** The demo's seconds, one after another from {@link #START}, through the demo's rules; returns the alerts. */
    private static List<Alert> run(DemoTraffic traffic, List<PlantedScenario> planted) {
        GatewatchConfig config = ConfigLoader.build(LiveDemo.settings("localhost:9092", Path.of("unused"),
                traffic.directory()));
        Map<String, String> regionHosts = new HashMap<>();
        for (TenantOrgs.Org org : traffic.orgs()) {
            regionHosts.put(org.orgName(), org.regionHost());
        }
        OfflineAnalyzer analyzer = new OfflineAnalyzer(new OfflineAnalyzer.Settings(config.windowSize(), config.grace(),
                config.aggregateRetention(), config.dedupHorizon(), config.rules()), ClassificationData.defaults(),
                regionHosts);
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        List<Alert> alerts = new ArrayList<>();
        for (long s = 0; s < EVENT_TIME.toSeconds(); s++) {
            DemoTraffic.Second second = traffic.nextSecond(START.plusSeconds(s));
            planted.addAll(second.planted());
            for (GeneratedRecord record : second.records()) {
                for (ReadResult result : decoder.decode(record.json().getBytes(StandardCharsets.UTF_8), "second " + s)) {
                    assertThat(result).as("every demo record reads").isInstanceOf(ReadResult.Read.class);
                    analyzer.process(((ReadResult.Read) result).event(), out -> {
                        if (out instanceof Alert alert) {
                            alerts.add(alert);
                        }
                    });
                }
            }
        }
        return alerts;
    }
}
