package io.gatewatch.schema;

/** An event together with its classification: the unit every rule and aggregate consumes. */
public record ClassifiedEvent(InputEvent event, Classification classification) {
}
