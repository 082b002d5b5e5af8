package io.gatewatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.rules.watchlist.Watchlists;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-event rules added with the session rules: the broker's device-code registration, a
 * declined consent, a privileged account's single factor, a confirmed-compromised user, and the
 * risk pass-through graded per level — each on both sides of its condition.
 */
class TokenAndConsentMatchRulesTest {

    private static final String BROKER = "29d9ed98-a469-4536-ade2-f981bc1d605e";

    private static final Map<String, Object> INTERACTIVE_WITH_MFA = Map.of("isInteractive", true,
            "authenticationRequirement", "multiFactorAuthentication");

    private static ClassifiedEvent signIn(String user, int code, Map<String, Object> fields) {
        return ClassifiedSignIns.of(user, code, INTERACTIVE_WITH_MFA, fields);
    }

    private static List<Finding> detect(RuleSettings settings, ClassifiedEvent event) {
        return ClassifiedSignIns.detect(settings, event);
    }

    private static List<String> rules(ClassifiedEvent event) {
        return detect(RuleSettings.DEFAULTS, event).stream().map(Finding::rule).toList();
    }

    private static Map<String, Object> broker(String protocol, String resource) {
        return Map.of("appId", BROKER, "authenticationProtocol", protocol, "resourceDisplayName", resource);
    }

    @Test
    void theBrokerByDeviceCodeToDeviceRegistrationOrGraphFiresInteractivelyOrToOtherResourcesNot() {
        assertThat(rules(signIn("a@contoso.com", 0, broker("deviceCode", "Device Registration Service"))))
                .containsExactly("BROKER_DEVICE_CODE_REGISTRATION");
        assertThat(rules(signIn("a@contoso.com", 0, broker("deviceCode", "Microsoft Graph"))))
                .containsExactly("BROKER_DEVICE_CODE_REGISTRATION");
        assertThat(rules(signIn("a@contoso.com", 0, broker("none", "Device Registration Service")))).as("a Windows join").isEmpty();
        assertThat(rules(signIn("a@contoso.com", 0, broker("deviceCode", "Azure Key Vault")))).isEmpty();
        assertThat(rules(signIn("a@contoso.com", 50126, broker("deviceCode", "Device Registration Service")))).isEmpty();
        assertThat(rules(signIn("a@contoso.com", 0, Map.of("appId", "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
                "authenticationProtocol", "deviceCode", "resourceDisplayName", "Microsoft Graph")))).as("Teams on a room device").isEmpty();
    }

    @Test
    void aDeclinedConsentFiresAConsentStillRequiredNot() {
        assertThat(detect(RuleSettings.DEFAULTS, signIn("b@contoso.com", 65004, Map.of()))).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("CONSENT_DENIED");
            assertThat(f.severity()).isEqualTo(Severity.LOW);
        });
        assertThat(rules(signIn("b@contoso.com", 65001, Map.of()))).isEmpty();
    }

    @Test
    void aPrivilegedAccountWithAPasswordAloneFiresWithMfaOrNonInteractiveOrUnlistedNot() {
        Watchlists lists = new Watchlists();
        lists.add("privileged", "root@contoso.com");
        RuleSettings settings = RuleSettings.DEFAULTS.withWatchlists(lists);
        Map<String, Object> single = Map.of("authenticationRequirement", "singleFactorAuthentication");
        assertThat(detect(settings, signIn("root@contoso.com", 0, single))).extracting(Finding::rule)
                .containsExactly("PRIVILEGED_SINGLE_FACTOR");
        assertThat(detect(settings, signIn("root@contoso.com", 0, Map.of()))).isEmpty();
        Map<String, Object> background = new HashMap<>(single);
        background.put("isInteractive", false);
        assertThat(detect(settings, signIn("root@contoso.com", 0, background))).isEmpty();
        assertThat(detect(settings, signIn("user@contoso.com", 0, single))).isEmpty();
        assertThat(detect(settings, signIn("root@contoso.com", 50126, single))).isEmpty();
    }

    @Test
    void aConfirmedCompromisedUserSigningInIsCritical() {
        assertThat(detect(RuleSettings.DEFAULTS, signIn("c@contoso.com", 0, Map.of("riskState", "confirmedCompromised"))))
                .singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("RISKY_SIGN_IN");
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                });
    }

    @Test
    void thePassThroughIsOffByDefaultAndOnGradesEachRiskLevelAsItsOwnSeverity() {
        Map<String, Object> medium = Map.of("riskLevelDuringSignIn", "medium", "riskState", "atRisk");
        assertThat(rules(signIn("d@contoso.com", 0, medium))).doesNotContain("RISK_LEVEL_PASSTHROUGH");
        RuleSettings on = RuleSettings.fromProperties(Map.of("rule.RISK_LEVEL_PASSTHROUGH.enabled", "true"));
        for (String level : List.of("low", "medium", "high")) {
            Map<String, Object> fields = Map.of("riskLevelAggregated", level, "riskState", "atRisk");
            assertThat(detect(on, signIn("d@contoso.com", 53004, fields)))
                    .filteredOn(f -> f.rule().equals("RISK_LEVEL_PASSTHROUGH")).singleElement()
                    .satisfies(f -> assertThat(f.severity()).as(level).isEqualTo(Severity.valueOf(level.toUpperCase())));
        }
        assertThat(detect(on, signIn("d@contoso.com", 0, Map.of("riskLevelAggregated", "high", "riskState", "remediated"))))
                .extracting(Finding::rule).doesNotContain("RISK_LEVEL_PASSTHROUGH");
        RuleSettings regraded = RuleSettings.fromProperties(Map.of("rule.RISK_LEVEL_PASSTHROUGH.enabled", "true",
                "rule.RISK_LEVEL_PASSTHROUGH.severity", "info"));
        assertThat(detect(regraded, signIn("d@contoso.com", 0, medium)))
                .filteredOn(f -> f.rule().equals("RISK_LEVEL_PASSTHROUGH")).extracting(Finding::severity)
                .containsExactly(Severity.INFO);
    }
}
