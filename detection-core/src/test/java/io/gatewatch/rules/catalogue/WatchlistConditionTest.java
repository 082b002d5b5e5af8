package io.gatewatch.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.rules.watchlist.Watchlists;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.SignInEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The {@code watchlist} field test: a name or a list of names, negatable, read at each event through the bound lists. */
class WatchlistConditionTest {

    private static final String RULE = """
            rules:
              - id: WATCHED
                title: Watched user
                severity: LOW
                attack: {tactics: [TA0001], techniques: [T1078.004]}
                shape: match
                entity: user
                where: {user: TEST}
                summary: "{user}"
            """;

    private final Watchlists lists = new Watchlists();

    @Test
    void aNameOrAListOfNamesMatchesMembersOfAnyAndNotNegatesIt() {
        Predicate<ClassifiedEvent> one = where("{watchlist: Privileged}").bind(lists);
        Predicate<ClassifiedEvent> any = where("{watchlist: [privileged, break-glass]}").bind(lists);
        Predicate<ClassifiedEvent> not = where("{not: {watchlist: privileged}}").bind(lists);
        lists.add("break-glass", "bg@x.com");

        assertThat(one.test(event("bg@x.com"))).isFalse();
        assertThat(any.test(event("BG@x.com"))).isTrue();
        assertThat(not.test(event("bg@x.com"))).isTrue();

        lists.add("privileged", "bg@x.com");

        assertThat(one.test(event("bg@x.com"))).isTrue();
        assertThat(not.test(event("bg@x.com"))).isFalse();
        assertThat(where("{watchlist: privileged}").test(event("bg@x.com"))).as("unbound: no lists").isFalse();
    }

    @Test
    void aBadNameIsNamedWithItsFieldAndWhatIsAllowed() {
        for (String bad : List.of("{watchlist: Bad Name}", "{watchlist: {name: x}}", "{watchlist: ''}")) {
            assertThatThrownBy(() -> where(bad)).as(bad).isInstanceOf(CatalogueException.class)
                    .hasMessageContaining("rule WATCHED: where.user.watchlist: a watchlist's name (letters, digits, . _ -)");
        }
        assertThatThrownBy(() -> where("{watchlists: x}")).hasMessageContaining("allowed: contains, not, present, watchlist");
    }

    private static Condition where(String test) {
        RuleDefinition rule = CatalogueReader.read(RULE.replace("TEST", test), "w.yaml").get(0);
        return ((RuleLogic.Match) rule.logic()).cases().get(0).where();
    }

    private static ClassifiedEvent event(String user) {
        SignInEvent event = new SignInEvent("s", Instant.parse("2026-03-02T10:00:00Z"), "t", "graph", "SignInLogs", user,
                null, null, null, null, null, null, null, "203.0.113.9", null, "corr", true, 0, null, null, null, null,
                null, null, null, List.of(), null, null, null, List.of(), List.of(), null, null, null);
        return new ClassifiedEvent(event, EventClassifier.offline(ClassificationData.defaults(), Map.of()).classify(event));
    }
}
