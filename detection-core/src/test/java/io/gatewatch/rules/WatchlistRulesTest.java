package io.gatewatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.detect.DetectionEngine;
import io.gatewatch.rules.watchlist.Watchlists;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.SignInEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped watchlist rules over the detection core: BREAK_GLASS_SIGN_IN on any sign-in attempt
 * by a break-glass member, PRIVILEGED_ACCOUNT_FAILURES on a short burst of credential failures for a
 * privileged member; lists changed after the rules were built count from the next event on.
 */
class WatchlistRulesTest {

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final String BREAK_GLASS = "bg1@contoso.onmicrosoft.com";
    private static final String ADMIN = "admin@contoso.com";

    private final EventClassifier classifier = EventClassifier.offline(ClassificationData.defaults(), Map.of());
    private final Watchlists lists = new Watchlists();
    private final DetectionEngine engine = new DetectionEngine(RuleSettings.DEFAULTS.withWatchlists(lists), Duration.ofMinutes(2));
    private final DetectionEngine.State state = DetectionEngine.State.inMemory();

    @Test
    void breakGlassFiresOnAMembersSuccessOrFailureAndNeverForOthers() {
        lists.add("break-glass", BREAK_GLASS);
        lists.add("break-glass", "bg2@contoso.onmicrosoft.com");

        List<Alert> success = signIn(engine, "BG1@Contoso.onmicrosoft.com", 0, T);
        List<Alert> failure = signIn(engine, "bg2@contoso.onmicrosoft.com", 50126, T);
        List<Alert> other = signIn(engine, "someone@contoso.com", 0, T);

        assertThat(success).singleElement().satisfies(alert -> {
            assertThat(alert.rule()).isEqualTo("BREAK_GLASS_SIGN_IN");
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
            assertThat(alert.entity().value()).isEqualTo(BREAK_GLASS);
            assertThat(alert.attack().tactics()).containsExactly("TA0004", "TA0001");
            assertThat(alert.attack().techniques()).containsExactly("T1078.004");
            assertThat(alert.summary()).isEqualTo("Break-glass account " + BREAK_GLASS
                    + " was used to sign in to Azure Portal from 203.0.113.9 (outcome SUCCESS).");
        });
        assertThat(rules(failure)).containsExactly("BREAK_GLASS_SIGN_IN");
        assertThat(other).isEmpty();
    }

    @Test
    void aMemberAddedAfterTheRulesWereBuiltIsSeenAtTheNextSignInAndARemovedOneNoLonger() {
        assertThat(signIn(engine, BREAK_GLASS, 0, T)).isEmpty();

        lists.add("break-glass", BREAK_GLASS); // the engine, and its rules, stay as they were built
        assertThat(rules(signIn(engine, BREAK_GLASS, 0, T.plusSeconds(60)))).containsExactly("BREAK_GLASS_SIGN_IN");

        lists.remove("break-glass", BREAK_GLASS);
        assertThat(signIn(engine, BREAK_GLASS, 0, T.plus(Duration.ofHours(3)))).as("after the suppression, not a member").isEmpty();
    }

    @Test
    void privilegedAccountFailuresFireAtFiveWithinTenMinutesForMembersOnly() {
        lists.add("privileged", ADMIN);
        List<String> member = new ArrayList<>();
        List<String> nonMember = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            member.addAll(rules(signIn(engine, ADMIN, 50126, T.plusSeconds(60L * i))));
            nonMember.addAll(rules(signIn(engine, "user@contoso.com", 50126, T.plusSeconds(60L * i))));
            if (i == 3) {
                assertThat(member).as("four failures are not enough").isEmpty();
            }
        }

        assertThat(member).containsExactly("PRIVILEGED_ACCOUNT_FAILURES");
        assertThat(nonMember).as("BRUTE_FORCE needs 10; a non-member is not privileged").isEmpty();
    }

    @Test
    void withoutWatchlistsTheWatchlistRulesNeverFire() {
        DetectionEngine plain = new DetectionEngine(RuleSettings.DEFAULTS, Duration.ofMinutes(2));
        List<String> raised = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            raised.addAll(rules(signIn(plain, ADMIN, i % 2 == 0 ? 50126 : 0, T.plusSeconds(30L * i))));
        }

        assertThat(raised).isEmpty();
    }

    private List<Alert> signIn(DetectionEngine on, String user, int errorCode, Instant at) {
        SignInEvent event = new SignInEvent("s-" + user + at, at, "t", "graph", "SignInLogs", user, null, null, null,
                "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Azure Portal", null, null, "203.0.113.9", "Browser", "corr",
                true, errorCode, null, null, null, null, null, null, null, List.of(), null, null, null, List.of(),
                List.of(), null, null, null);
        return on.process("t", new ClassifiedEvent(event, classifier.classify(event)), state, at);
    }

    private static List<String> rules(List<Alert> alerts) {
        return alerts.stream().map(Alert::rule).toList();
    }
}
