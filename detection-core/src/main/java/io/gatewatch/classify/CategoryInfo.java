package io.gatewatch.classify;

import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.Severity;
import java.util.List;

/** A category's outcome, default severity and remediation steps. */
public record CategoryInfo(Outcome outcome, Severity severity, List<String> remediation, String reference) {

    public CategoryInfo {
        remediation = remediation == null ? List.of() : List.copyOf(remediation);
        if (outcome == null || severity == null) {
            throw new IllegalArgumentException("a category needs an outcome and a severity");
        }
    }
}
