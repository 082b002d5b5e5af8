package io.gatewatch.rules.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of rule a catalogue file can define, and {@code java} for the ones whose logic is code. */
public enum Shape {
    /** One event decides: a condition on its fields. */
    MATCH,
    /** At least {@code threshold} matching events, and {@code distinct} distinct values of a field, per entity within a window. */
    COUNT,
    /** A burst of matching failures against a user; the user's success within {@code success-window} escalates. */
    BURST_THEN_SUCCESS,
    /**
     * The first time an entity shows a value of a field ({@code term}) within {@code window} (the
     * look-back), once the entity has been seen for {@code history}: a user's first country, app or
     * client in two weeks.
     */
    NEW_TERMS,
    /** The follow-up alert of a burst rule (it names its burst rule's id). */
    ESCALATION,
    /** Logic in Java (a NAT guard, travel speed, a learned baseline): only its description and numbers are data. */
    JAVA;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Shape parse(String value) {
        for (Shape shape : values()) {
            if (shape.yamlName().equals(value)) {
                return shape;
            }
        }
        return null;
    }

    static String allowed() {
        return Arrays.stream(values()).map(Shape::yamlName).collect(Collectors.joining(", "));
    }
}
