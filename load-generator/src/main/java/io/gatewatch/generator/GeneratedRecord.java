package io.gatewatch.generator;

/** One record for an input topic: a sign-in export record (or envelope) or a Dynamics access event. */
public record GeneratedRecord(Kind kind, String json) {

    /** Which input it belongs to. */
    public enum Kind { SIGN_IN, DYNAMICS }
}
