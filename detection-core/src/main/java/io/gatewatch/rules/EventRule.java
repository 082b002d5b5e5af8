package io.gatewatch.rules;

import io.gatewatch.schema.ClassifiedEvent;
import java.util.Optional;

/** A detection that decides on a single classified event (no window); plain Java. */
public interface EventRule {

    Optional<Finding> evaluate(ClassifiedEvent event);
}
