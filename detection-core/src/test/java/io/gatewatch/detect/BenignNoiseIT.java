package io.gatewatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.generator.format.AzureMonitorRecordBuilder;
import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.TenantAggregate;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * False positives at default thresholds: two days of benign traffic (the baselines warm up on the
 * first), 1 000 000 sign-ins over 20 tenants and 5 000 users with normal failure rates (typos,
 * KMSI and MFA interrupts, silent-SSO misses, expired sessions, a few expired passwords and CA
 * blocks) and the generator's benign noise (proxy egress shared by hundreds of users, travellers,
 * some asked for MFA on arrival abroad, typo runs, unanswered MFA prompts, a stale service account,
 * a password-reset wave, phones carrying a session from home Wi-Fi to their carrier, remediated
 * and dismissed risk, printers on Authenticated SMTP, meeting rooms enrolled by device code,
 * developers' VS Code and Azure CLI to Microsoft Graph), read from real Azure Monitor records and
 * run through the engine {@code analyze} runs — dedup, tenant windows, every rule, suppression and
 * purges, held equal to the streaming topology by {@code OfflineEquivalenceTest} — must raise no
 * alert. The rules run at their defaults plus the exception lists the tenants keep for their known
 * clients (printers, enrolment admins, developers: {@link BenignTraffic#knownClientExceptions}),
 * as a real tenant lists them after their first alert; {@code KnownClientsFirstUseIT} shows what
 * those clients raise without the lists: one alert at each one's first use, none after.
 */
class BenignNoiseIT {

    private static final int EVENTS = 1_000_000;

    @Test
    void twoDaysOfBenignTrafficRaiseNoAlert() throws InterruptedException {
        SyntheticDirectory directory = SyntheticDirectory.generate(42, 20, 5_000);
        BenignTraffic traffic = new BenignTraffic(directory, 42);
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        OfflineAnalyzer analyzer = new OfflineAnalyzer(new OfflineAnalyzer.Settings(Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofHours(6), Duration.ofHours(24),
                RuleSettings.fromProperties(BenignTraffic.knownClientExceptions(directory))),
                ClassificationData.defaults(), Map.of());
        List<String> alerts = new ArrayList<>();
        long[] counted = new long[2]; // sign-ins and failures in the closed tenant windows
        Consumer<Object> output = value -> {
            if (value instanceof Alert alert) {
                alerts.add(alert.rule() + " " + alert.entity().value() + ": " + alert.summary());
            } else if (value instanceof TenantAggregate window) {
                counted[0] += window.total();
                counted[1] += window.byOutcome().getOrDefault(Outcome.FAILURE, 0L);
            }
        };
        // records are built on a second thread while this one decodes and analyzes them: the test
        // checks the analysis, and two cores halve the wall time of producing its input
        BlockingQueue<byte[]> records = new ArrayBlockingQueue<>(4_096);
        Thread producer = new Thread(() -> {
            Instant start = Instant.parse("2025-11-14T00:00:00Z");
            long stepMicros = Duration.ofDays(2).toNanos() / 1000 / EVENTS;
            try {
                for (int i = 0; i < EVENTS; i++) {
                    records.put(AzureMonitorRecordBuilder.build(traffic.next(start.plusNanos(i * stepMicros * 1000)))
                            .toString().getBytes(StandardCharsets.UTF_8));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "benign-records");
        producer.setDaemon(true);
        producer.start();
        for (int i = 0; i < EVENTS; i++) {
            byte[] record = records.poll(60, TimeUnit.SECONDS);
            assertThat(record).as("record %d built", i).isNotNull();
            for (ReadResult result : decoder.decode(record, "event " + i)) {
                assertThat(analyzer.process(((ReadResult.Read) result).event(), output)).isTrue();
            }
        }
        // the baselines before the end-of-input flush, which only closes windows
        assertThat(analyzer.memory().baselines().values()).as("every baseline warmed up")
                .allSatisfy(b -> assertThat(b.snapshot().hoursSeen()).isGreaterThan(24));
        analyzer.finish(output);

        assertThat(alerts).as("alerts on benign traffic").isEmpty();
        assertThat(counted[0]).as("every sign-in counted once in the tenant windows").isEqualTo(EVENTS);
        assertThat(counted[1]).as("failures the rules saw").isGreaterThan(EVENTS / 100);
        assertThat(analyzer.memory().windows()).as("rules keep windows for the recent failures").isNotEmpty();
    }
}
