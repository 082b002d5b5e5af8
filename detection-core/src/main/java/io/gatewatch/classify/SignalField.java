package io.gatewatch.classify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.gatewatch.schema.AuthenticationStep;
import io.gatewatch.schema.SignInEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A part of a sign-in that a refinement in the code table may look at. */
public enum SignalField {
    FAILURE_REASON("failureReason", e -> single(e.failureReason())),
    ADDITIONAL_DETAILS("additionalDetails", e -> single(e.additionalDetails())),
    RISK_EVENT_TYPES("riskEventTypes", SignInEvent::riskEventTypes),
    RISK_LEVEL_DURING_SIGN_IN("riskLevelDuringSignIn", e -> single(e.riskLevelDuringSignIn())),
    CONDITIONAL_ACCESS_STATUS("conditionalAccessStatus", e -> single(e.conditionalAccessStatus())),
    AUTHENTICATION_STEP_RESULT_DETAIL("authenticationStepResultDetail", SignalField::stepDetails);

    private final String jsonName;
    private final Function<SignInEvent, List<String>> values;

    SignalField(String jsonName, Function<SignInEvent, List<String>> values) {
        this.jsonName = jsonName;
        this.values = values;
    }

    public List<String> valuesOf(SignInEvent event) {
        return values.apply(event);
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @JsonCreator
    public static SignalField fromJson(String name) {
        for (SignalField field : values()) {
            if (field.jsonName.equals(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException("unknown refinement field '" + name + "'");
    }

    private static List<String> single(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static List<String> stepDetails(SignInEvent event) {
        List<String> details = new ArrayList<>();
        for (AuthenticationStep step : event.authenticationDetails()) {
            if (step.authenticationStepResultDetail() != null) {
                details.add(step.authenticationStepResultDetail());
            }
        }
        return details;
    }
}
