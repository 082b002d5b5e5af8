package io.gatewatch.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.rules.RuleSettings;
import io.gatewatch.rules.windowed.WindowedRules;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped catalogue describes every rule Gatewatch has, and each attack rule names its ATT&CK techniques. */
class ShippedCatalogueTest {

    private final List<RuleDefinition> rules = RuleCatalogue.shipped().all();

    @Test
    void everyRuleIsInTheCatalogueOnce() {
        assertThat(rules).extracting(RuleDefinition::id).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                "ACCOUNT_LOCKOUT", "MFA_FRAUD_REPORTED", "MFA_DENIED", "RISKY_SIGN_IN", "DYNAMICS_MISSING_ROLE",
                "DYNAMICS_REGION_MISMATCH", "BRUTE_FORCE", "BRUTE_FORCE_SUCCESS", "PASSWORD_SPRAY", "MFA_FATIGUE",
                "MFA_FATIGUE_SUCCESS", "IMPOSSIBLE_TRAVEL", "DISTRIBUTED_CRACKING", "LOCKOUT_STORM", "PASSWORD_EXPIRY_WAVE",
                "DISABLED_ACCOUNT_PROBING", "DISABLED_ACCOUNT_PROBE_THEN_SUCCESS", "CROSS_TENANT_SPRAY",
                "CONDITIONAL_ACCESS_SPIKE", "FAILURE_RATE_SPIKE", "BREAK_GLASS_SIGN_IN", "PRIVILEGED_ACCOUNT_FAILURES",
                "LEGACY_AUTH_SUCCESS", "REPEATED_RISK", "DEVICE_CODE_FIRST_USE", "FIRST_PARTY_CLIENT_TO_GRAPH", "SEAMLESS_SSO_SPRAY",
                "SESSION_REPLAY", "DEVICE_CODE_SESSION_SPREAD", "BROKER_DEVICE_CODE_REGISTRATION",
                "SUCCESS_THEN_FAILURE_OTHER_NETWORK", "NEW_COUNTRY_VALID_PASSWORD", "TOTP_BRUTE_FORCE", "CONSENT_DENIED",
                "PRIVILEGED_NEW_NETWORK", "PRIVILEGED_SINGLE_FACTOR", "SERVICE_PRINCIPAL_NEW_NETWORK",
                "SERVICE_PRINCIPAL_CREDENTIAL_FAILURES", "RISK_LEVEL_PASSTHROUGH");
        assertThat(rules).filteredOn(rule -> rule.shape() == Shape.JAVA).extracting(RuleDefinition::id)
                .containsAll(WindowedRules.javaRules());
    }

    @Test
    void everyAttackRuleNamesTacticsAndTechniquesAndOnlyOperationalOnesDoNot() {
        assertThat(rules).filteredOn(rule -> !rule.operational()).allSatisfy(rule -> {
            assertThat(rule.techniques()).as(rule.id()).isNotEmpty();
            assertThat(rule.tactics()).as(rule.id()).isNotEmpty();
            assertThat(rule.anchors()).as(rule.id()).isNotEmpty();
            assertThat(rule.falsePositives()).as(rule.id()).isNotEmpty();
        });
        assertThat(rules).filteredOn(RuleDefinition::operational).extracting(RuleDefinition::id)
                .containsExactlyInAnyOrder("DYNAMICS_MISSING_ROLE", "DYNAMICS_REGION_MISMATCH", "PASSWORD_EXPIRY_WAVE");
        assertThat(rules).filteredOn(RuleDefinition::operational).allSatisfy(rule -> assertThat(rule.techniques()).isEmpty());
    }

    @Test
    void everyRuleRunsByDefaultButTheOptInOneAndCanBeSwitchedOffAndRegraded() {
        Set<String> off = Set.of("CROSS_TENANT_SPRAY", "RISK_LEVEL_PASSTHROUGH");
        for (RuleDefinition rule : rules) {
            assertThat(RuleSettings.DEFAULTS.enabled(rule.id())).as(rule.id()).isEqualTo(!off.contains(rule.id()));
            RuleSettings settings = RuleSettings.fromProperties(java.util.Map.of("rule." + rule.id() + ".enabled", "false",
                    "rule." + rule.id() + ".severity", "critical"));
            assertThat(settings.enabled(rule.id())).as(rule.id()).isFalse();
            assertThat(settings.severity(rule.id(), null)).as(rule.id()).isEqualTo(io.gatewatch.schema.Severity.CRITICAL);
        }
    }
}
