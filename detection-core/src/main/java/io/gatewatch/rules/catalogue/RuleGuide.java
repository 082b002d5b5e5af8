package io.gatewatch.rules.catalogue;

import java.util.List;

/**
 * What an analyst does with a rule's alert, as its catalogue entry says: the questions to check
 * ({@code triage}), each naming the evidence that answers it where Gatewatch has it, and the
 * response, short imperative steps in Entra ID terms. A rule file's rule without them is empty:
 * its alerts then carry the failure category's advice.
 */
public record RuleGuide(List<Question> triage, List<String> response) {

    public static final RuleGuide NONE = new RuleGuide(List.of(), List.of());

    public RuleGuide {
        triage = List.copyOf(triage);
        response = List.copyOf(response);
    }

    /** A question and the fact that answers it, null when only the analyst can. */
    public record Question(String ask, TriageFact answer) {
    }
}
