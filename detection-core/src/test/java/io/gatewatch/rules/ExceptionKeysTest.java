package io.gatewatch.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewatch.rules.exceptions.AddressRange;
import io.gatewatch.rules.exceptions.ExceptionList;
import io.gatewatch.rules.exceptions.RuleExceptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exception keys: how they are spelt, checked at load, read into RuleSettings.exceptions(). */
class ExceptionKeysTest {

    private static final Integer[] MICROSOFT = {8068, 8069, 8070, 8075, 12076};

    @Test
    void theShippedFileLeavesMicrosoftsNetworksOutOfTheLockoutRulesOnly() {
        RuleExceptions shipped = RuleSettings.DEFAULTS.exceptions();

        assertThat(shipped.global().isEmpty()).isTrue();
        assertThat(shipped.perRule()).containsOnlyKeys("ACCOUNT_LOCKOUT", "LOCKOUT_STORM");
        assertThat(shipped.forRule("ACCOUNT_LOCKOUT").asns()).containsExactly(MICROSOFT);
        assertThat(shipped.forRule("LOCKOUT_STORM").asns()).containsExactly(MICROSOFT);
        assertThat(shipped.forRule("BRUTE_FORCE").isEmpty()).as("the credential rules see every failure").isTrue();
        assertThat(shipped.forRule("PASSWORD_SPRAY").isEmpty()).isTrue();
        assertThat(RuleKeys.defaults()).containsEntry("exceptions.addresses", "").containsEntry("exceptions.asns", "")
                .containsEntry("exceptions.users", "").containsEntry("exceptions.apps", "")
                .containsEntry("rule.ACCOUNT_LOCKOUT.except-asns", "8068,8069,8070,8075,12076");
    }

    @Test
    void globalAndPerRuleKeysAreRead() {
        RuleSettings settings = RuleSettings.fromProperties(Map.of(
                "exceptions.addresses", "10.0.0.0/8, 2001:db8::/32",
                "exceptions.users", "svc-scanner@contoso.com",
                "rule.BRUTE_FORCE.except-apps", "Contoso Scanner",
                "rule.password-spray.except-addresses", "198.51.100.0/24",
                "window.grace", "PT2M"));
        RuleExceptions exceptions = settings.exceptions();

        assertThat(exceptions.global().addresses()).containsExactly(AddressRange.parse("10.0.0.0/8"),
                AddressRange.parse("2001:db8::/32"));
        assertThat(exceptions.global().users()).containsExactly("svc-scanner@contoso.com");
        assertThat(exceptions.perRule()).containsOnlyKeys("BRUTE_FORCE", "PASSWORD_SPRAY", "ACCOUNT_LOCKOUT",
                "LOCKOUT_STORM");
        ExceptionList spray = exceptions.forRule("PASSWORD_SPRAY");
        assertThat(spray.addresses()).extracting(AddressRange::toString)
                .containsExactly("10.0.0.0/8", "2001:db8::/32", "198.51.100.0/24");
        assertThat(spray.users()).as("with the global ones").containsExactly("svc-scanner@contoso.com");
        assertThat(exceptions.forRule("BRUTE_FORCE").apps()).containsExactly("Contoso Scanner");
        assertThat(exceptions.forRule("ACCOUNT_LOCKOUT").asns()).as("the shipped default stays").containsExactly(MICROSOFT);
        assertThat(exceptions.forRule("ACCOUNT_LOCKOUT").addresses()).hasSize(2);
    }

    @Test
    void aValueGivenReplacesTheShippedOneAndEmptyDropsIt() {
        RuleExceptions exceptions = RuleSettings.fromProperties(Map.of(
                "rule.ACCOUNT_LOCKOUT.except-asns", "",
                "rule.LOCKOUT_STORM.except-asns", "8075")).exceptions();

        assertThat(exceptions.forRule("ACCOUNT_LOCKOUT").isEmpty()).isTrue();
        assertThat(exceptions.forRule("LOCKOUT_STORM").asns()).containsExactly(8075);
        assertThat(RuleSettings.fromProperties(Map.of("rule.ACCOUNT_LOCKOUT.except-asns", "",
                "rule.LOCKOUT_STORM.except-asns", "")).exceptions()).isSameAs(RuleExceptions.NONE);
    }

