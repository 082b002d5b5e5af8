package io.gatewatch.rules.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.SignInEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spikes against the tenant's own learned baseline, after warm-up, once per hour. */
class BaselineRulesTest {

    private static final Instant T0 = Instant.parse("2025-11-10T00:00:00Z");
    private static final EventClassifier CLASSIFIER = EventClassifier.offline(ClassificationData.defaults(), Map.of());
    private final BaselineRules rules = new BaselineRules(RuleSettings.DEFAULTS);
    private TenantBaseline baseline = new TenantBaseline();

    private static ClassifiedEvent event(Instant time, int code) {
        SignInEvent e = new SignInEvent("e", time, "t1", "graph", "SignInLogs", "u@x.com", null, null, null, null,
                null, null, null, null, null, null, true, code, null, null, null, null, null, null, null, List.of(),
                null, null, null, List.of(), List.of(), null, null);
        return new ClassifiedEvent(e, CLASSIFIER.classify(e));
    }

    /** One hour of traffic: {@code events} sign-ins, of which some CA blocks and other failures. */
    private List<String> hour(int index, int events, int caBlocks, int typos) {
        List<String> rulesFired = new ArrayList<>();
        Instant start = T0.plus(Duration.ofHours(index));
        for (int i = 0; i < events; i++) {
            // in time order, with the failures spread evenly over the hour by a fixed permutation
            int slot = (int) ((i * 7919L) % events);
            int code = slot < caBlocks ? 53003 : slot < caBlocks + typos ? 50126 : 0;
            Instant time = start.plusMillis(i * 3_600_000L / events);
            rules.process("t1", baseline, event(time, code), time).forEach(a -> rulesFired.add(a.rule()));
        }
        return rulesFired;
    }

    private List<String> normalDay(int fromHour) {
        List<String> fired = new ArrayList<>();
        for (int h = fromHour; h < fromHour + 24; h++) {
            fired.addAll(hour(h, 1000, 3 + h % 4, 40 + h % 10));
        }
        return fired;
    }

    @Test
    void normalTrafficNeverFires() {
        assertThat(normalDay(0)).isEmpty();
        assertThat(normalDay(24)).isEmpty();
    }

    @Test
    void caBlockSpikeFiresOnceAfterWarmupButNotBelowTheMinimum() {
        normalDay(0);
        assertThat(hour(24, 1000, 49, 40)).as("49 blocks: under the minimum of 50").isEmpty();
        assertThat(hour(25, 1000, 80, 40)).containsExactly("CONDITIONAL_ACCESS_SPIKE");
    }

    @Test
    void failureRateSpikeFiresOnceAnHour() {
        normalDay(0);
        assertThat(hour(24, 1000, 3, 300)).containsExactly("FAILURE_RATE_SPIKE");
        assertThat(hour(25, 1000, 3, 45)).isEmpty();
    }

    /**
     * A tenant of 110 sign-ins an hour whose usual 12 % varies little from hour to hour: 18
     * failures (16 %, over the 15 % floor) is within what 110 sign-ins scatter by chance (the
     * binomial spread of a p-chart, about 3 points), 40 failures is not.
     */
    @Test
    void aSmallTenantIsJudgedWithTheSpreadOfItsOwnVolume() {
        for (int h = 0; h < 30; h++) {
            assertThat(hour(h, 110, 0, 13 + h % 2)).isEmpty();
        }
        assertThat(hour(30, 110, 0, 18)).as("16 %: chance at this volume").isEmpty();
        assertThat(hour(31, 110, 0, 40)).containsExactly("FAILURE_RATE_SPIKE");
    }

    @Test
    void failureRateSpikeNeedsFifteenPercentAndAHundredSignIns() {
        for (int h = 0; h < 24; h++) {
            hour(h, 1000, 0, 10 + h % 3);
        }
        assertThat(hour(24, 1000, 0, 120)).as("12 %: far above a usual 1 %, under the 15 % floor").isEmpty();
        assertThat(hour(25, 1000, 0, 200)).as("20 %").containsExactly("FAILURE_RATE_SPIKE");

        baseline = new TenantBaseline();
        for (int h = 0; h < 24; h++) {
            hour(h, 1000, 0, 10 + h % 3);
        }
        assertThat(hour(24, 90, 0, 60)).as("67 % of 90 sign-ins: under the 100 minimum").isEmpty();
    }

    @Test
    void noSpikeDuringWarmup() {
        for (int h = 0; h < 10; h++) {
            hour(h, 1000, 3, 40);
        }
        assertThat(hour(10, 1000, 200, 400)).isEmpty();
    }

    @Test
    void eventsOfAnHourAlreadyFoldedAreLate() {
        hour(0, 100, 0, 0);
        hour(1, 100, 0, 0);
        assertThat(baseline.observe(T0.toEpochMilli(), true, true, 0.1)).isFalse();
    }
}
