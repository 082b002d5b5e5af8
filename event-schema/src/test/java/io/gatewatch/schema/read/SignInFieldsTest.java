package io.gatewatch.schema.read;

import static io.gatewatch.schema.read.TestInputs.failures;
import static io.gatewatch.schema.read.TestInputs.readResource;
import static io.gatewatch.schema.read.TestInputs.readText;
import static io.gatewatch.schema.read.TestInputs.reads;
import static io.gatewatch.schema.read.TestInputs.singleSignIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.DeviceDetail;
import io.gatewatch.schema.MfaDetail;
import io.gatewatch.schema.NetworkLocation;
import io.gatewatch.schema.SignInEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session, token, client, device, network and workload-identity fields, kept from every input
 * format under the name each gives them, checked against Microsoft's documentation: the Graph beta
 * {@code signIn} resource (microsoft-graph-docs-contrib, api-reference/beta/resources/signin.md,
 * devicedetail.md, mfadetail.md) and the Azure Monitor Logs tables {@code SigninLogs},
 * {@code AADNonInteractiveUserSignInLogs}, {@code AADServicePrincipalSignInLogs},
 * {@code AADManagedIdentitySignInLogs} (MicrosoftDocs/azure-reference-other). Real records where one
 * is public (src/test/resources/samples/README.md); where none carries a field, a record constructed
 * from the documented names and shapes, marked so.
 */
class SignInFieldsTest {

    private static SignInEvent resource(String name) {
        List<ReadResult> results = readResource(name);
        assertThat(failures(results)).isEmpty();
        assertThat(reads(results)).hasSize(1);
        return (SignInEvent) reads(results).get(0).event();
    }

    /** Constructed: the Graph beta names and value shapes of the signIn resource page, one of each. */
    static final String GRAPH_EVERY_FIELD = """
            {"id":"f1","createdDateTime":"2025-11-14T01:48:53Z","userPrincipalName":"a@contoso.com",
             "ipAddress":"203.0.113.5","status":{"errorCode":0},
             "sessionId":"811fe6e4-f4bb-4684-8978-5ce5de39f8b9",
             "uniqueTokenIdentifier":"xMFjTVvJPE2OChJx_YE-AA",
             "authenticationProtocol":"deviceCode",
             "originalTransferMethod":"deviceCodeFlow",
             "incomingTokenType":"primaryRefreshToken",
             "tokenIssuerType":"AzureAD",
             "userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
             "mfaDetail":{"authMethod":"PhoneAppNotification","authDetail":"+X XXXXXXXX12"},
             "deviceDetail":{"deviceId":"d-1","displayName":"LAPTOP-1","operatingSystem":"Windows 10",
                             "browser":"Edge 121.0","isCompliant":true,"isManaged":true,"trustType":"Azure AD joined"},
             "networkLocationDetails":[{"networkType":"trustedNamedLocation","networkNames":["HQ","VPN"]},
                                       {"networkType":"namedNetwork","networkNames":["North America"]}],
             "conditionalAccessAudiences":[{"applicationId":"00000003-0000-0000-c000-000000000000","audienceReasons":"none"},
                                           {"applicationId":"00000002-0000-0000-c000-000000000000","audienceReasons":"none"}],
             "appOwnerTenantId":"f8cdef31-a31e-4b4a-93e4-5f571e91255a",
             "servicePrincipalId":"b029d485-a308-4311-8720-fb3192e5284e",
             "servicePrincipalName":"Contoso Sync",
             "clientCredentialType":"clientSecret"}
            """;

