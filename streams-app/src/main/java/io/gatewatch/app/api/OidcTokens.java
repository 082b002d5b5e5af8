package io.gatewatch.app.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.gatewatch.app.config.OidcSettings;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * JWT bearer tokens of the OpenID Connect issuer ({@code api.oidc.*}): signed (RS256 or ES256) by
 * one of the issuer's keys ({@link OidcIssuer}), with the configured {@code iss}, the configured
 * audience among its {@code aud}, an {@code exp} not past and any {@code nbf} reached (each
 * within {@link #SKEW}), and tenants granted by {@link TenantRoles}. Every refusal is 401 with a
 * reason that names the check, never a claim's value: the answer goes to whoever sent the token.
 */
final class OidcTokens {

    /** How far the issuer's clock may be from this instance's when judging exp and nbf. */
    static final Duration SKEW = Duration.ofSeconds(60);
    private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    private final OidcSettings settings;
    private final OidcIssuer issuer;
    private final TenantRoles roles;
    private final Clock clock;

    OidcTokens(OidcSettings settings, Clock clock) {
        this.settings = settings;
        this.issuer = new OidcIssuer(settings, System::nanoTime);
        this.roles = new TenantRoles(settings.tenantsClaim());
        this.clock = clock;
    }

    /** A compact JWS: three dot-separated parts (a tokens file token has no dots, as {@code gatewatch token} makes them). */
    static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2 && !token.startsWith(".") && !token.endsWith(".")
                && !token.contains("..");
    }

    /** What the token may see; 401 when any check fails, 503 while the issuer's keys cannot be fetched. */
    AccessTokens.Scope verify(String token) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                issuer.keys()));
        // Entra ID's access tokens say JWT; RFC 9068 issuers say at+jwt
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, AT_JWT, null));
        processor.setJWTClaimsSetVerifier((claims, context) -> check(claims));
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (Refused e) {
            throw new ApiException(401, e.getMessage());
        } catch (ParseException e) {
            throw new ApiException(401, "the bearer token is not a well-formed JWT");
        } catch (RateLimitReachedException | BadJOSEException e) {
            // a key id the issuer does not publish (after one fresh look), a bad signature, another algorithm or type
            throw new ApiException(401, "the token's signature does not verify with the issuer's keys (RS256 or ES256)");
        } catch (JOSEException e) {
            throw new ApiException(503, "the OpenID Connect issuer's keys cannot be fetched; retry");
        }
        return roles.scope(claims);
    }

    /** The claims checks, with Gatewatch's own reasons (Nimbus's quote the values). */
    private void check(JWTClaimsSet claims) throws Refused {
        if (!settings.issuer().toString().equals(claims.getIssuer())) {
            throw new Refused("the token is from another issuer than api.oidc.issuer");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(settings.audience())) {
            throw new Refused("the token is for another audience than api.oidc.audience");
        }
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new Refused("the token has no expiry (exp)");
        }
        if (now.minus(SKEW).isAfter(expiry.toInstant())) {
            throw new Refused("the token has expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(SKEW).isBefore(notBefore.toInstant())) {
            throw new Refused("the token is not valid yet (nbf)");
        }
    }

    /** A refusal whose message is Gatewatch's own, safe to send back. */
    private static final class Refused extends BadJWTException {
        Refused(String message) {
            super(message);
        }
    }
}
