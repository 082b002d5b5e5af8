package io.gatewatch.schema;

/** Why a sign-in or Dynamics access ended the way it did (DESIGN §5). */
public enum Category {
    SUCCESS,
    EXPECTED_INTERRUPT,
    INVALID_CREDENTIALS,
    USER_NOT_FOUND,
    ACCOUNT_LOCKED,
    MALICIOUS_IP_BLOCKED,
    PASSWORD_EXPIRED,
    PASSWORD_CHANGE_REQUIRED,
    ACCOUNT_DISABLED,
    MFA_REQUIRED,
    MFA_REGISTRATION_REQUIRED,
    MFA_DENIED,
    /** 500121 with an unanswered prompt: routine alone, prompt bombing in numbers (MFA_FATIGUE). */
    MFA_UNANSWERED,
    MFA_FAILED,
    CONDITIONAL_ACCESS_BLOCKED,
    RISK_BLOCKED,
    APP_NOT_ASSIGNED,
    SESSION_EXPIRED,
    MISSING_SECURITY_ROLE,
    REGIONAL_URL_MISMATCH,
    OTHER_FAILURE
}
