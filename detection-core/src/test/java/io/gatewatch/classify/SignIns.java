package io.gatewatch.classify;

import io.gatewatch.schema.AuthenticationStep;
import io.gatewatch.schema.SignInEvent;
import java.time.Instant;
import java.util.List;

/** Builds sign-ins for classifier tests: only the fields a test cares about differ from a plain one. */
final class SignIns {

    private SignIns() {
    }

    static SignInEvent withCode(int code) {
        return build(code, null, null, List.of(), null, null, List.of());
    }

    static SignInEvent build(int code, String failureReason, String additionalDetails, List<String> riskEventTypes,
                             String riskLevelDuringSignIn, String conditionalAccessStatus,
                             List<AuthenticationStep> steps) {
        return new SignInEvent("id-" + code, Instant.parse("2025-11-14T01:00:00Z"), "tenant", "graph", "SignInLogs",
                "user@contoso.com", "uid", "User", "Member", "app", "App", "res", "Res", "203.0.113.9", "Browser",
                "corr", true, code, failureReason, additionalDetails, conditionalAccessStatus, riskLevelDuringSignIn,
                null, null, null, riskEventTypes, null, null, null, steps, List.of(), null, null);
    }
}
