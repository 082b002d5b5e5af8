package io.gatewatch.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.SignInEvent;
import io.gatewatch.schema.TenantAggregate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantWindowCountsTest {

    private static final Instant T = Instant.parse("2025-11-14T10:00:00Z");
    private final EventClassifier classifier = EventClassifier.offline(ClassificationData.defaults(), Map.of());

    private ClassifiedEvent event(String user, int code) {
        SignInEvent e = new SignInEvent("id", T, "t", "graph", "SignInLogs", user, null, null, null, null, null, null,
                null, null, null, null, null, code, null, null, null, null, null, null, null, List.of(), null, null,
                null, List.of(), List.of(), null, null);
        return new ClassifiedEvent(e, classifier.classify(e));
    }

    @Test
    void countsByOutcomeCategoryUsersAndTopCodes() {
        TenantWindowCounts counts = new TenantWindowCounts();
        for (int i = 0; i < 7; i++) {
            counts.add(event("u" + (i % 3) + "@x.com", 50126));
        }
        counts.add(event("A@x.com", 50053)).add(event("a@x.com", 50053)).add(event("b@x.com", 0));
        for (int code : new int[] {50055, 50057, 53003, 50105, 50173, 65001}) {
            counts.add(event("c@x.com", code));
        }

        TenantAggregate aggregate = counts.toAggregate("t", T, T.plusSeconds(60));

        assertThat(aggregate.total()).isEqualTo(16);
        assertThat(aggregate.byOutcome()).containsEntry(Outcome.SUCCESS, 1L).containsEntry(Outcome.FAILURE, 15L);
        assertThat(aggregate.byCategory()).containsEntry(Category.INVALID_CREDENTIALS, 7L)
                .containsEntry(Category.ACCOUNT_LOCKED, 2L);
        assertThat(aggregate.distinctUsersByCategory()).containsEntry(Category.INVALID_CREDENTIALS, 3)
                .as("user names compared without case").containsEntry(Category.ACCOUNT_LOCKED, 1)
                .doesNotContainKey(Category.SUCCESS);
        assertThat(aggregate.topErrorCodes()).hasSize(5).containsEntry(50126, 7L).containsEntry(50053, 2L);
    }

    @Test
    void manyDistinctUsersAreEstimatedWithinAFewPercent() {
        TenantWindowCounts counts = new TenantWindowCounts();
        for (int i = 0; i < 5_000; i++) {
            counts.add(event("user" + i + "@x.com", 50126));
            counts.add(event("user" + i + "@x.com", 50126));
        }
        assertThat(counts.toAggregate("t", T, T).distinctUsersByCategory().get(Category.INVALID_CREDENTIALS))
                .isBetween(4_700, 5_300);
    }

    @Test
    void minuteWindowsMergeIntoTheSameCountsAsOneLongWindow() {
        TenantWindowCounts whole = new TenantWindowCounts();
        TenantWindowCounts first = new TenantWindowCounts();
        TenantWindowCounts second = new TenantWindowCounts();
        for (int i = 0; i < 40; i++) {
            ClassifiedEvent e = event("user" + (i % 25) + "@x.com", i % 3 == 0 ? 0 : 50126);
            whole.add(e);
            (i < 20 ? first : second).add(e);
        }
        assertThat(first.merge(second).toAggregate("t", T, T)).isEqualTo(whole.toAggregate("t", T, T));
    }
}
