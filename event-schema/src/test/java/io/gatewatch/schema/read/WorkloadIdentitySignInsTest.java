package io.gatewatch.schema.read;

import static io.gatewatch.schema.read.TestInputs.failures;
import static io.gatewatch.schema.read.TestInputs.readResource;
import static io.gatewatch.schema.read.TestInputs.readText;
import static io.gatewatch.schema.read.TestInputs.reads;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.SignInEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Service principal and managed identity sign-ins ("sign-ins by any nonuser account", Microsoft
 * Entra docs, concept-service-principal-sign-ins) read as their own kind in every format: their
 * category kept, their principal in {@code servicePrincipalId} / {@code servicePrincipalName}, and no
 * user, whatever user fields the record carries. Column names per the Azure Monitor Logs tables
 * {@code AADServicePrincipalSignInLogs} and {@code AADManagedIdentitySignInLogs}.
 */
class WorkloadIdentitySignInsTest {

    private static SignInEvent single(List<ReadResult> results) {
        assertThat(failures(results)).isEmpty();
        assertThat(reads(results)).hasSize(1);
        return (SignInEvent) reads(results).get(0).event();
    }

    private static void assertNoUser(SignInEvent event) {
        assertThat(event.workloadIdentity()).isTrue();
        assertThat(event.userPrincipalName()).isNull();
        assertThat(event.userId()).isNull();
        assertThat(event.userDisplayName()).isNull();
        assertThat(event.userType()).isNull();
    }

    @Test
    void azureMonitorServicePrincipalRecord() {
        SignInEvent event = single(readResource("elastic-service-principal-signin.jsonl"));
        assertThat(event.logCategory()).isEqualTo("ServicePrincipalSignInLogs");
        assertThat(event.dedupKey()).isEqualTo("ServicePrincipalSignInLogs:d5935dca-86f2-4ac9-a42c-3593b00af801");
        assertNoUser(event);
        assertThat(event.servicePrincipalId()).isEqualTo("b029d485-a308-4311-8720-fb3192e5284e");
        assertThat(event.servicePrincipalName()).isEqualTo("Terraform-Datadog-CLI");
        assertThat(event.appId()).isEqualTo("6131d760-7fda-4db5-8bb1-b771898e9f15");
        assertThat(event.uniqueTokenIdentifier()).isEqualTo("ZDU5MzVkY2EtODZmMi00YWM5LWE0MmMtMzU5M2IwMGFmODAx");
        assertThat(event.authenticationProtocol()).isEqualTo("none");
        assertThat(event.incomingTokenType()).isEqualTo("none");
        assertThat(event.tokenIssuerType()).isEqualTo("AzureAD");
        assertThat(event.ipAddress()).isEqualTo("1.128.3.4");
        assertThat(event.errorCode()).isZero();
    }

    @Test
    void azureMonitorManagedIdentityRecord() {
        SignInEvent event = single(readResource("elastic-managed-identity-signin.jsonl"));
        assertThat(event.logCategory()).isEqualTo("ManagedIdentitySignInLogs");
        assertNoUser(event);
        assertThat(event.servicePrincipalId()).isEqualTo("9d370547-cb61-4753-be23-68534909af90");
        assertThat(event.servicePrincipalName()).isEqualTo("testplatformlogslube");
        assertThat(event.ipAddress()).as("a managed identity signs in from inside Azure: no address").isNull();
    }

    /**
     * Elastic's raw fixture puts a user's fields into a service principal record (its
     * test-signinlogs-raw.log); a workload identity's sign-in still names no user.
     */
    @Test
    void userFieldsInAWorkloadRecordNameNoUser() {
        SignInEvent event = single(readText("""
                {"category":"ServicePrincipalSignInLogs","tenantId":"t1","resultType":"7000215","time":"2025-11-14T01:48:53Z",
                 "callerIpAddress":"198.51.100.4","properties":{"id":"sp-1","userDisplayName":"Test LTest",
                 "userId":"8a4de8b5-095c-47d0-a96f-a75130c61d53","userPrincipalName":"c3813493-bf92-5123-2717-8a8b2979c38b",
                 "userType":"Member","status":{"errorCode":7000215},"servicePrincipalId":"b029d485-a308-4311-8720-fb3192e5284e",
                 "servicePrincipalName":"Contoso Sync","clientCredentialType":"clientSecret"}}
                """.replace("\n", " ")));
        assertNoUser(event);
        assertThat(event.errorCode()).isEqualTo(7000215);
        assertThat(event.clientCredentialType()).isEqualTo("clientSecret");
    }

