package io.gatewatch.schema;

import java.util.List;

/**
 * What the classifier concluded about one event.
 *
 * @param credentialValidated the password (first factor) was right even though the sign-in
 *                            did not complete, e.g. blocked by MFA or Conditional Access
 * @param failureReason       Microsoft's own text as received; its wording changes over time
 * @param remediation         steps from Microsoft's troubleshooting guidance
 * @param reference           where those steps come from
 * @param fraudReported       the user reported the MFA prompt as fraud: treat as a compromise
 */
public record Classification(
        Outcome outcome,
        Category category,
        Severity severity,
        boolean credentialValidated,
        int errorCode,
        String failureReason,
        List<String> remediation,
        String reference,
        boolean fraudReported) {

    public Classification {
        remediation = remediation == null ? List.of() : List.copyOf(remediation);
    }

}
