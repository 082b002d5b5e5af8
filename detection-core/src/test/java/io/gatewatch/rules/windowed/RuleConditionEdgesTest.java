package io.gatewatch.rules.windowed;

import static io.gatewatch.rules.windowed.RuleRun.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.Alert;
import io.gatewatch.schema.GeoLocation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conditions and bounds docs/detections.md states for the windowed rules, each at its edge:
 * codes a rule counts, distances and speeds, escalation windows, and how much state a window may
 * keep.
 */
class RuleConditionEdgesTest {

    private static final GeoLocation SEATTLE = new GeoLocation("Seattle", null, "US", 47.61, -122.33);
    private static final GeoLocation SYDNEY = new GeoLocation("Sydney", null, "AU", -33.87, 151.21);
    /** Due north of Seattle: one degree of latitude is 111.19 km. */
    private static final GeoLocation NORTH_495_KM = new GeoLocation("North", null, "CA", 47.61 + 495 / 111.19, -122.33);
    private static final GeoLocation NORTH_505_KM = new GeoLocation("Far north", null, "CA", 47.61 + 505 / 111.19, -122.33);

    private static List<Alert> of(RuleRun run, String rule) {
        return run.alerts().stream().filter(a -> a.rule().equals(rule)).toList();
    }

    @Test
    void passwordSprayCountsExpiredPasswordsToo() {
        RuleRun run = new RuleRun();
        for (int i = 0; i < 5; i++) {
            run.signIn("expired" + i + "@x.com", "203.0.113.70", 50055, T0.plusSeconds(i * 60L));
        }
        assertThat(of(run, "PASSWORD_SPRAY")).hasSize(1);
    }

    @Test
    void distributedCrackingNeedsThreeLocations() {
        RuleRun run = new RuleRun();
        for (int i = 0; i < 40; i++) {
            run.signIn("ceo@x.com", "198.51.100." + i, 50126, T0.plus(Duration.ofMinutes(i * 20L)), null, "App",
                    i % 2 == 0 ? SEATTLE : SYDNEY);
        }
        assertThat(of(run, "DISTRIBUTED_CRACKING")).as("40 failures from 2 locations").isEmpty();
    }

    @Test
    void impossibleTravelIgnoresNonInteractiveSignInsAndStartsAt500Km() {
        RuleRun nonInteractive = new RuleRun();
        nonInteractive.signIn("t@x.com", "198.51.100.1", 0, T0, null, "App", SEATTLE);
        nonInteractive.signIn("t@x.com", "198.51.100.2", 0, T0.plus(Duration.ofHours(1)), null, "App", SYDNEY, false);
        assertThat(of(nonInteractive, "IMPOSSIBLE_TRAVEL")).isEmpty();

        RuleRun near = new RuleRun();
        near.signIn("t@x.com", "198.51.100.1", 0, T0, null, "App", SEATTLE);
        near.signIn("t@x.com", "198.51.100.2", 0, T0.plus(Duration.ofMinutes(10)), null, "App", NORTH_495_KM);
        assertThat(of(near, "IMPOSSIBLE_TRAVEL")).as("495 km at 3,000 km/h: under the 500 km minimum").isEmpty();

        RuleRun far = new RuleRun();
        far.signIn("t@x.com", "198.51.100.1", 0, T0, null, "App", SEATTLE);
        far.signIn("t@x.com", "198.51.100.2", 0, T0.plus(Duration.ofMinutes(10)), null, "App", NORTH_505_KM);
        assertThat(of(far, "IMPOSSIBLE_TRAVEL")).hasSize(1);
    }

    @Test
    void mfaFatigueEscalatesOnlyOnASuccessWithinThirtyMinutes() {
        RuleRun run = new RuleRun();
        for (int i = 0; i < 11; i++) {
            run.signIn("mfa@x.com", "198.51.100.7", 500121, T0.plusSeconds(i * 20L),
                    "MFA denied; user did not respond to mobile app notification", "App", null);
        }
        assertThat(of(run, "MFA_FATIGUE")).hasSize(1);
        run.signIn("mfa@x.com", "198.51.100.7", 0, T0.plusSeconds(200).plus(Duration.ofMinutes(31)));
        assertThat(of(run, "MFA_FATIGUE_SUCCESS")).as("31 min after the alert").isEmpty();
    }

    @Test
    void aWindowKeepsAtMost500ObservationsAndAnAlertAtMost20CorrelationIds() {
        RuleRun run = new RuleRun();
        for (int i = 0; i < 600; i++) {
            run.signIn("brute@x.com", "198.51.100.9", 50126, T0.plusMillis(i * 500L));
        }
        assertThat(run.window("user", "brute@x.com", "BRUTE_FORCE").observations()).hasSize(500);
        assertThat(of(run, "BRUTE_FORCE")).singleElement()
                .satisfies(a -> assertThat(a.correlationIds()).hasSizeLessThanOrEqualTo(20).isNotEmpty());
    }

    @Test
    void impossibleTravelKeepsTheLatestSuccessOfEachOfTheEightNewestPlaces() {
        RuleRun run = new RuleRun();
        for (int i = 0; i < 20; i++) {
            run.signIn("home@x.com", "198.51.100.3", 0, T0.plus(Duration.ofMinutes(i * 5L)), null, "App", SEATTLE);
        }
        assertThat(run.window("user", "home@x.com", "IMPOSSIBLE_TRAVEL").observations())
                .as("twenty sign-ins from one place: its latest").hasSize(1)
                .allSatisfy(o -> assertThat(o.timeMs()).isEqualTo(T0.plus(Duration.ofMinutes(95)).toEpochMilli()));
        for (int i = 0; i < 20; i++) { // twenty suburbs a kilometre apart: no travel, twenty places
            run.signIn("home@x.com", "198.51.100.3", 0, T0.plus(Duration.ofMinutes(100 + i * 5L)), null, "App",
                    new GeoLocation("Seattle", "Washington", "US", 47.61 + i * 0.01, -122.33));
        }
        assertThat(run.window("user", "home@x.com", "IMPOSSIBLE_TRAVEL").observations()).hasSize(8);
        assertThat(run.alerts()).isEmpty();
    }

    @Test
    void aSuccessNeverOpensAWindowOfTheBurstRules() {
        RuleRun run = new RuleRun();
        run.signIn("fine@x.com", "198.51.100.4", 0, T0);
        assertThat(run.window("user", "fine@x.com", "BRUTE_FORCE")).isNull();
        assertThat(run.window("user", "fine@x.com", "MFA_FATIGUE")).isNull();
        assertThat(run.window("ip", "198.51.100.4", "PASSWORD_SPRAY")).isNull();
    }
}
