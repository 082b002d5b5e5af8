package io.gatewatch.schema.read;

import static io.gatewatch.schema.read.TestInputs.singleSignIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.schema.DeviceDetail;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.SignInEvent;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kept sign-in fields between stages: through the internal topics' JSON and binary forms and
 * the tenant fill unchanged; absent ones written as nothing; events written before they existed
 * still read.
 */
class SignInFieldsTransportTest {

    @Test
    void theFieldsTravelBetweenStagesAndSurviveTheTenantFill() throws IOException {
        SignInEvent event = singleSignIn(SignInFieldsTest.GRAPH_EVERY_FIELD.replace("\n", " "));
        for (var mapper : List.of(JsonMappers.internal(), JsonMappers.internalBinary())) {
            InputEvent copy = mapper.readValue(mapper.writeValueAsBytes(event), InputEvent.class);
            assertThat(copy).isEqualTo(event);
        }
        SignInFieldsTest.assertEveryField(event.withTenantId("t2"));
        JsonNode json = JsonMappers.internal().valueToTree(event);
        assertThat(json.get("deviceDetail").has("isCompliant")).as("Graph's own name").isTrue();
        assertThat(json.get("sessionId").textValue()).isEqualTo("811fe6e4-f4bb-4684-8978-5ce5de39f8b9");
    }

    /** An event without the fields is written as before: none of their names, so no larger on the internal topic. */
    @Test
    void anEventWithoutTheFieldsIsWrittenWithoutThem() {
        SignInEvent bare = singleSignIn("""
                {"id":"b1","createdDateTime":"2025-11-14T01:48:53Z","status":{"errorCode":0},
                 "deviceDetail":{"operatingSystem":"Windows 10"}}
                """.replace("\n", " "));
        JsonNode json = JsonMappers.internal().valueToTree(bare);
        for (String name : List.of("sessionId", "uniqueTokenIdentifier", "authenticationProtocol",
                "originalTransferMethod", "incomingTokenType", "tokenIssuerType", "userAgent", "mfaDetail",
                "networkLocationDetails", "conditionalAccessAudiences", "appOwnerTenantId", "servicePrincipalId",
                "servicePrincipalName", "clientCredentialType")) {
            assertThat(json.has(name)).as(name).isFalse();
        }
        assertThat(json.get("deviceDetail").has("isCompliant")).isFalse();
        assertThat(json.get("deviceDetail").has("trustType")).isFalse();
    }

    /** What the internal topic and the classified topic held before these fields existed still reads. */
    @Test
    void anEventWrittenBeforeTheFieldsStillReads() throws IOException {
        String older = """
                {"kind":"signIn","id":"o1","createdDateTime":"2025-11-14T01:48:53Z","tenantId":"t1",
                 "sourceFormat":"azure-monitor","logCategory":"SignInLogs","userPrincipalName":"old@contoso.com",
                 "ipAddress":"203.0.113.9","errorCode":50126,"riskEventTypes":[],
                 "deviceDetail":{"deviceId":null,"operatingSystem":"Windows 10","browser":"Edge 120"},
                 "authenticationDetails":[],"appliedConditionalAccessPolicies":[],"autonomousSystemNumber":8075}
                """;
        for (var mapper : List.of(JsonMappers.internal(), JsonMappers.internalBinary())) {
            byte[] bytes = mapper == JsonMappers.internal() ? older.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : mapper.writeValueAsBytes(JsonMappers.internal().readTree(older));
            SignInEvent event = (SignInEvent) mapper.readValue(bytes, InputEvent.class);
            assertThat(event.userPrincipalName()).isEqualTo("old@contoso.com");
            assertThat(event.autonomousSystemNumber()).isEqualTo(8075);
            assertThat(event.deviceDetail()).isEqualTo(new DeviceDetail(null, "Windows 10", "Edge 120"));
            assertThat(event.sessionId()).isNull();
            assertThat(event.mfaDetail()).isNull();
            assertThat(event.networkLocationDetails()).isEmpty();
            assertThat(event.conditionalAccessAudiences()).isEmpty();
            assertThat(event.servicePrincipalId()).isNull();
            assertThat(event.workloadIdentity()).isFalse();
        }
    }
}
