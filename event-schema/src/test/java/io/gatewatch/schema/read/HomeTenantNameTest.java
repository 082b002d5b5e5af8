package io.gatewatch.schema.read;

import static io.gatewatch.schema.read.TestInputs.singleSignIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.SignInEvent;
import org.junit.jupiter.api.Test;

/**
 * The tenant's own name as the logs carry it: Graph's {@code homeTenantName} and the Log Analytics
 * column {@code HomeTenantName} ("for user sign-ins, the name of the tenant that the user is a member
 * of; only populated where the home tenant consented to show it", the Graph beta signIn resource).
 * A member's sign-in names the tenant signed in to; a guest's names another tenant, never taken for
 * this one. Constructed records: no public sample carries the field.
 */
class HomeTenantNameTest {

    private static final String TENANT = "0b6f6c2e-5f43-4a57-9b9e-2d1f5e2c9a10";

    @Test
    void aMembersSignInNamesItsTenant() {
        SignInEvent event = singleSignIn("""
                {"id":"g1","createdDateTime":"2025-11-14T01:48:53Z","tenantId":"%s","homeTenantId":"%s",
                 "homeTenantName":" Contoso ","userPrincipalName":"a@contoso.com","status":{"errorCode":0}}
                """.formatted(TENANT.toUpperCase(), TENANT).replace("\n", " "));
        assertThat(event.homeTenantName()).isEqualTo(" Contoso ");
        assertThat(event.ownTenantName()).isEqualTo("Contoso");
    }

    @Test
    void aGuestsHomeTenantIsAnotherTenant() {
        SignInEvent event = singleSignIn("""
                {"id":"g2","createdDateTime":"2025-11-14T01:48:53Z","tenantId":"%s",
                 "homeTenantId":"11111111-2222-3333-4444-555555555555","homeTenantName":"Fabrikam",
                 "userPrincipalName":"guest@fabrikam.com","status":{"errorCode":0}}
                """.formatted(TENANT).replace("\n", " "));
        assertThat(event.homeTenantName()).isEqualTo("Fabrikam");
        assertThat(event.ownTenantName()).isNull();
    }

    @Test
    void aLogAnalyticsRowNamesItsTenantByColumnAndAnEmptyNameIsNone() {
        SignInEvent named = singleSignIn("""
                {"TenantId":"workspace","AADTenantId":"%s","Type":"SigninLogs","TimeGenerated":"2025-11-14T01:48:53Z",
                 "Id":"la1","UserPrincipalName":"b@contoso.com","ResultType":"0","HomeTenantId":"%s",
                 "HomeTenantName":"Contoso"}
                """.formatted(TENANT, TENANT).replace("\n", " "));
        assertThat(named.ownTenantName()).isEqualTo("Contoso");
        SignInEvent empty = singleSignIn("""
                {"TenantId":"workspace","AADTenantId":"%s","Type":"SigninLogs","TimeGenerated":"2025-11-14T01:48:53Z",
                 "Id":"la2","UserPrincipalName":"b@contoso.com","ResultType":"0","HomeTenantId":"%s","HomeTenantName":""}
                """.formatted(TENANT, TENANT).replace("\n", " "));
        assertThat(empty.homeTenantName()).isNull();
        assertThat(empty.ownTenantName()).isNull();
    }
}
