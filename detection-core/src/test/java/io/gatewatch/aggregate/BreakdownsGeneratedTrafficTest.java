package io.gatewatch.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.generator.format.AzureMonitorRecordBuilder;
import io.gatewatch.schema.AppliedPolicy;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.SignInEvent;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The small dimensions' counts of generated traffic (an hour of ten tenants' benign sign-ins, with
 * their typos, MFA prompts, expired passwords and Conditional Access blocks, read from real Azure
 * Monitor records), counted per tenant minute and rolled up into the hour as the topology does, equal
 * an independent count of the same events straight from their fields.
 */
class BreakdownsGeneratedTrafficTest {

    private static final List<Dimension> SMALL = List.of(Dimension.COUNTRY, Dimension.ERROR_CODE, Dimension.CATEGORY,
            Dimension.CLIENT_APP, Dimension.PROTOCOL, Dimension.OS, Dimension.BROWSER, Dimension.CA_POLICY);

    @Test
    void smallDimensionsRolledUpFromMinutesEqualAnIndependentCount() {
        SyntheticDirectory directory = SyntheticDirectory.generate(11, 10, 2_000);
        BenignTraffic traffic = new BenignTraffic(directory, 11);
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        EventClassifier classifier = EventClassifier.offline(ClassificationData.defaults(), Map.of());
        Instant start = Instant.parse("2026-03-02T09:00:00Z");
        Map<String, Map<Long, TenantWindowCounts>> minutes = new HashMap<>();
        Map<String, Map<Dimension, Map<String, long[]>>> truth = new HashMap<>();
        for (int i = 0; i < 60_000; i++) {
            Instant time = start.plusMillis(i * 60L); // one hour
            byte[] record = AzureMonitorRecordBuilder.build(traffic.next(time)).toString().getBytes(StandardCharsets.UTF_8);
            for (ReadResult result : decoder.decode(record, "event " + i)) {
                SignInEvent event = (SignInEvent) ((ReadResult.Read) result).event();
                ClassifiedEvent classified = new ClassifiedEvent(event, classifier.classify(event));
                minutes.computeIfAbsent(event.tenantId(), t -> new TreeMap<>())
                        .computeIfAbsent(time.toEpochMilli() / 60_000, m -> new TenantWindowCounts()).add(classified);
                countIndependently(truth.computeIfAbsent(event.tenantId(), t -> new EnumMap<>(Dimension.class)),
                        classified);
            }
        }
        assertThat(minutes).hasSize(10);
        long failures = 0;
        for (var tenant : minutes.entrySet()) {
            TenantWindowCounts hour = new TenantWindowCounts();
            tenant.getValue().values().forEach(hour::merge);
            for (Dimension dimension : SMALL) {
                DimensionSummary summary = hour.breakdowns().of(dimension);
                assertThat(summary.exact()).as(dimension + " exact").isTrue();
                Map<String, long[]> counted = new HashMap<>();
                summary.rows().forEach(row -> counted.put(row.value(), new long[] {row.signIns(), row.failures()}));
                Map<String, long[]> expected = truth.get(tenant.getKey()).getOrDefault(dimension, Map.of());
                assertThat(counted).as(tenant.getKey() + " by " + dimension).usingRecursiveComparison().isEqualTo(expected);
            }
            failures += hour.byOutcome().getOrDefault(Outcome.FAILURE, 0L);
        }
        assertThat(failures).as("the traffic has failures to break down").isGreaterThan(100);
        assertThat(truth.values().stream().anyMatch(t -> t.containsKey(Dimension.CA_POLICY)))
                .as("some sign-in failed a Conditional Access policy").isTrue();
    }

    /** The count the breakdowns must equal, from the event's own fields. */
    private static void countIndependently(Map<Dimension, Map<String, long[]>> tenant, ClassifiedEvent classified) {
        SignInEvent event = (SignInEvent) classified.event();
        boolean failure = classified.classification().outcome() == Outcome.FAILURE;
        Function<Dimension, Map<String, long[]>> of = d -> tenant.computeIfAbsent(d, x -> new HashMap<>());
        count(of.apply(Dimension.ERROR_CODE), String.valueOf(event.errorCode()), failure);
        count(of.apply(Dimension.CATEGORY), classified.classification().category().name(), failure);
        count(of.apply(Dimension.CLIENT_APP), event.clientAppUsed(), failure);
        count(of.apply(Dimension.PROTOCOL), event.authenticationProtocol(), failure);
        if (event.location() != null) {
            count(of.apply(Dimension.COUNTRY), event.location().countryOrRegion(), failure);
        }
        if (event.deviceDetail() != null) {
            count(of.apply(Dimension.OS), event.deviceDetail().operatingSystem(), failure);
            count(of.apply(Dimension.BROWSER), event.deviceDetail().browser(), failure);
        }
        for (AppliedPolicy policy : event.appliedConditionalAccessPolicies()) {
            if ("failure".equals(policy.result())) {
                count(of.apply(Dimension.CA_POLICY), policy.displayName(), failure);
            }
        }
        tenant.values().removeIf(Map::isEmpty);
    }

    private static void count(Map<String, long[]> counts, String value, boolean failure) {
        if (value != null && !value.isBlank()) {
            long[] c = counts.computeIfAbsent(value, v -> new long[2]);
            c[0]++;
            c[1] += failure ? 1 : 0;
        }
    }
}
