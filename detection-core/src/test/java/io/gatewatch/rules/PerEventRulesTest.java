package io.gatewatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.SignInEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The per-event rules on classified events, both sides of each condition. */
class PerEventRulesTest {

    private static final Instant T = Instant.parse("2025-11-14T10:00:00Z");
    private EventClassifier classifier = EventClassifier.offline(ClassificationData.defaults(), Map.of());
    private final List<EventRule> rules = PerEventRules.all(RuleSettings.DEFAULTS);

    private ClassifiedEvent classified(InputEvent event) {
        return new ClassifiedEvent(event, classifier.classify(event));
    }

    private List<Finding> detect(InputEvent event) {
        ClassifiedEvent c = classified(event);
        return rules.stream().map(r -> r.evaluate(c)).flatMap(Optional::stream).toList();
    }

    private static SignInEvent signIn(int code, String details, String risk, String riskState) {
        return new SignInEvent("s", T, "t", "graph", "SignInLogs", "User@Contoso.com", null, null, null, null, null,
                null, null, "203.0.113.1", null, "corr", true, code, null, details, null, risk, null, riskState, null,
                List.of(), null, null, null, List.of(), List.of(), null, null);
    }

    @Test
    void lockoutFiresOnLockedOutOnlyAndNamesTheUser() {
        assertThat(detect(signIn(50053, null, null, null))).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("ACCOUNT_LOCKOUT");
            assertThat(d.entity().value()).isEqualTo("user@contoso.com");
            assertThat(d.suppression()).isEqualTo(Duration.ofHours(1));
        });
        assertThat(detect(signIn(50126, null, null, null))).isEmpty();
        assertThat(detect(signIn(0, null, null, null))).isEmpty();
    }

    @Test
    void mfaDenialAndFraudAreSeparateRules() {
        assertThat(detect(signIn(500121, "MFA denied; user declined the authentication", null, null)))
                .extracting(Finding::rule, Finding::severity).containsExactly(
                        Tuple.tuple("MFA_DENIED", Severity.MEDIUM));
        assertThat(detect(signIn(500121, "MFA denied; Phone App Reported Fraud", null, null)))
                .extracting(Finding::rule, Finding::severity).containsExactly(
                        Tuple.tuple("MFA_FRAUD_REPORTED", Severity.HIGH));
        assertThat(detect(signIn(500121, "wrong code", null, null))).isEmpty();
    }

    /** An unanswered prompt is routine alone (Sentinel's explicit-deny rule leaves it out): only MFA_FATIGUE counts it. */
    @Test
    void anUnansweredPromptRaisesNothingOnItsOwn() {
        assertThat(detect(signIn(500121, "MFA denied; user did not respond to mobile app notification", null, null)))
                .isEmpty();
    }

    @Test
    void riskySignInOnRiskBlockOrUnremediatedHighRiskSuccess() {
        assertThat(detect(signIn(53004, null, null, null))).extracting(Finding::rule).containsExactly("RISKY_SIGN_IN");
        assertThat(detect(signIn(0, null, "high", "atRisk"))).extracting(Finding::rule).containsExactly("RISKY_SIGN_IN");
        assertThat(detect(signIn(0, null, "high", "remediated"))).isEmpty();
        assertThat(detect(signIn(0, null, "high", "dismissed"))).isEmpty();
        assertThat(detect(signIn(0, null, "medium", "atRisk"))).isEmpty();
    }

    @Test
    void dynamicsRulesKeyOnUserAndOrgHost() {
        classifier = EventClassifier.offline(ClassificationData.defaults(), Map.of("contoso", "crm4.dynamics.com"));
        DynamicsAccessEvent wrongRegion = new DynamicsAccessEvent("d", T, "t", "a@contoso.com", null,
                "https://contoso.crm.dynamics.com/main.aspx", -2147204784, null);
        DynamicsAccessEvent noRole = new DynamicsAccessEvent("d2", T, "t", "a@contoso.com", null,
                "https://contoso.crm4.dynamics.com/main.aspx", 0x80042f09, null);
        DynamicsAccessEvent fine = new DynamicsAccessEvent("d3", T, "t", "a@contoso.com", null,
                "https://contoso.crm4.dynamics.com/main.aspx", 0, null);

        assertThat(detect(wrongRegion)).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("DYNAMICS_REGION_MISMATCH");
            assertThat(d.entity().value()).isEqualTo("a@contoso.com|contoso.crm.dynamics.com");
            assertThat(d.suppression()).isEqualTo(Duration.ofHours(24));
        });
        assertThat(detect(noRole)).extracting(Finding::rule).containsExactly("DYNAMICS_MISSING_ROLE");
        assertThat(detect(fine)).isEmpty();
    }

    @Test
    void suppressionPeriodsComeFromSettings() {
        List<EventRule> custom = PerEventRules.all(new RuleSettings(Map.of("ACCOUNT_LOCKOUT", Duration.ofMinutes(5)), Map.of()));
        ClassifiedEvent lockout = classified(signIn(50053, null, null, null));
        assertThat(custom.stream().map(r -> r.evaluate(lockout)).flatMap(Optional::stream))
                .singleElement().satisfies(d -> assertThat(d.suppression()).isEqualTo(Duration.ofMinutes(5)));
    }

    @Test
    void alertIdDependsOnRuleTenantEntityAndIncidentStart() {
        String id = AlertFactory.alertId("ACCOUNT_LOCKOUT", "t", "u@x.com", T);
        assertThat(AlertFactory.alertId("ACCOUNT_LOCKOUT", "t", "u@x.com", T)).isEqualTo(id);
        assertThat(AlertFactory.alertId("ACCOUNT_LOCKOUT", "t", "u@x.com", T.plusSeconds(1))).isNotEqualTo(id);
        assertThat(AlertFactory.alertId("ACCOUNT_LOCKOUT", "t2", "u@x.com", T)).isNotEqualTo(id);
        assertThat(AlertFactory.alertId("MFA_DENIED", "t", "u@x.com", T)).isNotEqualTo(id);
    }
}
