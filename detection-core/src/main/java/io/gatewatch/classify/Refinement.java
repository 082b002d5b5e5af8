package io.gatewatch.classify;

import io.gatewatch.schema.Category;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.SignInEvent;
import java.util.List;
import java.util.Locale;

/**
 * Re-files a code's events when a signal matches, e.g. 50053 whose failure reason says
 * "malicious IP". Matching ignores case; {@code contains} matches substrings, {@code equals}
 * whole values.
 *
 * @param severity overrides the category's severity when set (a fraud report is HIGH)
 */
public record Refinement(SignalField field, List<String> contains, List<String> equals, Category category,
                         boolean fraudReported, Severity severity) {

    public Refinement {
        contains = lowerCase(contains);
        equals = lowerCase(equals);
        if (field == null || category == null) {
            throw new IllegalArgumentException("a refinement needs a field and a category");
        }
    }

    public boolean matches(SignInEvent event) {
        for (String value : field.valuesOf(event)) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (equals.contains(lower)) {
                return true;
            }
            for (String fragment : contains) {
                if (lower.contains(fragment)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> lowerCase(List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}
