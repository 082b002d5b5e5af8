package io.gatewatch.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Classification;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.SignInEvent;
import java.time.Instant;
import java.util.List;

/**
 * One line of {@code classify} output. The first nine fields are a contract (DESIGN §10):
 * scripts depend on their names; later fields may grow.
 */
@JsonPropertyOrder({"id", "tenantId", "userPrincipalName", "createdDateTime", "errorCode", "outcome", "category",
        "credentialValidated", "source"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record ClassifiedLine(
        String id,
        String tenantId,
        String userPrincipalName,
        Instant createdDateTime,
        int errorCode,
        Outcome outcome,
        Category category,
        boolean credentialValidated,
        String source,
        String logCategory,
        Severity severity,
        Boolean fraudReported,
        String failureReason,
        String ipAddress,
        String appDisplayName,
        String correlationId,
        String requestedUrl,
        List<String> remediation) {

    static ClassifiedLine of(InputEvent event, Classification c) {
        SignInEvent signIn = event instanceof SignInEvent s ? s : null;
        DynamicsAccessEvent access = event instanceof DynamicsAccessEvent d ? d : null;
        return new ClassifiedLine(event.id(), event.tenantId(), event.userPrincipalName(), event.createdDateTime(),
                event.errorCode(), c.outcome(), c.category(), c.credentialValidated(), event.sourceFormat(),
                signIn == null ? null : signIn.logCategory(), c.severity(), c.fraudReported() ? Boolean.TRUE : null,
                c.failureReason(), event.ipAddress(), signIn == null ? null : signIn.appDisplayName(),
                signIn == null ? null : signIn.correlationId(), access == null ? null : access.requestedUrl(),
                c.remediation().isEmpty() ? null : c.remediation());
    }
}
