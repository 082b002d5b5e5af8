package io.gatewatch.app.config;

import java.net.URI;

/**
 * The OpenID Connect issuer whose JWT bearer tokens the API accepts beside {@code api.tokens.file}
 * ({@code api.oidc.*}); null in {@link ApiSettings} when no issuer is given.
 *
 * @param issuer       {@code api.oidc.issuer}: the {@code iss} of its tokens; its discovery document is
 *                     {@code <issuer>/.well-known/openid-configuration} (Entra ID:
 *                     {@code https://login.microsoftonline.com/<directory id>/v2.0})
 * @param audience     {@code api.oidc.audience}: the {@code aud} a token must carry (Entra ID: the app
 *                     registration's application (client) id, in v2 tokens)
 * @param tenantsClaim {@code api.oidc.tenants-claim}: the claim whose values {@code Gatewatch.Tenant.<id>}
 *                     and {@code Gatewatch.All} grant tenants ({@code roles}, where Entra puts app roles)
 */
public record OidcSettings(URI issuer, String audience, String tenantsClaim) {
}
