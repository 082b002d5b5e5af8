package io.gatewatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gatewatch.app.config.OidcSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JWT bearer tokens against a real issuer started here ({@link TestIssuer}: discovery document and
 * JWKS over HTTP, tokens signed with its keys): nothing of the validation is mocked. Each refusal
 * is 401 with a reason that quotes no claim value.
 */
class OidcTokensTest {

    private static final String AUDIENCE = "6f1c2a3b-gatewatch-app-id";
    private TestIssuer issuer;
    private OidcTokens tokens;

    @BeforeEach
    void start() throws Exception {
        issuer = new TestIssuer();
        tokens = new OidcTokens(new OidcSettings(URI.create(issuer.issuer()), AUDIENCE, "roles"), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void aValidTokenGrantsTheTenantsOfItsRoles() throws Exception {
        String token = TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles",
                List.of("Gatewatch.Tenant.tenant-a", "Gatewatch.Tenant.tenant-b", "Reports.Read")).build(), issuer.key());

        AccessTokens.Scope scope = tokens.verify(token);

        assertThat(scope.allTenants()).isFalse();
        assertThat(scope.tenants()).containsExactly("tenant-a", "tenant-b");
        assertThat(OidcTokens.looksLikeJwt(token)).isTrue();
        assertThat(OidcTokens.looksLikeJwt("Jq3xV_w-a1")).as("a tokens file token").isFalse();
    }

    @Test
    void anRfc9068AccessTokenIsAcceptedAndAnotherTypeIsNot() throws Exception {
        JWTClaimsSet claims = issuer.claims(AUDIENCE).claim("roles", "Gatewatch.All").build();
        assertThat(tokens.verify(TestIssuer.sign(claims, issuer.key(), new JOSEObjectType("at+jwt"))).allTenants()).isTrue();
        refused(() -> tokens.verify(TestIssuer.sign(claims, issuer.key(), new JOSEObjectType("logout+jwt"))), "");
    }

    @Test
    void gatewatchAllGrantsEveryTenantAndASingleRoleMayBeAString() throws Exception {
        assertThat(tokens.verify(TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", "Gatewatch.All").build(),
                issuer.key())).allTenants()).isTrue();
        assertThat(tokens.verify(TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", "Gatewatch.Tenant.t-9").build(),
                issuer.key())).tenants()).containsExactly("t-9");
        assertThat(tokens.verify(TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles",
                "Gatewatch.Tenant.0A1B2C3D-0000-4000-8000-00000000ABCD").build(), issuer.key())).tenants())
                .as("a GUID spelled as the records' tenant ids are").containsExactly("0a1b2c3d-0000-4000-8000-00000000abcd");
    }

    @Test
    void expiredWrongAudienceWrongIssuerAndNotYetValidAreRefused() throws Exception {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        refused(() -> tokens.verify(TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", "Gatewatch.All")
                .expirationTime(Date.from(hourAgo)).build(), issuer.key())), "the token has expired");
        refused(() -> tokens.verify(TestIssuer.sign(issuer.claims("some-other-app").claim("roles", "Gatewatch.All")
                .build(), issuer.key())), "another audience", "some-other-app");
        refused(() -> tokens.verify(TestIssuer.sign(issuer.claims(AUDIENCE).issuer("https://evil.example/v2.0")
                .claim("roles", "Gatewatch.All").build(), issuer.key())), "another issuer", "evil.example");
        refused(() -> tokens.verify(TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", "Gatewatch.All")
                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build(), issuer.key())), "not valid yet");
        refused(() -> tokens.verify(TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", "Gatewatch.All")
                .expirationTime(null).build(), issuer.key())), "no expiry");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedUnderItsOwnOrTheIssuersKeyId() throws Exception {
        JWTClaimsSet claims = issuer.claims(AUDIENCE).claim("roles", "Gatewatch.All").build();
        refused(() -> tokens.verify(TestIssuer.sign(claims, TestIssuer.newRsaKey(issuer.key().getKeyID()))),
                "signature does not verify");
        refused(() -> tokens.verify(TestIssuer.sign(claims, TestIssuer.newRsaKey("attacker-key"))), "signature does not verify");
        refused(() -> tokens.verify(TestIssuer.sign(claims, TestIssuer.newEcKey("attacker-ec"))), "signature does not verify");
        String token = TestIssuer.sign(claims, issuer.key());
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        refused(() -> tokens.verify(tampered), "");
    }

    @Test
    void aMissingClaimOrOneWithoutAGatewatchRoleIsRefused() throws Exception {
        refused(() -> tokens.verify(TestIssuer.sign(issuer.claims(AUDIENCE).build(), issuer.key())), "no roles claim");
        refused(() -> tokens.verify(TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", List.of("Reports.Read"))
                .build(), issuer.key())), "grants no tenant", "Reports.Read");
        refused(() -> tokens.verify(TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", "Gatewatch.Tenant.")
                .build(), issuer.key())), "grants no tenant");
        refused(() -> tokens.verify(TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", "Gatewatch.Tenant.a|b")
                .build(), issuer.key())), "grants no tenant", "a|b");
    }

    @Test
    void keysAreCachedAndFetchedAgainForAKeyIdTheCacheDoesNotHold() throws Exception {
        for (int i = 0; i < 3; i++) {
            tokens.verify(TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", "Gatewatch.All").build(), issuer.key()));
        }
        assertThat(issuer.jwksFetches()).as("fetched once, then cached").isEqualTo(1);

        JWK rotated = TestIssuer.newEcKey("key-2");
        issuer.publish(rotated);
        assertThat(tokens.verify(TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", "Gatewatch.Tenant.t-2").build(),
                rotated)).tenants()).as("ES256, under the new key").containsExactly("t-2");
        assertThat(issuer.jwksFetches()).as("fetched again for the unknown key id").isEqualTo(2);
    }

    @Test
    void anIssuerThatCannotBeReachedIs503NotASignatureFailure() throws Exception {
        String token = TestIssuer.sign(issuer.claims(AUDIENCE).claim("roles", "Gatewatch.All").build(), issuer.key());
        issuer.close();
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(503));
    }

    private static void refused(ThrowableAssert.ThrowingCallable call, String reason, String... notQuoted) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains(reason);
            for (String value : notQuoted) {
                assertThat(e.getMessage()).doesNotContain(value);
            }
        });
    }
}
