package io.gatewatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rule keys there are, as the shipped file spells them, and the kind of value each takes. */
class RuleKeysTest {

    @Test
    void keysAreSpeltAsTheShippedFileSpellsThem() {
        assertThat(RuleKeys.canonical("rule.brute.force.threshold")).isEqualTo("rule.BRUTE_FORCE.threshold");
        assertThat(RuleKeys.canonical("rule.brute-force.success-window")).isEqualTo("rule.BRUTE_FORCE.success-window");
        assertThat(RuleKeys.canonical("suppress.account.lockout")).isEqualTo("suppress.ACCOUNT_LOCKOUT");
        assertThat(RuleKeys.canonical("window.grace")).isEqualTo("window.grace");
        assertThat(RuleKeys.canonical("rule.threshold")).as("no rule name: left for the check to refuse").isEqualTo("rule.threshold");
    }

    @Test
    void everyShippedKeyIsKnownAndNothingElse() {
        assertThat(RuleKeys.defaults()).containsEntry("rule.BRUTE_FORCE.threshold", "10")
                .containsEntry("suppress.IMPOSSIBLE_TRAVEL", "PT6H").containsKey("rule.BASELINE.z");
        assertThat(RuleKeys.known("rule.BRUTE_FORCE.success-window")).isTrue();
        assertThat(RuleKeys.known("rule.BRUTE_FORCE_SUCCESS.window")).isFalse();
        assertThat(RuleKeys.known("rule.NO_SUCH_RULE.threshold")).isFalse();
    }

    @Test
    void aValueMustBeOfItsDefaultsKind() {
        assertThat(RuleKeys.problem("rule.BRUTE_FORCE.threshold", " 15 ")).isNull();
        assertThat(RuleKeys.problem("rule.BRUTE_FORCE.threshold", "abc"))
                .isEqualTo("rule.BRUTE_FORCE.threshold must be a whole number, was 'abc'");
        assertThat(RuleKeys.problem("rule.BRUTE_FORCE.threshold", "1.5")).contains("whole number");
        assertThat(RuleKeys.problem("rule.BRUTE_FORCE.window", "PT15M")).isNull();
        assertThat(RuleKeys.problem("rule.BRUTE_FORCE.window", "15")).contains("ISO-8601 duration");
        assertThat(RuleKeys.problem("suppress.BRUTE_FORCE", "an hour")).contains("ISO-8601 duration");
        assertThat(RuleKeys.problem("rule.CROSS_TENANT_SPRAY.enabled", "true")).isNull();
        assertThat(RuleKeys.problem("rule.CROSS_TENANT_SPRAY.enabled", "on")).contains("true or false");
    }

    @Test
    void whatTheCheckAcceptsTheRulesCanRead() {
        RuleSettings settings = RuleSettings.fromProperties(java.util.Map.of(
                RuleKeys.canonical("rule.brute.force.threshold"), "15", "rule.BRUTE_FORCE.window", "PT15M"));

        assertThat(settings.number("BRUTE_FORCE", "threshold")).isEqualTo(15);
        assertThat(settings.period("BRUTE_FORCE", "window")).hasMinutes(15);
    }
}
