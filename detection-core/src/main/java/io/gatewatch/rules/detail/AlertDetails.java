package io.gatewatch.rules.detail;

import io.gatewatch.rules.catalogue.RuleCatalogue;
import io.gatewatch.rules.catalogue.RuleDefinition;
import io.gatewatch.rules.catalogue.RuleGuide;
import io.gatewatch.rules.catalogue.TriageFact;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEvidence;
import io.gatewatch.schema.TriageAnswer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Completes a raised alert with what an analyst acts on: its rule's response steps (in place of
 * the failure category's advice), its rule's triage questions answered from the evidence where the
 * evidence answers them, the evidence itself and the pivots to its sign-ins. A rule file's rule
 * without a response keeps the category's advice.
 */
public final class AlertDetails {

    private final RuleCatalogue catalogue;
    private final Map<String, RuleGuide> guides = new ConcurrentHashMap<>();

    public AlertDetails(RuleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Alert complete(Alert alert, AlertEvidence evidence, List<String> categoryAdvice) {
        RuleGuide guide = guide(alert.rule());
        List<TriageAnswer> answers = guide.triage().stream().map(question -> new TriageAnswer(question.ask(),
                question.answer() == null ? null : question.answer().answer(evidence))).toList();
        List<String> response = guide.response().isEmpty() ? categoryAdvice
                : guide.response().stream().map(step -> withOrgUrl(step, categoryAdvice)).toList();
        return alert.withDetails(response, answers, evidence, Pivots.of(alert, evidence));
    }

    /**
     * A step's {@code {orgUrl}}: the organisation's URL on its own region, which only the
     * classifier knows (from the org directory) and writes into the event's advice; where it does
     * not, the place to look it up.
     */
    static String withOrgUrl(String step, List<String> eventAdvice) {
        if (!step.contains("{orgUrl}")) {
            return step;
        }
        String url = eventAdvice.stream().flatMap(advice -> Arrays.stream(advice.split("\\s+")))
                .filter(word -> word.startsWith("https://")).findFirst().orElse(null);
        return step.replace("{orgUrl}", url != null ? url
                : "(Power Platform admin center > Environments > the environment's URL)");
    }

    /** True when a triage question of the rule asks which targets signed in afterwards: worth the look-ups. */
    public boolean asksSignedInAfterwards(String rule) {
        return guide(rule).triage().stream().anyMatch(q -> q.answer() == TriageFact.SIGNED_IN_AFTERWARDS);
    }

    private RuleGuide guide(String rule) {
        return guides.computeIfAbsent(rule, id -> catalogue.get(id).map(RuleDefinition::guide).orElse(RuleGuide.NONE));
    }
}
