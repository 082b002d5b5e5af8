package io.gatewatch.schema;

/** A Conditional Access policy evaluated for a sign-in and its result (success, failure, notApplied, ...). */
public record AppliedPolicy(String id, String displayName, String result) {
}
