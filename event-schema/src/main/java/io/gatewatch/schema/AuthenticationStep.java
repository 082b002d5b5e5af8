package io.gatewatch.schema;

/** One step of a sign-in's authentication (password, MFA push, ...), from {@code authenticationDetails}. */
public record AuthenticationStep(String authenticationMethod, Boolean succeeded,
                                 String authenticationStepResultDetail, String authenticationStepRequirement) {
}
