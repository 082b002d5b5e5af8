package io.gatewatch.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.AuthenticationStep;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Classification;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every category of DESIGN §5 (their codes: docs/formats.md#categories), and each code whose meaning depends on the record's own signals. */
class SignInClassifierTest {

    private final SignInClassifier classifier = new SignInClassifier(ClassificationData.defaults());

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource({
            "0, SUCCESS, SUCCESS",
            "50140, INTERRUPT, EXPECTED_INTERRUPT", "50199, INTERRUPT, EXPECTED_INTERRUPT",
            "50058, INTERRUPT, EXPECTED_INTERRUPT", "16000, INTERRUPT, EXPECTED_INTERRUPT",
            "81012, INTERRUPT, EXPECTED_INTERRUPT", "50158, INTERRUPT, EXPECTED_INTERRUPT",
            "81004, INTERRUPT, EXPECTED_INTERRUPT", "81010, INTERRUPT, EXPECTED_INTERRUPT",
            "81011, INTERRUPT, EXPECTED_INTERRUPT",
            "50126, FAILURE, INVALID_CREDENTIALS", "50056, FAILURE, INVALID_CREDENTIALS",
            "50064, FAILURE, INVALID_CREDENTIALS",
            "50034, FAILURE, USER_NOT_FOUND", "50059, FAILURE, USER_NOT_FOUND", "51004, FAILURE, USER_NOT_FOUND",
            "50020, FAILURE, USER_NOT_FOUND", "90072, FAILURE, USER_NOT_FOUND",
            "50053, FAILURE, ACCOUNT_LOCKED",
            "50055, FAILURE, PASSWORD_EXPIRED", "50144, FAILURE, PASSWORD_EXPIRED",
            "50135, FAILURE, PASSWORD_CHANGE_REQUIRED", "50142, FAILURE, PASSWORD_CHANGE_REQUIRED",
            "50137, FAILURE, PASSWORD_CHANGE_REQUIRED",
            "50057, FAILURE, ACCOUNT_DISABLED",
            "50074, INTERRUPT, MFA_REQUIRED", "50076, INTERRUPT, MFA_REQUIRED",
            "50079, INTERRUPT, MFA_REGISTRATION_REQUIRED", "50072, INTERRUPT, MFA_REGISTRATION_REQUIRED",
            "50125, INTERRUPT, MFA_REGISTRATION_REQUIRED",
            "500121, FAILURE, MFA_FAILED", "50088, FAILURE, MFA_FAILED", "50086, FAILURE, MFA_FAILED",
            "50087, FAILURE, MFA_FAILED",
            "53003, FAILURE, CONDITIONAL_ACCESS_BLOCKED", "53000, FAILURE, CONDITIONAL_ACCESS_BLOCKED",
            "53001, FAILURE, CONDITIONAL_ACCESS_BLOCKED", "53002, FAILURE, CONDITIONAL_ACCESS_BLOCKED",
            "50131, FAILURE, CONDITIONAL_ACCESS_BLOCKED", "50005, FAILURE, CONDITIONAL_ACCESS_BLOCKED",
            "530032, FAILURE, CONDITIONAL_ACCESS_BLOCKED", "530035, FAILURE, CONDITIONAL_ACCESS_BLOCKED",
            "50097, FAILURE, CONDITIONAL_ACCESS_BLOCKED", "50129, FAILURE, CONDITIONAL_ACCESS_BLOCKED",
            "50155, FAILURE, CONDITIONAL_ACCESS_BLOCKED", "500021, FAILURE, CONDITIONAL_ACCESS_BLOCKED",
            "500212, FAILURE, CONDITIONAL_ACCESS_BLOCKED", "500213, FAILURE, CONDITIONAL_ACCESS_BLOCKED",
            "53004, FAILURE, RISK_BLOCKED", "53011, FAILURE, RISK_BLOCKED", "530034, FAILURE, RISK_BLOCKED",
            "53010, FAILURE, RISK_BLOCKED",
            "50105, FAILURE, APP_NOT_ASSIGNED", "65001, FAILURE, APP_NOT_ASSIGNED", "65004, FAILURE, APP_NOT_ASSIGNED",
            "50173, FAILURE, SESSION_EXPIRED", "70043, FAILURE, SESSION_EXPIRED", "70044, FAILURE, SESSION_EXPIRED",
            "70046, FAILURE, SESSION_EXPIRED", "700082, FAILURE, SESSION_EXPIRED", "70008, FAILURE, SESSION_EXPIRED",
            "700084, FAILURE, SESSION_EXPIRED", "50132, FAILURE, SESSION_EXPIRED", "50133, FAILURE, SESSION_EXPIRED",
            "50089, FAILURE, SESSION_EXPIRED", "50078, FAILURE, SESSION_EXPIRED",
            "12345, FAILURE, OTHER_FAILURE", "-1, FAILURE, OTHER_FAILURE"
    })
    void everyCodeOfTheTable(int code, Outcome outcome, Category category) {
        Classification c = classifier.classify(SignIns.withCode(code));

        assertThat(c.outcome()).isEqualTo(outcome);
        assertThat(c.category()).isEqualTo(category);
        assertThat(c.errorCode()).isEqualTo(code);
    }

    @Test
    void credentialValidatedWhenThePasswordWasRightButTheSignInStopped() {
        assertThat(classifier.classify(SignIns.withCode(50126)).credentialValidated()).isFalse();
        assertThat(classifier.classify(SignIns.withCode(50053)).credentialValidated()).isFalse();
        assertThat(classifier.classify(SignIns.withCode(50055)).credentialValidated()).isTrue();
        assertThat(classifier.classify(SignIns.withCode(53003)).credentialValidated()).isTrue();
        assertThat(classifier.classify(SignIns.withCode(500121)).credentialValidated()).isTrue();
        assertThat(classifier.classify(SignIns.withCode(12345)).credentialValidated()).isFalse();
        var withPasswordStep = SignIns.build(12345, null, null, List.of(), null, null,
                List.of(new AuthenticationStep("Password", true, "Correct password", "Primary authentication")));
        assertThat(classifier.classify(withPasswordStep).credentialValidated()).isTrue();
    }

    /**
     * The sentences are Microsoft's: the AADSTS error reference for 50053 names both causes, and
     * sign-in logs carry them as the failure reason.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The account is locked because the user tried to sign in too many times with an incorrect user ID or password.|ACCOUNT_LOCKED",
            "Account is locked because user tried to sign in too many times with an incorrect user ID or password.|ACCOUNT_LOCKED",
            "The account is locked, you've tried to sign in too many times with an incorrect user ID or password.|ACCOUNT_LOCKED",
            "Sign-in was blocked because it came from an IP address with malicious activity|MALICIOUS_IP_BLOCKED",
            "Sign-in was blocked because it came from an IP address with malicious activity.|MALICIOUS_IP_BLOCKED"})
    void code50053IsFiledByMicrosoftsOwnFailureReason(String failureReason, Category expected) {
        var event = SignIns.build(50053, failureReason, null, List.of(), null, null, List.of());

        assertThat(classifier.classify(event).category()).isEqualTo(expected);
    }

    @Test
    void code50053WithAMaliciousIpRiskDetectionIsAMaliciousIpBlockWhateverTheReason() {
        var maliciousRisk = SignIns.build(50053, null, null, List.of("maliciousIPAddress"), null, null, List.of());

        assertThat(classifier.classify(maliciousRisk).category()).isEqualTo(Category.MALICIOUS_IP_BLOCKED);
        assertThat(classifier.classify(maliciousRisk).severity()).isEqualTo(Severity.HIGH);
    }

    /**
     * 500121's texts as sign-in logs carry them, in {@code status.additionalDetails} or in an
     * authentication step's {@code authenticationStepResultDetail}.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MFA denied; user declined the authentication|MFA_DENIED|false",
            "MFA denied; Phone App Reported Fraud|MFA_DENIED|true",
            "MFA denied; user reported fraud|MFA_DENIED|true",
            "Suspicious activity reported|MFA_DENIED|true",
            "MFA denied; user did not respond to mobile app notification|MFA_UNANSWERED|false",
            "User did not respond to mobile app notification|MFA_UNANSWERED|false",
            "MFA denied; duplicate authentication attempt|MFA_FAILED|false",
            "Invalid verification code entered|MFA_FAILED|false",
            "MFA denied; user did not select the correct number|MFA_FAILED|false"})
    void code500121IsFiledByWhatTheUserDid(String detail, Category expected, boolean fraud) {
        var inDetails = SignIns.build(500121, "Authentication failed during strong authentication request.", detail,
                List.of(), null, null, List.of());
        var inSteps = SignIns.build(500121, "Authentication failed during strong authentication request.", null,
                List.of(), null, null, List.of(new AuthenticationStep("Mobile app notification", false, detail, "MFA")));

        for (var event : List.of(inDetails, inSteps)) {
            Classification classification = classifier.classify(event);
            assertThat(classification.category()).isEqualTo(expected);
            assertThat(classification.fraudReported()).isEqualTo(fraud);
            assertThat(classification.severity()).isEqualTo(fraud ? Severity.HIGH
                    : expected == Category.MFA_DENIED ? Severity.MEDIUM : Severity.LOW);
        }
    }

    @Test
    void conditionalAccessBlockWithSignInRiskIsIdentityProtection() {
        var high = SignIns.build(53003, null, null, List.of(), "high", null, List.of());
        var medium = SignIns.build(53003, null, null, List.of(), "Medium", null, List.of());
        var low = SignIns.build(53003, null, null, List.of(), "low", null, List.of());
        var none = SignIns.build(53003, null, null, List.of(), "none", null, List.of());

        assertThat(classifier.classify(high).category()).isEqualTo(Category.RISK_BLOCKED);
        assertThat(classifier.classify(medium).category()).isEqualTo(Category.RISK_BLOCKED);
        assertThat(classifier.classify(low).category()).isEqualTo(Category.CONDITIONAL_ACCESS_BLOCKED);
        assertThat(classifier.classify(none).category()).isEqualTo(Category.CONDITIONAL_ACCESS_BLOCKED);
    }

    @Test
    void unknownCodeWithConditionalAccessFailureIsACaBlock() {
        var caFailure = SignIns.build(99999, null, null, List.of(), null, "failure", List.of());
        var caSuccess = SignIns.build(99999, null, null, List.of(), null, "success", List.of());

        assertThat(classifier.classify(caFailure).category()).isEqualTo(Category.CONDITIONAL_ACCESS_BLOCKED);
        assertThat(classifier.classify(caSuccess).category()).isEqualTo(Category.OTHER_FAILURE);
    }

    @Test
    void failureReasonIsKeptAndRemediationComesFromData() {
        var event = SignIns.build(50055, "The password is expired.", null, List.of(), null, null, List.of());
        Classification c = classifier.classify(event);

        assertThat(c.failureReason()).isEqualTo("The password is expired.");
        assertThat(c.remediation()).anySatisfy(step -> assertThat(step).contains("self-service password reset"));
        assertThat(c.reference()).startsWith("https://learn.microsoft.com/");
    }
}
