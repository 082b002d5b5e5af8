package io.gatewatch.diagnose;

import io.gatewatch.schema.Category;
import java.util.List;

/**
 * The helpdesk checklist of Microsoft's sign-in troubleshooting guidance, each item with the
 * categories that fail it and what a later success must share to clear them.
 */
public enum Check {
    ACCOUNT_EXISTS("account-exists", Scope.USER, Category.USER_NOT_FOUND),
    ACCOUNT_ENABLED("account-enabled", Scope.USER, Category.ACCOUNT_DISABLED),
    NOT_LOCKED_OUT("not-locked-out", Scope.USER, Category.ACCOUNT_LOCKED),
    PASSWORD_NOT_EXPIRED("password-not-expired", Scope.USER, Category.PASSWORD_EXPIRED,
            Category.PASSWORD_CHANGE_REQUIRED),
    PASSWORD_CORRECT("password-correct", Scope.USER, Category.INVALID_CREDENTIALS),
    MFA_NOT_BLOCKING("mfa-not-blocking", Scope.USER, Category.MFA_DENIED, Category.MFA_UNANSWERED,
            Category.MFA_FAILED),
    MFA_REGISTERED("mfa-registration-up-to-date", Scope.USER, Category.MFA_REGISTRATION_REQUIRED),
    CONDITIONAL_ACCESS("conditional-access-not-blocking", Scope.APP, Category.CONDITIONAL_ACCESS_BLOCKED),
    IDENTITY_PROTECTION("identity-protection-not-blocking", Scope.USER, Category.RISK_BLOCKED,
            Category.MALICIOUS_IP_BLOCKED),
    APP_ASSIGNED("app-assigned", Scope.APP, Category.APP_NOT_ASSIGNED),
    DYNAMICS_REGIONAL_URL("dynamics-regional-url", Scope.DYNAMICS_ORG, Category.REGIONAL_URL_MISMATCH),
    DYNAMICS_SECURITY_ROLE("dynamics-security-role", Scope.DYNAMICS_ORG, Category.MISSING_SECURITY_ROLE),
    OTHER_ERRORS("no-other-errors", Scope.USER, Category.OTHER_FAILURE);

    /** What a later success must share with a failure to clear it. */
    enum Scope {
        /** any successful Entra sign-in of the user */
        USER,
        /** a successful sign-in to the same app (a policy or an assignment is per app) */
        APP,
        /** a successful request to the same Dynamics organisation */
        DYNAMICS_ORG
    }

    private final String id;
    private final Scope scope;
    private final List<Category> categories;

    Check(String id, Scope scope, Category... categories) {
        this.id = id;
        this.scope = scope;
        this.categories = List.of(categories);
    }

    public String id() {
        return id;
    }

    Scope scope() {
        return scope;
    }

    public List<Category> categories() {
        return categories;
    }

    /** The check a failure of this category fails, if any (a success or an interrupt fails none). */
    static Check of(Category category) {
        for (Check check : values()) {
            if (check.categories.contains(category)) {
                return check;
            }
        }
        return null;
    }

    /** True when {@code success} (a successful event) clears {@code failure} for this check. */
    boolean clears(SignInSummary success, SignInSummary failure) {
        return switch (scope) {
            case USER -> !success.dynamics();
            case APP -> !success.dynamics() && sameApp(success, failure);
            case DYNAMICS_ORG -> success.dynamics() && success.org() != null && success.org().equals(failure.org());
        };
    }

    /** True when {@code success} shows this check passing at all (evidence for "ok"). */
    boolean passedBy(SignInSummary success) {
        return scope == Scope.DYNAMICS_ORG ? success.dynamics() : !success.dynamics();
    }

    private static boolean sameApp(SignInSummary a, SignInSummary b) {
        return a.appDisplayName() == null || b.appDisplayName() == null || a.appDisplayName().equals(b.appDisplayName());
    }
}
