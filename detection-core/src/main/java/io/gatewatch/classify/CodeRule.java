package io.gatewatch.classify;

import io.gatewatch.schema.Category;
import java.util.List;

/**
 * One row of the error-code table: the codes, their category, whether the password had been
 * verified when they occur, and refinements that re-file them on a matching signal.
 */
public record CodeRule(List<Integer> codes, Category category, boolean credentialValidated,
                       List<Refinement> refinements) {

    public CodeRule {
        codes = codes == null ? List.of() : List.copyOf(codes);
        refinements = refinements == null ? List.of() : List.copyOf(refinements);
        if (category == null) {
            throw new IllegalArgumentException("a code rule needs a category");
        }
    }
}
