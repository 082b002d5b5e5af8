package io.gatewatch.rules.windowed;

import static io.gatewatch.rules.windowed.RuleRun.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.rules.windowed.RuleRun.Attempt;
import io.gatewatch.schema.GeoLocation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every windowed rule through the same edges: threshold - 1 (no alert), threshold (one alert),
 * the same events out of order within grace (one alert), the attack arriving newest first, late
 * beyond grace but inside the rule's window (still one alert: a skewed replay loses nothing),
 * the attack repeated inside the suppression period (still one alert) and after it (two).
 */
class WindowedRuleEdgesTest {

    /** A rule's attack of a given size starting at a given time, its threshold, and its suppression. */
    interface Scenario {
        List<Attempt> attack(int size, Instant start);
    }

    private static final GeoLocation[] PLACES = {new GeoLocation("Seattle", null, "US", 47.61, -122.33),
            new GeoLocation("Sydney", null, "AU", -33.87, 151.21), new GeoLocation("Dublin", null, "IE", 53.35, -6.26)};

    private static Attempt attempt(String user, String ip, int code, Instant time) {
        return new Attempt(user, ip, code, time, null, "App", null);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("BRUTE_FORCE", 10, Duration.ofHours(1), (Scenario) (n, t) -> series(n, i ->
                        attempt("victim@x.com", "198.51.100." + i % 4, 50126, t.plusSeconds(i * 30L)))),
                Arguments.of("PASSWORD_SPRAY", 5, Duration.ofHours(1), (Scenario) (n, t) -> series(n, i ->
                        attempt("target" + i + "@x.com", "203.0.113.66", 50126, t.plusSeconds(i * 60L)))),
                Arguments.of("MFA_FATIGUE", 11, Duration.ofHours(1), (Scenario) (n, t) -> series(n, i ->
                        new Attempt("mfa@x.com", "198.51.100.7", 500121, t.plusSeconds(i * 20L),
                                "MFA denied; user did not respond to mobile app notification", "App", null))),
                Arguments.of("LOCKOUT_STORM", 20, Duration.ofHours(1), (Scenario) (n, t) -> series(n, i ->
                        attempt("locked" + i + "@x.com", "198.51.100." + i, 50053, t.plusSeconds(i * 60L)))),
                Arguments.of("PASSWORD_EXPIRY_WAVE", 10, Duration.ofHours(24), (Scenario) (n, t) -> series(n, i ->
                        attempt("expired" + i + "@x.com", "198.51.100." + i, 50055, t.plusSeconds(i * 60L)))),
                Arguments.of("DISABLED_ACCOUNT_PROBING", 3, Duration.ofHours(24), (Scenario) (n, t) -> series(n, i ->
                        attempt("gone" + i + "@x.com", "203.0.113.99", 50057, t.plusSeconds(i * 60L)))),
                Arguments.of("DISTRIBUTED_CRACKING", 31, Duration.ofHours(24), (Scenario) (n, t) -> series(n, i ->
                        new Attempt("ceo@x.com", "198.51.100." + i, 50126, t.plus(Duration.ofMinutes(i * 20L)), null,
                                "App", PLACES[i % 3]))),
                Arguments.of("IMPOSSIBLE_TRAVEL", 2, Duration.ofHours(6), (Scenario) (n, t) -> series(n, i ->
                        new Attempt("trav@x.com", "198.51.100." + i, 0, t.plus(Duration.ofMinutes(i * 90L)), null,
                                "App", PLACES[i % 2]))));
    }

    private static List<Attempt> series(int n, IntFunction<Attempt> step) {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            attempts.add(step.apply(i));
        }
        return attempts;
    }

    private static long count(RuleRun run, String rule) {
        return run.rules().stream().filter(rule::equals).count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void thresholdMinusOneThenThreshold(String rule, int threshold, Duration suppression, Scenario scenario) {
        assertThat(count(new RuleRun().feed(scenario.attack(threshold - 1, T0)), rule)).isZero();
        assertThat(count(new RuleRun().feed(scenario.attack(threshold, T0)), rule)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void outOfOrderWithinGraceStillFiresOnce(String rule, int threshold, Duration suppression, Scenario scenario) {
        List<Attempt> shuffled = new ArrayList<>(scenario.attack(threshold, T0));
        Collections.shuffle(shuffled, new Random(3));
        assertThat(count(new RuleRun(Duration.ofDays(2)).feed(shuffled), rule)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void anAttackArrivingNewestFirstStillAlertsOnce(String rule, int threshold, Duration suppression,
                                                    Scenario scenario) {
        List<Attempt> newestFirst = new ArrayList<>(scenario.attack(threshold, T0));
        Collections.reverse(newestFirst);
        assertThat(count(new RuleRun(Duration.ofSeconds(1)).feed(newestFirst), rule)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void repeatedInsideSuppressionIsOneIncident(String rule, int threshold, Duration suppression, Scenario scenario) {
        List<Attempt> first = scenario.attack(threshold, T0);
        Instant lastOfFirst = first.get(first.size() - 1).time();
        RuleRun run = new RuleRun().feed(first)
                .feed(renamed(scenario.attack(threshold, lastOfFirst.plusSeconds(1)), "again"));
        assertThat(count(run, rule)).isEqualTo(1);
        Instant afterSuppression = lastOfFirst.plus(suppression).plus(Duration.ofDays(1));
        run.feed(renamed(scenario.attack(threshold, afterSuppression), "later"));
        assertThat(count(run, rule)).isEqualTo(2);
    }

    /** A repeat of a tenant-wide attack has new victims; one on a user or IP keeps them. */
    private static List<Attempt> renamed(List<Attempt> attempts, String tag) {
        return attempts.stream().map(a -> a.user().matches("(locked|expired|gone|target)\\d+@x\\.com")
                ? new Attempt(tag + a.user(), a.ip(), a.code(), a.time(), a.details(), a.app(), a.where()) : a).toList();
    }
}
