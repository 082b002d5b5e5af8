package io.gatewatch.classify;

import io.gatewatch.schema.AuthenticationStep;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Classification;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.SignInEvent;

/**
 * Classifies an Entra sign-in from its error code and, where one code means several things,
 * the record's own signals (failure reason, MFA details, risk level), as the code table says.
 * Plain Java: no Kafka, no I/O, safe to share between threads.
 */
public final class SignInClassifier {

    private final ClassificationData data;

    public SignInClassifier(ClassificationData data) {
        this.data = data;
    }

    public Classification classify(SignInEvent event) {
        CodeRule rule = data.ruleFor(event.errorCode());
        Category category = rule.category();
        Severity severityOverride = null;
        boolean fraud = false;
        for (Refinement refinement : rule.refinements()) {
            if (refinement.matches(event)) {
                category = refinement.category();
                severityOverride = refinement.severity();
                fraud = refinement.fraudReported();
                break;
            }
        }
        CategoryInfo info = data.info(category);
        return new Classification(
                info.outcome(),
                category,
                severityOverride != null ? severityOverride : info.severity(),
                rule.credentialValidated() || passwordStepSucceeded(event),
                event.errorCode(),
                event.failureReason(),
                info.remediation(),
                info.reference(),
                fraud);
    }

    /** Codes the table does not know can still show in the steps that the password was right. */
    private static boolean passwordStepSucceeded(SignInEvent event) {
        for (AuthenticationStep step : event.authenticationDetails()) {
            if (Boolean.TRUE.equals(step.succeeded()) && "Password".equalsIgnoreCase(step.authenticationMethod())) {
                return true;
            }
        }
        return false;
    }
}
