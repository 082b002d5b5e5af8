package io.gatewatch.schema.read;

import static io.gatewatch.schema.read.TestInputs.failures;
import static io.gatewatch.schema.read.TestInputs.readText;
import static io.gatewatch.schema.read.TestInputs.reads;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.SignInEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every input format, detected per record, including the variants real exports show. */
class FormatReadersTest {

    private static InputEvent single(String text) {
        List<ReadResult> results = readText(text);
        assertThat(failures(results)).isEmpty();
        assertThat(reads(results)).hasSize(1);
        return reads(results).get(0).event();
    }

    @Test
    void graphSignInObject() {
        SignInEvent event = (SignInEvent) single("""
                {"id":"g1","createdDateTime":"2025-11-14T01:48:53Z","userPrincipalName":"a@contoso.com",
                 "ipAddress":"203.0.113.5","resourceTenantId":"t-res","homeTenantId":"t-home",
                 "status":{"errorCode":50126,"failureReason":"Invalid username or password."},
                 "riskEventTypes_v2":["unfamiliarFeatures"],"someFutureField":{"x":[1,2]}}
                """.replace("\n", " "));
        assertThat(event.sourceFormat()).isEqualTo("graph");
        assertThat(event.errorCode()).isEqualTo(50126);
        assertThat(event.tenantId()).as("resourceTenantId before homeTenantId").isEqualTo("t-res");
        assertThat(event.riskEventTypes()).containsExactly("unfamiliarFeatures");
        assertThat(event.location()).isNull();
    }

    @Test
    void graphPageIsSplitAndNextLinkIgnored() {
        List<ReadResult> results = readText("""
                {"@odata.context":"x","value":[
                  {"id":"p1","createdDateTime":"2025-11-14T01:48:53.1Z","status":{"errorCode":0}},
                  {"id":"p2","createdDateTime":"2025-11-14T01:48:54.12Z","status":{"errorCode":50053}}
                ],"@odata.nextLink":"https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=abc"}
                """);
        assertThat(failures(results)).isEmpty();
        assertThat(reads(results)).extracting(r -> r.event().id()).containsExactly("p1", "p2");
    }

    @Test
    void azureMonitorVariantsSeenInRealExports() {
        SignInEvent event = (SignInEvent) single("""
                {"time":"11/14/2025 1:48:53 AM","category":"NonInteractiveUserSignInLogs","tenantId":"t1",
                 "resultType":"50126","durationMs":"12","Level":"Informational","callerIpAddress":"198.51.100.7",
                 "properties":{"id":"am1","authenticationProtocol":"none",
                   "appliedConditionalAccessPolicies":[{"displayName":"p","result":"failure","conditionsSatisfied":3}]}}
                """.replace("\n", " "));
        assertThat(event.createdDateTime()).as("falls back to time").isEqualTo(Instant.parse("2025-11-14T01:48:53Z"));
        assertThat(event.errorCode()).as("resultType as a string").isEqualTo(50126);
        assertThat(event.ipAddress()).isEqualTo("198.51.100.7");
        assertThat(event.logCategory()).isEqualTo("NonInteractiveUserSignInLogs");
        assertThat(event.appliedConditionalAccessPolicies().get(0).result()).isEqualTo("failure");
    }

