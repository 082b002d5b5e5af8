package io.gatewatch.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.schema.Category;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every shipped rule tells the analyst what to check and what to do in its own words: triage
 * questions and response steps of its own, none of them a failure category's advice (what an
 * alert carried before: a spray's "remediation" was the advice for a user who mistyped).
 */
class RuleGuideTest {

    private final List<RuleDefinition> rules = RuleCatalogue.shipped().all();

    @Test
    void everyRuleHasTriageAndResponse() {
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.guide().triage()).as(rule.id()).isNotEmpty();
            assertThat(rule.guide().response()).as(rule.id()).isNotEmpty();
            assertThat(rule.guide().response()).as(rule.id() + ": short imperative lines")
                    .allSatisfy(step -> assertThat(step).hasSizeLessThan(160).endsWith("."));
        });
    }

    @Test
    void noTwoRulesShareTheirGuideAndEachHasAQuestionAndAStepOfItsOwn() {
        Map<String, Integer> stepUses = new HashMap<>();
        Map<String, Integer> questionUses = new HashMap<>();
        rules.forEach(rule -> {
            new HashSet<>(rule.guide().response()).forEach(step -> stepUses.merge(step, 1, Integer::sum));
            rule.guide().triage().stream().map(RuleGuide.Question::ask).distinct()
                    .forEach(ask -> questionUses.merge(ask, 1, Integer::sum));
        });
        assertThat(rules).extracting(RuleDefinition::guide).doesNotHaveDuplicates();
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.guide().response()).as(rule.id() + ": a step no other rule has")
                    .anyMatch(step -> stepUses.get(step) == 1);
            assertThat(rule.guide().triage()).as(rule.id() + ": a question no other rule has")
                    .anyMatch(q -> questionUses.get(q.ask()) == 1);
        });
    }

    @Test
    void noQuestionOrStepIsAFailureCategorysAdvice() {
        ClassificationData data = ClassificationData.defaults();
        Set<String> advice = new HashSet<>();
        for (Category category : Category.values()) {
            if (data.info(category) != null) {
                advice.addAll(data.info(category).remediation());
            }
        }
        assertThat(advice).isNotEmpty();
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.guide().response()).as(rule.id()).doesNotContainAnyElementsOf(advice);
            assertThat(rule.guide().triage()).extracting(RuleGuide.Question::ask).as(rule.id())
                    .doesNotContainAnyElementsOf(advice);
        });
    }

    @Test
    void theAttacksThatCanSucceedAskWhoSignedInAfterwards() {
        assertThat(rules).filteredOn(rule -> rule.guide().triage().stream()
                        .anyMatch(q -> q.answer() == TriageFact.SIGNED_IN_AFTERWARDS))
                .extracting(RuleDefinition::id).contains("PASSWORD_SPRAY", "BRUTE_FORCE", "MFA_FATIGUE",
                        "DISTRIBUTED_CRACKING", "LOCKOUT_STORM", "TOTP_BRUTE_FORCE", "SEAMLESS_SSO_SPRAY",
                        "PRIVILEGED_ACCOUNT_FAILURES", "CROSS_TENANT_SPRAY");
    }

    @Test
    void aRuleFileNamingAnAnswerGatewatchDoesNotKnowIsRefusedWithItsLine() {
        String file = """
                rules:
                  - id: MY_RULE
                    title: Mine
                    severity: LOW
                    operational: true
                    shape: match
                    entity: user
                    where: {category: ACCOUNT_LOCKED}
                    summary: "x"
                    triage:
                      - {ask: "Who?", answer: shoeSize}
                """;
        assertThatThrownBy(() -> RuleCatalogue.shipped().plus(file, "mine.yaml"))
                .hasMessageContaining("mine.yaml:10").hasMessageContaining("shoeSize")
                .hasMessageContaining("signedInAfterwards");
    }

    @Test
    void aRuleFilesTriageAndResponseAreRead() {
        String file = """
                rules:
                  - id: MY_RULE
                    title: Mine
                    severity: LOW
                    operational: true
                    shape: match
                    entity: user
                    where: {category: ACCOUNT_LOCKED}
                    summary: "x"
                    triage:
                      - "Is it Tuesday?"
                      - {ask: "From where?", answer: addresses}
                    response: ["Call the user."]
                """;
        RuleGuide guide = RuleCatalogue.shipped().plus(file, "mine.yaml").get("MY_RULE").orElseThrow().guide();
        assertThat(guide.triage()).containsExactly(new RuleGuide.Question("Is it Tuesday?", null),
                new RuleGuide.Question("From where?", TriageFact.ADDRESSES));
        assertThat(guide.response()).containsExactly("Call the user.");
    }
}
