package io.gatewatch.schema;

/**
 * One triage question of an alert's rule and, where Gatewatch's evidence answers it, the answer
 * ("0 of the 5 targeted users signed in afterwards"); null when the analyst must look.
 */
public record TriageAnswer(String question, String answer) {
}
