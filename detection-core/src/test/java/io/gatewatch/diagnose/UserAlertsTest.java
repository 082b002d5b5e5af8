package io.gatewatch.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.AttackIds;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A diagnosis lists the security alerts that concern the user, and a serious one is not "ok". */
class UserAlertsTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant SINCE = T0.minus(UserAlerts.WINDOW);
    private static final String UPN = "megan.bowen@contoso.com";
    private static final Diagnoser DIAGNOSER = new Diagnoser(ClassificationData.defaults());

    @Test
    void aCriticalAlertOnTheUserIsNotOkAndIsListed() {
        UserHistory history = history(success("corr-ok", 0));
        UserAlerts alerts = new UserAlerts("t1", UPN, history);
        alerts.offer(alert("BRUTE_FORCE", Severity.MEDIUM, new AlertEntity("user", UPN), T0.minusSeconds(60)));
        alerts.offer(alert("BRUTE_FORCE_SUCCESS", Severity.CRITICAL, new AlertEntity("user", UPN), T0));

        Diagnosis diagnosis = DIAGNOSER.diagnose(UPN, "t1", history, alerts.newestFirst(SINCE));

        assertThat(diagnosis.problems()).as("the guessed password signed in fine").isEmpty();
        assertThat(diagnosis.status()).isEqualTo("alert");
        assertThat(diagnosis.alerts()).extracting(Diagnosis.SecurityAlert::rule)
                .containsExactly("BRUTE_FORCE_SUCCESS", "BRUTE_FORCE");
        assertThat(diagnosis.alerts().get(0).alertId()).isEqualTo("id-BRUTE_FORCE_SUCCESS-" + T0);
        assertThat(diagnosis.headline()).startsWith("security alert: BRUTE_FORCE_SUCCESS (CRITICAL) at " + T0)
                .contains("treat the account as compromised", "escalate to security");
    }

    @Test
    void anotherUsersAlertOrOneOutsideTheWindowOrTenantIsNotListed() {
        UserHistory history = history(success("corr-ok", 0));
        UserAlerts alerts = new UserAlerts("t1", UPN, history);
        assertThat(alerts.offer(alert("BRUTE_FORCE_SUCCESS", Severity.CRITICAL,
                new AlertEntity("user", "alex.wilber@contoso.com"), T0))).isFalse();
        assertThat(alerts.offer(alert("ACCOUNT_LOCKOUT", Severity.MEDIUM,
                new AlertEntity("user+ip", "megan.bowen@contoso.com.evil|192.0.2.1"), T0))).as("a longer UPN").isFalse();
        alerts.offer(alert("RISKY_SIGN_IN", Severity.HIGH, new AlertEntity("user", UPN), SINCE.minusSeconds(1)));
        Alert elsewhere = alert("RISKY_SIGN_IN", Severity.HIGH, new AlertEntity("user", UPN), T0);
        assertThat(alerts.offer(new Alert(elsewhere.alertId(), elsewhere.rule(), elsewhere.severity(), "t2",
                elsewhere.entity(), T0, T0, T0, T0, 1, 1, 1, 1, List.of(), "", List.of(), T0, null, AttackIds.NONE))).isFalse();

        Diagnosis diagnosis = DIAGNOSER.diagnose(UPN, "t1", history, alerts.newestFirst(SINCE));

        assertThat(diagnosis.alerts()).isEmpty();
        assertThat(diagnosis.status()).isEqualTo("ok");
        assertThat(diagnosis.headline()).isNull();
    }

    @Test
    void anEntityIncludingTheUserInAnyCaseOrEvidenceNamingTheirSignInConcernsThem() {
        UserHistory history = history(failure("corr-sprayed", 0), success("corr-later", 5));
        UserAlerts alerts = new UserAlerts(null, UPN, history);
        alerts.offer(alert("DISABLED_ACCOUNT_PROBING", Severity.MEDIUM,
                new AlertEntity("user+ip", "Megan.Bowen@Contoso.com|2001:db8::1"), T0.minusSeconds(30)));
        alerts.offer(alert("DYNAMICS_MISSING_ROLE", Severity.MEDIUM,
                new AlertEntity("user+org", UPN + "|contoso.crm4.dynamics.com"), T0.minusSeconds(20)));
        alerts.offer(alert("PASSWORD_SPRAY", Severity.HIGH, new AlertEntity("ip", "203.0.113.9"), T0.minusSeconds(10),
                "corr-other", "corr-sprayed"));
        assertThat(alerts.offer(alert("PASSWORD_SPRAY", Severity.HIGH, new AlertEntity("ip", "203.0.113.10"), T0,
                "corr-other"))).as("an address that never tried this user").isFalse();

        Diagnosis diagnosis = DIAGNOSER.diagnose(UPN, "t1", history, alerts.newestFirst(SINCE));

        assertThat(diagnosis.alerts()).extracting(Diagnosis.SecurityAlert::rule)
                .containsExactly("PASSWORD_SPRAY", "DYNAMICS_MISSING_ROLE", "DISABLED_ACCOUNT_PROBING");
        assertThat(diagnosis.status()).as("a HIGH alert").isEqualTo("alert");
        assertThat(diagnosis.headline()).contains("PASSWORD_SPRAY (HIGH)", "may be under attack");
    }

    @Test
    void aMediumAlertIsListedButLeavesTheVerdictToTheChecklist() {
        UserHistory history = history(failure("corr-locked", 0));
        UserAlerts alerts = new UserAlerts("t1", UPN, history);
        alerts.offer(alert("ACCOUNT_LOCKOUT", Severity.MEDIUM, new AlertEntity("user", UPN), T0));

        Diagnosis diagnosis = DIAGNOSER.diagnose(UPN, "t1", history, alerts.newestFirst(SINCE));

        assertThat(diagnosis.status()).isEqualTo("problem");
        assertThat(diagnosis.headline()).isNull();
        assertThat(diagnosis.alerts()).singleElement().extracting(Diagnosis.SecurityAlert::severity)
                .isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aSeriousAlertOnAUserWithNoKnownSignInIsStillAnAlert() {
        UserAlerts alerts = new UserAlerts("t1", UPN, new UserHistory());
        alerts.offer(alert("MFA_FRAUD_REPORTED", Severity.HIGH, new AlertEntity("user", UPN), T0));

        assertThat(DIAGNOSER.diagnose(UPN, "t1", new UserHistory(), alerts.newestFirst(SINCE)).status())
                .isEqualTo("alert");
    }

    @Test
    void keepsTheNewestInWhateverOrderTheyAreOffered() {
        List<Alert> all = new ArrayList<>();
        for (int i = 0; i < 5 * UserAlerts.LIMIT; i++) {
            all.add(alert("ACCOUNT_LOCKOUT", Severity.MEDIUM, new AlertEntity("user", UPN), T0.minus(Duration.ofHours(i))));
        }
        Collections.shuffle(all, new Random(3));
        UserAlerts alerts = new UserAlerts("t1", UPN, new UserHistory());
        all.forEach(alerts::offer);

        List<Diagnosis.SecurityAlert> listed = alerts.newestFirst(SINCE);
        assertThat(listed).hasSize(UserAlerts.LIMIT);
        assertThat(listed.get(0).lastSeen()).isEqualTo(T0);
        assertThat(listed.get(UserAlerts.LIMIT - 1).lastSeen()).isEqualTo(T0.minus(Duration.ofHours(UserAlerts.LIMIT - 1)));
        assertThat(alerts.newestFirst(T0.minus(Duration.ofHours(2)))).as("since two hours ago").hasSize(3);
    }

    private static Alert alert(String rule, Severity severity, AlertEntity entity, Instant lastSeen,
                               String... correlationIds) {
        return new Alert("id-" + rule + "-" + lastSeen, rule, severity, "t1", entity, lastSeen.minusSeconds(600),
                lastSeen, lastSeen.minusSeconds(60), lastSeen, 1, 1, 1, 1, List.of(correlationIds), rule + " summary",
                List.of(), lastSeen, null, AttackIds.NONE);
    }

    private static UserHistory history(SignInSummary... signIns) {
        UserHistory history = new UserHistory();
        for (SignInSummary signIn : signIns) {
            history.add(signIn);
        }
        return history;
    }

    private static SignInSummary success(String correlationId, long minute) {
        return signIn(correlationId, minute, 0, Category.SUCCESS, Outcome.SUCCESS);
    }

    private static SignInSummary failure(String correlationId, long minute) {
        return signIn(correlationId, minute, 50053, Category.ACCOUNT_LOCKED, Outcome.FAILURE);
    }

    private static SignInSummary signIn(String correlationId, long minute, int code, Category category,
                                        Outcome outcome) {
        return new SignInSummary(T0.minus(Duration.ofMinutes(60 - minute)), correlationId, "Azure Portal",
                null, "192.0.2.10", null, null, null, code, category, outcome, null, false, List.of());
    }
}
