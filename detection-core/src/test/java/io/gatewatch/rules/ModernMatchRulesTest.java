package io.gatewatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.ClassifiedEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The match rules of issue 24 and the anchor slips fixed there, on Graph-shaped sign-ins: each on
 * both sides of its condition, and the benign lookalikes (a printer's SMTP account in the rule's
 * exception list, a remediated or confirmed-safe risk) quiet.
 */
class ModernMatchRulesTest {


    /** A member's successful browser sign-in; {@code fields} replaces or adds top-level Graph fields. */
    private static final Map<String, Object> MEMBER_IN_A_BROWSER = Map.of("userType", "Member", "clientAppUsed", "Browser",
            "authenticationProtocol", "none", "authenticationRequirement", "singleFactorAuthentication",
            "userAgent", "Mozilla/5.0");

    private static ClassifiedEvent signIn(int code, Map<String, Object> fields) {
        return ClassifiedSignIns.of("Ann@Contoso.com", code, MEMBER_IN_A_BROWSER, fields);
    }

    private static List<Finding> detect(RuleSettings settings, ClassifiedEvent event) {
        return ClassifiedSignIns.detect(settings, event);
    }

    private static List<String> rules(ClassifiedEvent event) {
        return detect(RuleSettings.DEFAULTS, event).stream().map(Finding::rule).toList();
    }

    @Test
    void legacyClientSuccessFiresForEachLegacyClientAndNotForModernOnesOrFailures() {
        for (String client : List.of("IMAP4", "POP3", "Authenticated SMTP", "Exchange ActiveSync", "Other clients",
                "Exchange Web Services", "MAPI Over HTTP", "Offline Address Book", "Outlook Anywhere", "Autodiscover",
                "Exchange Online PowerShell", "Outlook Service", "Reporting Web Services", "imap4")) {
            assertThat(rules(signIn(0, Map.of("clientAppUsed", client)))).as(client).containsExactly("LEGACY_AUTH_SUCCESS");
        }
        assertThat(rules(signIn(0, Map.of()))).as("a browser").isEmpty();
        assertThat(rules(signIn(0, Map.of("clientAppUsed", "Mobile Apps and Desktop clients")))).isEmpty();
        assertThat(rules(signIn(50126, Map.of("clientAppUsed", "IMAP4")))).as("a failure").isEmpty();
        assertThat(rules(signIn(0, Map.of("clientAppUsed", "IMAP4", "userType", "Guest")))).as("a guest").isEmpty();
    }

    @Test
    void ropcFiresOnlySingleFactorAndTheLegacyUserAgentsFireOnSuccess() {
        assertThat(rules(signIn(0, Map.of("authenticationProtocol", "ropc")))).containsExactly("LEGACY_AUTH_SUCCESS");
        assertThat(rules(signIn(0, Map.of("authenticationProtocol", "ropc",
                "authenticationRequirement", "multiFactorAuthentication")))).as("ropc with MFA").isEmpty();
        assertThat(rules(signIn(0, Map.of("userAgent", "BAV2ROPC")))).containsExactly("LEGACY_AUTH_SUCCESS");
        assertThat(rules(signIn(0, Map.of("userAgent", "CBAinTAR")))).as("Sigma's third agent").containsExactly("LEGACY_AUTH_SUCCESS");
        assertThat(rules(signIn(0, Map.of("userAgent", "CBAInPROD")))).containsExactly("LEGACY_AUTH_SUCCESS");
        assertThat(rules(signIn(50126, Map.of("userAgent", "BAV2ROPC")))).as("a failed spray attempt").isEmpty();
        assertThat(rules(signIn(0, Map.of("userAgent", "Mozilla/5.0 BAV2ROPCish")))).isEmpty();
    }

    @Test
    void eachBranchSaysWhatItSaw() {
        assertThat(detect(RuleSettings.DEFAULTS, signIn(0, Map.of("clientAppUsed", "IMAP4")))).singleElement()
                .satisfies(f -> {
                    assertThat(f.entity().value()).isEqualTo("ann@contoso.com");
                    assertThat(f.summary()).contains("legacy client IMAP4");
                });
        assertThat(detect(RuleSettings.DEFAULTS, signIn(0, Map.of("authenticationProtocol", "ropc")))).singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("ROPC"));
        assertThat(detect(RuleSettings.DEFAULTS, signIn(0, Map.of("userAgent", "BAV2ROPC")))).singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("BAV2ROPC"));
    }

    @Test
    void aPrintersSmtpAccountOrAnAppInTheExceptionListStaysQuiet() {
        RuleSettings excepted = RuleSettings.fromProperties(Map.of(
                "rule.LEGACY_AUTH_SUCCESS.except-users", "scanner@contoso.com",
                "rule.LEGACY_AUTH_SUCCESS.except-apps", "Contoso Payroll"));
        ClassifiedEvent printer = signIn(0, Map.of("clientAppUsed", "Authenticated SMTP",
                "userPrincipalName", "Scanner@Contoso.com"));
        assertThat(detect(excepted, printer)).isEmpty();
        assertThat(detect(excepted, signIn(0, Map.of("authenticationProtocol", "ropc",
                "appDisplayName", "Contoso Payroll")))).isEmpty();
        assertThat(detect(excepted, signIn(0, Map.of("clientAppUsed", "Authenticated SMTP")))).as("another user")
                .extracting(Finding::rule).containsExactly("LEGACY_AUTH_SUCCESS");
        assertThat(detect(RuleSettings.DEFAULTS, printer)).as("without the list").extracting(Finding::rule)
                .containsExactly("LEGACY_AUTH_SUCCESS");
    }

    @Test
    void riskySignInReadsAggregatedRiskAndSkipsConfirmedSafe() {
        assertThat(rules(signIn(0, Map.of("riskLevelAggregated", "high", "riskState", "atRisk"))))
                .containsExactly("RISKY_SIGN_IN");
        assertThat(detect(RuleSettings.DEFAULTS, signIn(0, Map.of("riskLevelAggregated", "high", "riskState", "atRisk"))))
                .singleElement().satisfies(f -> assertThat(f.summary()).contains("aggregated"));
        for (String safe : List.of("remediated", "dismissed", "confirmedSafe")) {
            assertThat(rules(signIn(0, Map.of("riskLevelDuringSignIn", "high", "riskState", safe)))).as(safe).isEmpty();
            assertThat(rules(signIn(0, Map.of("riskLevelAggregated", "high", "riskState", safe)))).as(safe).isEmpty();
        }
        assertThat(rules(signIn(0, Map.of("riskLevelAggregated", "medium", "riskState", "atRisk")))).isEmpty();
    }
}