    @Test
    void aBadListFailsAtLoadNamingItsKey() {
        assertThatThrownBy(() -> RuleSettings.fromProperties(Map.of("exceptions.addresses", "10.0.0.0/8,office.contoso.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("exceptions.addresses entry 'office.contoso.com' is not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> RuleSettings.fromProperties(Map.of("rule.ACCOUNT_LOCKOUT.except-asns", "8075,microsoft")))
                .hasMessage("rule.ACCOUNT_LOCKOUT.except-asns entry 'microsoft' is not an autonomous system number "
                        + "(a whole number such as 8075)");
        assertThatThrownBy(() -> RuleSettings.fromProperties(Map.of("exceptions.networks", "10.0.0.0/8")))
                .hasMessageStartingWith("exceptions.networks is not an exception list");
        assertThatThrownBy(() -> RuleSettings.fromProperties(Map.of("rule.BRUTE_FORCE.except-ips", "10.0.0.0/8")))
                .hasMessageStartingWith("rule.BRUTE_FORCE.except-ips is not an exception list");
    }

    @Test
    void theEnvironmentsSpellingOfARulesListIsThatList() {
        // GATEWATCH_RULE_ACCOUNT_LOCKOUT_EXCEPT_ASNS becomes rule.account.lockout.except.asns
        assertThat(RuleKeys.canonical("rule.account.lockout.except.asns")).isEqualTo("rule.ACCOUNT_LOCKOUT.except-asns");
        assertThat(RuleKeys.canonical("rule.brute-force.except-users")).isEqualTo("rule.BRUTE_FORCE.except-users");
        assertThat(RuleKeys.canonical("rule.BRUTE_FORCE.except-addresses")).isEqualTo("rule.BRUTE_FORCE.except-addresses");
        assertThat(RuleKeys.canonical("rule.disabled.account.probe.then.success.except.apps"))
                .isEqualTo("rule.DISABLED_ACCOUNT_PROBE_THEN_SUCCESS.except-apps");
        assertThat(RuleKeys.canonical("exceptions.addresses")).isEqualTo("exceptions.addresses");
        assertThat(RuleSettings.fromProperties(Map.of("rule.account.lockout.except.asns", "8075")).exceptions()
                .forRule("ACCOUNT_LOCKOUT").asns()).containsExactly(8075);
    }

    @Test
    void everyRuleHasItsExceptionKeysAndNoOtherKeyIsOne() {
        assertThat(RuleKeys.isRuleKey("exceptions.addresses")).as("never passed to Kafka").isTrue();
        assertThat(RuleKeys.known("exceptions.addresses")).isTrue();
        assertThat(RuleKeys.known("exceptions.apps")).isTrue();
        assertThat(RuleKeys.known("exceptions.adresses")).isFalse();
        assertThat(RuleKeys.known("rule.BRUTE_FORCE.except-users")).as("a rule that ships none").isTrue();
        assertThat(RuleKeys.known("rule.IMPOSSIBLE_TRAVEL.except-addresses")).isTrue();
        assertThat(RuleKeys.known("rule.BRUTE_FORCE.except-foo")).isFalse();
        assertThat(RuleKeys.known("rule.NO_SUCH_RULE.except-users")).isFalse();
        assertThat(RuleKeys.known("rule.BASELINE.except-users")).as("BASELINE is settings, not a rule").isFalse();
        assertThat(RuleKeys.ruleNames()).contains("BRUTE_FORCE", "ACCOUNT_LOCKOUT", "CROSS_TENANT_SPRAY")
                .doesNotContain("BASELINE");
        assertThat(RuleKeys.exceptionKeys()).contains("rule.BRUTE_FORCE.except-addresses", "rule.BRUTE_FORCE.except-asns",
                "rule.BRUTE_FORCE.except-users", "rule.BRUTE_FORCE.except-apps")
                .hasSize(RuleKeys.ruleNames().size() * 4);
    }

    @Test
    void theCheckSaysWhatIsWrongInOneLine() {
        assertThat(RuleKeys.problem("exceptions.addresses", "10.0.0.0/8, 2001:db8::/32, 198.51.100.7")).isNull();
        assertThat(RuleKeys.problem("exceptions.addresses", "")).isNull();
        assertThat(RuleKeys.problem("exceptions.addresses", "10.0.0.0/33"))
                .startsWith("exceptions.addresses entry '10.0.0.0/33' has a prefix longer than /32");
        assertThat(RuleKeys.problem("rule.LOCKOUT_STORM.except-asns", "AS8075, 12076")).isNull();
        assertThat(RuleKeys.problem("rule.LOCKOUT_STORM.except-asns", "8075x"))
                .isEqualTo("rule.LOCKOUT_STORM.except-asns entry '8075x' is not an autonomous system number "
                        + "(a whole number such as 8075)");
        assertThat(RuleKeys.problem("rule.BRUTE_FORCE.except-users", "*@contoso.com"))
                .isEqualTo("rule.BRUTE_FORCE.except-users entry 1 is not a user principal name "
                        + "(an exact name@domain; no wildcards)");
        assertThat(RuleKeys.problem("exceptions.apps", "Contoso Scanner, 00000002-0000-0ff1-ce00-000000000000")).isNull();
    }

    @Test
    void toPropertiesSpellsEverySettingAsAConfigurationDoes() {
        RuleSettings settings = RuleSettings.fromProperties(Map.of("exceptions.users", "a@contoso.com",
                "rule.brute.force.except.users", "b@contoso.com", "suppress.BRUTE_FORCE", "PT2H",
                "rule.BRUTE_FORCE.threshold", "12"));

        assertThat(settings.toProperties()).containsExactlyInAnyOrderEntriesOf(Map.of("exceptions.users", "a@contoso.com",
                "rule.BRUTE_FORCE.except-users", "b@contoso.com", "suppress.BRUTE_FORCE", "PT2H",
                "rule.BRUTE_FORCE.threshold", "12"));
        assertThat(RuleSettings.fromProperties(settings.toProperties())).isEqualTo(settings);
    }
}