    @Test
    void logAnalyticsNonInteractiveRowWithJsonStringColumns() {
        SignInEvent event = (SignInEvent) single("""
                {"TenantId":"workspace","AADTenantId":"entra","Type":"AADNonInteractiveUserSignInLogs",
                 "TimeGenerated":"2025-11-14T01:48:53.1234567Z","CreatedDateTime":"2025-11-14T01:48:52.9Z",
                 "Id":"la1","UserPrincipalName":"b@contoso.com","ResultType":"50055","IPAddress":"192.0.2.1",
                 "Status":"{\\"errorCode\\":50055,\\"failureReason\\":\\"The password is expired.\\"}",
                 "LocationDetails":"{\\"city\\":\\"Dublin\\",\\"geoCoordinates\\":{\\"latitude\\":53.3,\\"longitude\\":-6.2}}",
                 "DeviceDetail":"{\\"operatingSystem\\":\\"Windows10\\"}","IsInteractive":false,
                 "ResourceId":"/subscriptions/x","ResourceIdentity":"00000003-0000-0000-c000-000000000000"}
                """.replace("\n", " "));
        assertThat(event.sourceFormat()).isEqualTo("log-analytics");
        assertThat(event.tenantId()).isEqualTo("entra");
        assertThat(event.logCategory()).isEqualTo("NonInteractiveUserSignInLogs");
        assertThat(event.createdDateTime()).isEqualTo(Instant.parse("2025-11-14T01:48:52.9Z"));
        assertThat(event.failureReason()).isEqualTo("The password is expired.");
        assertThat(event.location().longitude()).isEqualTo(-6.2);
        assertThat(event.deviceDetail().operatingSystem()).isEqualTo("Windows10");
        assertThat(event.resourceId()).isEqualTo("00000003-0000-0000-c000-000000000000");
        assertThat(event.dedupKey()).isEqualTo("NonInteractiveUserSignInLogs:la1");
    }

    @Test
    void dynamicsEventsWithHexDecimalAndMissingCodes() {
        List<ReadResult> results = readText("""
                {"id":"d1","createdDateTime":"2025-11-14T01:48:53Z","tenantId":"t","requestedUrl":"https://contoso.crm.dynamics.com/main.aspx","errorCode":"0x80042f09","message":"x"}
                {"id":"d2","createdDateTime":"2025-11-14T01:48:53Z","tenantId":"t","requestedUrl":"https://contoso.crm4.dynamics.com/","errorCode":-2147209463}
                {"id":"d3","createdDateTime":"2025-11-14T01:48:53Z","tenantId":"t","requestedUrl":"https://contoso.crm4.dynamics.com/"}
                """);
        assertThat(failures(results)).isEmpty();
        assertThat(reads(results)).extracting(r -> ((DynamicsAccessEvent) r.event()).errorCode())
                .containsExactly(-2147209463, -2147209463, 0);
    }

    @Test
    void timestampsWithZeroToSevenFractionDigitsAndOffsets() throws Exception {
        assertThat(LenientTimestamps.parse("2025-11-14T01:48:53Z")).isEqualTo(Instant.parse("2025-11-14T01:48:53Z"));
        assertThat(LenientTimestamps.parse("2025-11-14T01:48:53.1234567Z"))
                .isEqualTo(Instant.parse("2025-11-14T01:48:53.1234567Z"));
        assertThat(LenientTimestamps.parse("2025-11-14T03:48:53.5+02:00"))
                .isEqualTo(Instant.parse("2025-11-14T01:48:53.5Z"));
        assertThat(LenientTimestamps.parse("2025-11-14T01:48:53")).isEqualTo(Instant.parse("2025-11-14T01:48:53Z"));
        assertThat(LenientTimestamps.parse("11/14/2025 1:48:53 PM")).isEqualTo(Instant.parse("2025-11-14T13:48:53Z"));
        assertThat(LenientTimestamps.parse("4/28/2021, 2:08:45.221 PM"))
                .isEqualTo(Instant.parse("2021-04-28T14:08:45.221Z"));
    }

    @Test
    void jsonArrayOfMixedFormatsOnOneLine() {
        List<ReadResult> results = readText("[{\"id\":\"a\",\"createdDateTime\":\"2025-11-14T01:48:53Z\",\"status\":{\"errorCode\":0}},"
                + "{\"id\":\"b\",\"createdDateTime\":\"2025-11-14T01:48:53Z\",\"requestedUrl\":\"https://x.crm.dynamics.com\"}]");
        assertThat(reads(results)).extracting(r -> r.event().sourceFormat()).containsExactly("graph", "dynamics");
        assertThat(results).extracting(ReadResult::position).containsExactly("line 1, record 1", "line 1, record 2");
    }
}
