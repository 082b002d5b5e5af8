package io.gatewatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.generator.SignInSpec;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.generator.format.AzureMonitorRecordBuilder;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What {@link BenignNoiseIT}'s exception lists hide, shown: the generator's known clients without
 * them, over two working days (Monday and Tuesday) of the same benign traffic, at the shipped
 * defaults. The first-use rules alert once per enrolment admin (DEVICE_CODE_FIRST_USE) and once per
 * developer (FIRST_PARTY_CLIENT_TO_GRAPH) and never again for their daily use; each printer alerts
 * at most once a day (LEGACY_AUTH_SUCCESS is suppressed 24 h per user); nothing else alerts. That
 * is the rules' documented behaviour, and why a tenant lists these accounts after the first alert.
 */
class KnownClientsFirstUseIT {

    private static final int EVENTS = 300_000;

    @Test
    void withoutTheTenantsExceptionsEachKnownClientAlertsOnlyAtItsFirstUse() {
        SyntheticDirectory directory = SyntheticDirectory.generate(42, 20, 5_000);
        BenignTraffic traffic = new BenignTraffic(directory, 42);
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        OfflineAnalyzer analyzer = new OfflineAnalyzer(new OfflineAnalyzer.Settings(Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofHours(6), Duration.ofHours(24), RuleSettings.DEFAULTS),
                ClassificationData.defaults(), Map.of());
        List<Alert> alerts = new ArrayList<>();
        Set<String> admins = new HashSet<>();
        Set<String> developers = new HashSet<>();
        Instant start = Instant.parse("2026-11-02T00:00:00Z");
        long step = Duration.ofDays(2).toMillis() / EVENTS;
        for (int i = 0; i < EVENTS; i++) {
            SignInSpec signIn = traffic.next(start.plusMillis(i * step));
            if (signIn.errorCode() == 0 && "deviceCode".equals(signIn.client().authenticationProtocol())) {
                admins.add(signIn.user().userPrincipalName());
            }
            if (signIn.errorCode() == 0 && "Microsoft Graph".equals(signIn.client().resourceDisplayName())) {
                developers.add(signIn.user().userPrincipalName());
            }
            byte[] record = AzureMonitorRecordBuilder.build(signIn).toString().getBytes(StandardCharsets.UTF_8);
            for (ReadResult result : decoder.decode(record, "event " + i)) {
                analyzer.process(((ReadResult.Read) result).event(), value -> {
                    if (value instanceof Alert alert) {
                        alerts.add(alert);
                    }
                });
            }
        }
        analyzer.finish(value -> {
            if (value instanceof Alert alert) {
                alerts.add(alert);
            }
        });

        Map<String, List<String>> usersByRule = alerts.stream().collect(Collectors.groupingBy(Alert::rule,
                Collectors.mapping(a -> a.entity().value().toLowerCase(), Collectors.toList())));
        assertThat(usersByRule).as("only the known clients' rules alert").containsOnlyKeys("DEVICE_CODE_FIRST_USE",
                "FIRST_PARTY_CLIENT_TO_GRAPH", "LEGACY_AUTH_SUCCESS");
        assertThat(admins).as("three enrolment admins").hasSize(3);
        assertThat(usersByRule.get("DEVICE_CODE_FIRST_USE")).as("once per admin").containsExactlyInAnyOrderElementsOf(admins);
        assertThat(developers).as("developers").hasSizeGreaterThanOrEqualTo(10);
        assertThat(usersByRule.get("FIRST_PARTY_CLIENT_TO_GRAPH")).as("once per developer")
                .containsExactlyInAnyOrderElementsOf(developers);
        Map<String, Long> printerAlerts = usersByRule.get("LEGACY_AUTH_SUCCESS").stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(printerAlerts).as("five printers, at most one alert a day each").hasSize(5)
                .allSatisfy((printer, count) -> {
                    assertThat(printer).startsWith("scan-to-mail@");
                    assertThat(count).isBetween(1L, 2L);
                });
    }
}
