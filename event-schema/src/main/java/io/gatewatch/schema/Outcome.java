package io.gatewatch.schema;

/** How a sign-in ended. An interrupt is a normal step of a flow (MFA prompt, KMSI), not a failure. */
public enum Outcome {
    SUCCESS,
    INTERRUPT,
    FAILURE
}