    static void assertEveryField(SignInEvent event) {
        assertThat(event.sessionId()).isEqualTo("811fe6e4-f4bb-4684-8978-5ce5de39f8b9");
        assertThat(event.uniqueTokenIdentifier()).isEqualTo("xMFjTVvJPE2OChJx_YE-AA");
        assertThat(event.authenticationProtocol()).isEqualTo("deviceCode");
        assertThat(event.originalTransferMethod()).isEqualTo("deviceCodeFlow");
        assertThat(event.incomingTokenType()).isEqualTo("primaryRefreshToken");
        assertThat(event.tokenIssuerType()).isEqualTo("AzureAD");
        assertThat(event.userAgent()).isEqualTo("Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
        assertThat(event.mfaDetail()).isEqualTo(new MfaDetail("PhoneAppNotification", "+X XXXXXXXX12"));
        assertThat(event.deviceDetail()).isEqualTo(
                new DeviceDetail("d-1", "Windows 10", "Edge 121.0", true, true, "Azure AD joined"));
        assertThat(event.networkLocationDetails()).containsExactly(
                new NetworkLocation("trustedNamedLocation", List.of("HQ", "VPN")),
                new NetworkLocation("namedNetwork", List.of("North America")));
        assertThat(event.conditionalAccessAudiences()).containsExactly(
                "00000003-0000-0000-c000-000000000000", "00000002-0000-0000-c000-000000000000");
        assertThat(event.appOwnerTenantId()).isEqualTo("f8cdef31-a31e-4b4a-93e4-5f571e91255a");
        assertThat(event.servicePrincipalId()).isEqualTo("b029d485-a308-4311-8720-fb3192e5284e");
        assertThat(event.servicePrincipalName()).isEqualTo("Contoso Sync");
        assertThat(event.clientCredentialType()).isEqualTo("clientSecret");
    }

    @Test
    void graphBetaKeepsEveryField() {
        SignInEvent event = singleSignIn(GRAPH_EVERY_FIELD.replace("\n", " "));
        assertThat(event.sourceFormat()).isEqualTo("graph");
        assertEveryField(event);
        assertThat(event.userPrincipalName()).isEqualTo("a@contoso.com");
        assertThat(event.workloadIdentity()).isFalse();
    }

    @Test
    void graphBetaDocumentedExampleKeepsWhatItCarriesAndNothingElse() {
        SignInEvent event = resource("graph-beta-signins-list-example.json");
        assertThat(event.sourceFormat()).isEqualTo("graph");
        assertThat(event.uniqueTokenIdentifier()).isEqualTo("ZTE0OTk3YTQtZjg5Mi00YjBiLWIwNTEtZmViZTA1YzJhNDli");
        assertThat(event.authenticationProtocol()).isEqualTo("oAuth2");
        assertThat(event.incomingTokenType()).as("as the example spells it").isEqualTo("Primary Refresh Token");
        assertThat(event.tokenIssuerType()).isEqualTo("AzureAD");
        assertThat(event.userAgent()).startsWith("Mozilla/5.0 (Windows NT 10.0; Win64; x64)").endsWith("Edg/91.0.864.54");
        assertThat(event.deviceDetail()).isEqualTo(new DeviceDetail(null, "Windows 10", "Edge 91.0.864", false, false, null));
        assertThat(event.networkLocationDetails()).containsExactly(new NetworkLocation("namedNetwork", List.of("North America")));
        assertThat(event.autonomousSystemNumber()).isEqualTo(3598);
        assertThat(event.logCategory()).as("an interactive user's sign-in keeps no category, as before").isNull();
        // what the example does not carry stays missing
        assertThat(event.sessionId()).isNull();
        assertThat(event.originalTransferMethod()).isNull();
        assertThat(event.mfaDetail()).isNull();
        assertThat(event.conditionalAccessAudiences()).isEmpty();
        assertThat(event.appOwnerTenantId()).isNull();
        assertThat(event.servicePrincipalId()).as("an empty string is no value").isNull();
        assertThat(event.servicePrincipalName()).isNull();
        assertThat(event.clientCredentialType()).isNull();
    }

    /** Constructed: the Graph object above as Azure Monitor's {@code properties}, in an Event Hubs envelope. */
    @Test
    void azureMonitorKeepsEveryFieldInsideAnEnvelope() {
        List<ReadResult> results = readText("""
                {"records":[{"time":"2025-11-14T01:48:53Z","category":"NonInteractiveUserSignInLogs","tenantId":"t1",
                 "resultType":"0","callerIpAddress":"203.0.113.5","properties":%s}]}
                """.formatted(GRAPH_EVERY_FIELD).replace("\n", " "));
        assertThat(failures(results)).isEmpty();
        SignInEvent event = (SignInEvent) reads(results).get(0).event();
        assertThat(event.sourceFormat()).isEqualTo("azure-monitor");
        assertThat(event.logCategory()).isEqualTo("NonInteractiveUserSignInLogs");
        assertEveryField(event);
    }

    /** Elastic's non-interactive fixture: {@code mfaDetail: {}} and {@code networkLocationDetails: []} are no values. */
    @Test
    void azureMonitorRealRecordKeepsWhatItCarries() {
        SignInEvent event = resource("elastic-non-interactive-user-signin.jsonl");
        assertThat(event.sourceFormat()).isEqualTo("azure-monitor");
        assertThat(event.uniqueTokenIdentifier()).isEqualTo("MjkwZmFmZmEtNDc3Yi00YjI4LWFlOTItNTc5ZGFhZTdiMDAw");
        assertThat(event.incomingTokenType()).isEqualTo("none");
        assertThat(event.authenticationProtocol()).isEqualTo("none");
        assertThat(event.tokenIssuerType()).isEqualTo("AzureAD");
        assertThat(event.autonomousSystemNumber()).isEqualTo(55836);
        assertThat(event.mfaDetail()).isNull();
        assertThat(event.networkLocationDetails()).isEmpty();
        assertThat(event.servicePrincipalId()).isNull();
        assertThat(event.sessionId()).isNull();
        assertThat(event.deviceDetail()).isEqualTo(new DeviceDetail(null, "Windows10", "Rich Client 4.40.0.0"));

        SignInEvent docs = resource("azure-monitor-signin-example.json");
        assertThat(docs.userAgent()).as("Microsoft's placeholder, as written").isEqualTo("<USER AGENT>");
        assertThat(docs.tokenIssuerType()).isEqualTo("AzureAD");
        assertThat(docs.networkLocationDetails()).isEmpty();
        assertThat(docs.deviceDetail().isCompliant()).isNull();
    }

    /**
     * Constructed: a {@code SigninLogs} row as the Log Analytics JSON export gives it, the
     * documented column names, dynamic columns (DeviceDetail, MfaDetail, NetworkLocationDetails,
     * ConditionalAccessAudiences) as strings of JSON.
     */
    @Test
    void logAnalyticsRowKeepsEveryColumn() {
        SignInEvent event = singleSignIn("""
                {"TenantId":"workspace","AADTenantId":"entra","Type":"SigninLogs","TimeGenerated":"2025-11-14T01:48:53Z",
                 "Id":"la1","UserPrincipalName":"b@contoso.com","ResultType":"0","IPAddress":"192.0.2.1",
                 "SessionId":"811fe6e4-f4bb-4684-8978-5ce5de39f8b9","UniqueTokenIdentifier":"xMFjTVvJPE2OChJx_YE-AA",
                 "AuthenticationProtocol":"deviceCode","OriginalTransferMethod":"deviceCodeFlow",
                 "IncomingTokenType":"primaryRefreshToken","TokenIssuerType":"AzureAD",
                 "UserAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
                 "MfaDetail":"{\\"authMethod\\":\\"PhoneAppNotification\\",\\"authDetail\\":\\"+X XXXXXXXX12\\"}",
                 "DeviceDetail":"{\\"deviceId\\":\\"d-1\\",\\"operatingSystem\\":\\"Windows 10\\",\\"browser\\":\\"Edge 121.0\\",\\"isCompliant\\":true,\\"isManaged\\":true,\\"trustType\\":\\"Azure AD joined\\"}",
                 "NetworkLocationDetails":"[{\\"networkType\\":\\"trustedNamedLocation\\",\\"networkNames\\":[\\"HQ\\",\\"VPN\\"]},{\\"networkType\\":\\"namedNetwork\\",\\"networkNames\\":[\\"North America\\"]}]",
                 "ConditionalAccessAudiences":"[{\\"applicationId\\":\\"00000003-0000-0000-c000-000000000000\\",\\"audienceReasons\\":\\"none\\"},{\\"applicationId\\":\\"00000002-0000-0000-c000-000000000000\\",\\"audienceReasons\\":\\"none\\"}]",
                 "AppOwnerTenantId":"f8cdef31-a31e-4b4a-93e4-5f571e91255a",
                 "ServicePrincipalId":"b029d485-a308-4311-8720-fb3192e5284e","ServicePrincipalName":"Contoso Sync",
                 "ClientCredentialType":"clientSecret"}
                """.replace("\n", " "));
        assertThat(event.sourceFormat()).isEqualTo("log-analytics");
        assertEveryField(event);
    }

    /** Constructed: the portal's CSV export of such a row: {@code _dynamic}/{@code _string} pairs, TRUE/FALSE. */
    @Test
    void csvExportKeepsEveryColumn() {
        String header = "TenantId,AADTenantId,Category,CreatedDateTime [UTC],Id,UserPrincipalName,ResultType,IPAddress,"
                + "SessionId,UniqueTokenIdentifier,AuthenticationProtocol,OriginalTransferMethod,IncomingTokenType,"
                + "TokenIssuerType,UserAgent,MfaDetail_dynamic,MfaDetail_string,DeviceDetail_dynamic,DeviceDetail_string,"
                + "NetworkLocationDetails,ConditionalAccessAudiences_dynamic,ConditionalAccessAudiences_string,"
                + "AppOwnerTenantId,ServicePrincipalId,ServicePrincipalName,ClientCredentialType";
        String row = String.join(",", "workspace", "entra", "SignInLogs", "2025-11-14T01:48:53Z", "c1", "c@contoso.com",
                "0", "192.0.2.7", "811fe6e4-f4bb-4684-8978-5ce5de39f8b9", "xMFjTVvJPE2OChJx_YE-AA", "deviceCode",
                "deviceCodeFlow", "primaryRefreshToken", "AzureAD", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
                csv("{\"authMethod\":\"PhoneAppNotification\",\"authDetail\":\"+X XXXXXXXX12\"}"), "",
                csv("{\"deviceId\":\"d-1\",\"operatingSystem\":\"Windows 10\",\"browser\":\"Edge 121.0\","
                        + "\"isCompliant\":true,\"isManaged\":true,\"trustType\":\"Azure AD joined\"}"), "",
                csv("[{\"networkType\":\"trustedNamedLocation\",\"networkNames\":[\"HQ\",\"VPN\"]},"
                        + "{\"networkType\":\"namedNetwork\",\"networkNames\":[\"North America\"]}]"),
                csv("[{\"applicationId\":\"00000003-0000-0000-c000-000000000000\",\"audienceReasons\":\"none\"},"
                        + "{\"applicationId\":\"00000002-0000-0000-c000-000000000000\",\"audienceReasons\":\"none\"}]"), "",
                "f8cdef31-a31e-4b4a-93e4-5f571e91255a", "b029d485-a308-4311-8720-fb3192e5284e", "Contoso Sync",
                "clientSecret");
        SignInEvent event = singleSignIn(header + "\n" + row + "\n");
        assertThat(event.sourceFormat()).isEqualTo("log-analytics-csv");
        assertEveryField(event);
    }

    private static String csv(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    /** The Sentinel training lab's export carries four of the columns: kept; {@code {}} and {@code []} are no values. */
    @Test
    void realCsvExportKeepsWhatItCarries() {
        List<ReadResult> results = readResource("sentinel-training-lab_sign-in_adelete_excerpt.csv");
        assertThat(failures(results)).isEmpty();
        assertThat(reads(results)).hasSize(3).allSatisfy(read -> {
            SignInEvent event = (SignInEvent) read.event();
            assertThat(event.userAgent()).startsWith("Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
            assertThat(event.tokenIssuerType()).isEqualTo("AzureAD");
            assertThat(event.mfaDetail()).isNull();
            assertThat(event.networkLocationDetails()).isEmpty();
            assertThat(event.servicePrincipalId()).isNull();
            assertThat(event.sessionId()).as("an export from before the column existed").isNull();
            assertThat(event.deviceDetail().isCompliant()).isNull();
        });
    }

    @Test
    void missingStaysMissingInEveryFormat() {
        List<SignInEvent> bare = List.of(
                singleSignIn("""
                        {"id":"g2","createdDateTime":"2025-11-14T01:48:53Z","status":{"errorCode":0},"deviceDetail":{}}
                        """),
                singleSignIn("""
                        {"time":"2025-11-14T01:48:53Z","category":"SignInLogs","resultType":"0","properties":{"id":"am2"}}
                        """),
                singleSignIn("""
                        {"Id":"la2","TimeGenerated":"2025-11-14T01:48:53Z","ResultType":"0","SessionId":"","MfaDetail":"{}",
                         "NetworkLocationDetails":"[]","ConditionalAccessAudiences":""}
                        """.replace("\n", " ")),
                singleSignIn("""
                        Id,CreatedDateTime [UTC],ResultType,SessionId,UserAgent,MfaDetail_dynamic,MfaDetail_string
                        c2,2025-11-14T01:48:53Z,0,,,{},
                        """));
        assertThat(bare).allSatisfy(event -> {
            assertThat(event.sessionId()).isNull();
            assertThat(event.uniqueTokenIdentifier()).isNull();
            assertThat(event.authenticationProtocol()).isNull();
            assertThat(event.originalTransferMethod()).isNull();
            assertThat(event.incomingTokenType()).isNull();
            assertThat(event.tokenIssuerType()).isNull();
            assertThat(event.userAgent()).isNull();
            assertThat(event.mfaDetail()).isNull();
            assertThat(event.networkLocationDetails()).isEmpty();
            assertThat(event.conditionalAccessAudiences()).isEmpty();
            assertThat(event.appOwnerTenantId()).isNull();
            assertThat(event.servicePrincipalId()).isNull();
            assertThat(event.servicePrincipalName()).isNull();
            assertThat(event.clientCredentialType()).isNull();
            if (event.deviceDetail() != null) {
                assertThat(event.deviceDetail().isCompliant()).isNull();
                assertThat(event.deviceDetail().isManaged()).isNull();
                assertThat(event.deviceDetail().trustType()).isNull();
            }
        });
    }
}
