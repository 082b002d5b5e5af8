package io.gatewatch.app.api;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatewatch.schema.read.TenantIds;
import io.gatewatch.schema.read.UnreadableRecordException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tenants a JWT grants, from one claim ({@code api.oidc.tenants-claim}, by default
 * {@code roles}: where Entra ID puts the app roles assigned to a user, group or application). The
 * claim holds one value or a list; {@code Gatewatch.Tenant.<tenant id>} grants that tenant,
 * {@code Gatewatch.All} every tenant (the tokens file's {@code *}); a GUID is read in either case,
 * as the sign-in records' tenant ids are ({@code TenantIds}); other values, such as the
 * app's other roles, grant nothing. Define the roles in the app registration's manifest (app
 * roles, one per tenant) and assign them.
 */
final class TenantRoles {

    static final String TENANT = "Gatewatch.Tenant.";
    static final String ALL = "Gatewatch.All";

    private final String claim;

    TenantRoles(String claim) {
        this.claim = claim;
    }

    /** The scope the claims grant; 401 when the claim is missing or grants no tenant. */
    AccessTokens.Scope scope(JWTClaimsSet claims) {
        Object value = claims.getClaim(claim);
        if (value == null) {
            throw new ApiException(401, "the token has no " + claim + " claim (api.oidc.tenants-claim)");
        }
        Collection<?> values = value instanceof Collection<?> list ? list : List.of(value);
        Set<String> tenants = new LinkedHashSet<>();
        for (Object role : values) {
            String text = String.valueOf(role);
            if (text.equals(ALL)) {
                return new AccessTokens.Scope(true, Set.of());
            }
            if (text.startsWith(TENANT)) {
                tenant(text.substring(TENANT.length()), tenants);
            }
        }
        if (tenants.isEmpty()) {
            throw new ApiException(401, "the token's " + claim + " claim grants no tenant (" + TENANT + "<tenant id> or "
                    + ALL + ")");
        }
        return new AccessTokens.Scope(false, tenants);
    }

    /** The id spelled as the records' tenants are (a GUID lower-cased); one no tenant can have grants nothing. */
    private static void tenant(String id, Set<String> tenants) {
        try {
            String spelled = TenantIds.normalise(id);
            if (spelled != null) {
                tenants.add(spelled);
            }
        } catch (UnreadableRecordException e) {
            // '|', a control character or over 128 characters: no tenant is named so
        }
    }
}