    /** Graph has no category: {@code signInEventTypes} says whose sign-in it is. */
    @Test
    void graphSignInEventTypesNameTheKind() {
        SignInEvent servicePrincipal = single(readText("""
                {"id":"g-sp","createdDateTime":"2025-11-14T01:48:53Z","status":{"errorCode":0},"userPrincipalName":"",
                 "signInEventTypes":["servicePrincipal"],"servicePrincipalId":"sp-id","servicePrincipalName":"Contoso Sync"}
                """.replace("\n", " ")));
        assertThat(servicePrincipal.logCategory()).isEqualTo("ServicePrincipalSignInLogs");
        assertNoUser(servicePrincipal);
        SignInEvent managed = single(readText("""
                {"id":"g-mi","createdDateTime":"2025-11-14T01:48:53Z","status":{"errorCode":0},
                 "signInEventTypes":["managedIdentity"],"servicePrincipalId":"mi-id"}
                """.replace("\n", " ")));
        assertThat(managed.logCategory()).isEqualTo("ManagedIdentitySignInLogs");
        assertNoUser(managed);
        SignInEvent user = single(readText("""
                {"id":"g-u","createdDateTime":"2025-11-14T01:48:53Z","status":{"errorCode":0},"userPrincipalName":"u@contoso.com",
                 "signInEventTypes":["nonInteractiveUser"]}
                """.replace("\n", " ")));
        assertThat(user.logCategory()).as("a user's sign-in keeps no category, as before").isNull();
        assertThat(user.workloadIdentity()).isFalse();
        assertThat(user.userPrincipalName()).isEqualTo("u@contoso.com");
    }

    /** Constructed from the documented columns: the table names the kind when a row has no Category. */
    @Test
    void logAnalyticsTablesNameTheKind() {
        SignInEvent servicePrincipal = single(readText("""
                {"TenantId":"workspace","Type":"AADServicePrincipalSignInLogs","TimeGenerated":"2025-11-14T01:48:53Z",
                 "Id":"la-sp","ResultType":"7000215","ResultSignature":"7000215","IPAddress":"198.51.100.4",
                 "AppId":"6131d760-7fda-4db5-8bb1-b771898e9f15","ServicePrincipalId":"b029d485-a308-4311-8720-fb3192e5284e",
                 "ServicePrincipalName":"Contoso Sync","ClientCredentialType":"clientSecret",
                 "UniqueTokenIdentifier":"ZDU5MzVkY2EtODZmMi00YWM5LWE0MmMtMzU5M2IwMGFmODAx",
                 "LocationDetails":"{\\"city\\":\\"Hyderabad\\",\\"countryOrRegion\\":\\"IN\\"}"}
                """.replace("\n", " ")));
        assertThat(servicePrincipal.logCategory()).isEqualTo("ServicePrincipalSignInLogs");
        assertNoUser(servicePrincipal);
        assertThat(servicePrincipal.servicePrincipalName()).isEqualTo("Contoso Sync");
        assertThat(servicePrincipal.clientCredentialType()).isEqualTo("clientSecret");
        assertThat(servicePrincipal.errorCode()).isEqualTo(7000215);
        assertThat(servicePrincipal.location().countryOrRegion()).isEqualTo("IN");

        SignInEvent managed = single(readText("""
                {"TenantId":"workspace","Type":"AADManagedIdentitySignInLogs","TimeGenerated":"2025-11-14T01:48:53Z",
                 "Id":"la-mi","ResultType":"0","ServicePrincipalId":"9d370547-cb61-4753-be23-68534909af90",
                 "ServicePrincipalName":"testplatformlogslube"}
                """.replace("\n", " ")));
        assertThat(managed.logCategory()).isEqualTo("ManagedIdentitySignInLogs");
        assertNoUser(managed);
    }

    /** Constructed: the portal's CSV export of the service principal table. */
    @Test
    void csvExportOfTheServicePrincipalTable() {
        SignInEvent event = single(readText("""
                TenantId,Category,TimeGenerated [UTC],Id,ResultType,IPAddress,AppId,ServicePrincipalId,ServicePrincipalName,ClientCredentialType,Type
                workspace,ServicePrincipalSignInLogs,2025-11-14T01:48:53Z,csv-sp,0,198.51.100.4,6131d760-7fda-4db5-8bb1-b771898e9f15,b029d485-a308-4311-8720-fb3192e5284e,Contoso Sync,certificate,AADServicePrincipalSignInLogs
                """));
        assertThat(event.sourceFormat()).isEqualTo("log-analytics-csv");
        assertThat(event.logCategory()).isEqualTo("ServicePrincipalSignInLogs");
        assertNoUser(event);
        assertThat(event.clientCredentialType()).isEqualTo("certificate");
    }
}
