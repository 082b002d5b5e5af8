package io.gatewatch.rules;

import io.gatewatch.schema.ClassifiedEvent;
import java.util.Optional;

/** A detection that decides on a single classified event (no window); plain Java. */
public interface EventRule {

    Optional<Finding> evaluate(ClassifiedEvent event);

    /** True for a rule about workload identities: it sees only their sign-ins, every other rule only users'. */
    default boolean workloadIdentities() {
        return false;
    }
}
