package io.gatewatch.rules.windowed;

import static io.gatewatch.rules.windowed.RuleRun.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewatch.rules.RuleSettings;
import io.gatewatch.rules.catalogue.RuleCatalogue;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.GeoLocation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The new-terms shape: a user's first country in two weeks alerts, once the user has been seen for a week. */
class NewTermsRuleTest {

    private static final String FIRST_COUNTRY = """
            rules:
              - id: FIRST_COUNTRY
                title: A user's first sign-in from a country in two weeks
                severity: MEDIUM
                attack: {tactics: [TA0001], techniques: [T1078.004]}
                shape: new-terms
                entity: user
                where: {outcome: SUCCESS}
                term: country
                summary: "{user} signed in from {term}, new for them in {window}."
                params: {window: P14D, history: P7D, suppress: PT1H}
            """;
    private static final GeoLocation SEATTLE = new GeoLocation("Seattle", "WA", "US", null, null);
    private static final GeoLocation PARIS = new GeoLocation("Paris", "IDF", "FR", null, null);
    private static final GeoLocation TOKYO = new GeoLocation("Tokyo", "Tokyo", "JP", null, null);

    private static final RuleCatalogue CATALOGUE = RuleCatalogue.shipped().plus(FIRST_COUNTRY, "test.yaml");

    private static RuleRun run() {
        return new RuleRun(Duration.ofMinutes(2), RuleSettings.DEFAULTS.withCatalogue(CATALOGUE));
    }

    private static RuleRun daily(RuleRun run, String user, GeoLocation where, int fromDay, int toDay) {
        for (int day = fromDay; day <= toDay; day++) {
            run.signIn(user, "192.0.2.1", 0, T0.plus(Duration.ofDays(day)), null, "App", where);
        }
        return run;
    }

    @Test
    void aKnownUsersFirstCountryAlertsOnceAndTheSecondVisitDoesNot() {
        RuleRun run = daily(run(), "alice@x.com", SEATTLE, 0, 8);

        run.signIn("alice@x.com", "198.51.100.9", 0, T0.plus(Duration.ofDays(8)).plusSeconds(3600), null, "App", PARIS);
        run.signIn("alice@x.com", "198.51.100.9", 0, T0.plus(Duration.ofDays(9)).plusSeconds(7200), null, "App", PARIS);

        assertThat(run.alerts()).filteredOn(a -> a.rule().equals("FIRST_COUNTRY")).singleElement().satisfies(alert -> {
            assertThat(alert.entity().value()).isEqualTo("alice@x.com");
            assertThat(alert.summary()).isEqualTo("alice@x.com signed in from FR, new for them in 14 days.");
            assertThat(alert.attack().techniques()).containsExactly("T1078.004");
        });
    }

    @Test
    void aUserSeenForLessThanTheHistoryIsLearningNotAlerting() {
        RuleRun run = daily(run(), "bob@x.com", SEATTLE, 0, 5);

        run.signIn("bob@x.com", "198.51.100.9", 0, T0.plus(Duration.ofDays(5)).plusSeconds(60), null, "App", TOKYO);

        assertThat(run.rules()).doesNotContain("FIRST_COUNTRY");
    }

    @Test
    void aCountryNotSeenForLongerThanTheLookBackIsNewAgainAndTheWindowKeepsOneObservationPerValue() {
        RuleRun run = daily(run(), "carol@x.com", PARIS, 0, 0);
        daily(run, "carol@x.com", SEATTLE, 1, 20);

        run.signIn("carol@x.com", "198.51.100.9", 0, T0.plus(Duration.ofDays(20)).plusSeconds(60), null, "App", PARIS);

        assertThat(run.alerts()).extracting(Alert::rule).containsOnlyOnce("FIRST_COUNTRY");
        assertThat(run.window("user", "carol@x.com", CATALOGUE.stateKey("FIRST_COUNTRY")).of("term")).hasSize(2);
    }

    @Test
    void failuresAndOtherRulesAreUntouched() {
        RuleRun run = daily(run(), "dave@x.com", SEATTLE, 0, 8);

        run.signIn("dave@x.com", "198.51.100.9", 50126, T0.plus(Duration.ofDays(8)).plusSeconds(60), null, "App", PARIS);

        assertThat(run.rules()).doesNotContain("FIRST_COUNTRY");
    }

    @Test
    void aHistoryLongerThanTheLookBackIsRefused() {
        RuleSettings settings = RuleSettings.fromProperties(Map.of("rule.FIRST_COUNTRY.history", "P20D"))
                .withCatalogue(CATALOGUE);

        assertThatThrownBy(() -> WindowedRules.all(settings))
                .hasMessageContaining("rule.FIRST_COUNTRY.history must not exceed rule.FIRST_COUNTRY.window");
    }
}
