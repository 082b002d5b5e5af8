package io.gatewatch.app.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OpenID Connect issuer for tests, on this machine's loopback: it serves a real discovery
 * document and JWKS over HTTP (JDK HttpServer) and signs real tokens with its keys (Nimbus), as
 * Entra ID would, so the API's validation is exercised whole. Keys can be added (a rotation), and
 * the JWKS fetches are counted.
 */
public final class TestIssuer implements AutoCloseable {

    private final HttpServer server;
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();

    public TestIssuer() throws IOException, JOSEException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Entra ID's layout: the discovery document under the issuer, the keys beside it
        server.createContext("/tenant-directory/v2.0/.well-known/openid-configuration", exchange -> send(exchange,
                "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + base() + "/tenant-directory/discovery/v2.0/keys\","
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\",\"ES256\"]}"));
        server.createContext("/tenant-directory/discovery/v2.0/keys", exchange -> {
            jwksFetches.incrementAndGet();
            send(exchange, new JWKSet(published.stream().map(JWK::toPublicJWK).toList()).toString());
        });
        server.start();
        published.add(newRsaKey("key-1"));
    }

    public String issuer() {
        return base() + "/tenant-directory/v2.0";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The first key: it signs unless told otherwise. */
    public JWK key() {
        return published.get(0);
    }

    /** A new RSA key, not published. */
    public static RSAKey newRsaKey(String kid) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(kid).generate();
    }

    /** A new P-256 key, not published. */
    public static ECKey newEcKey(String kid) throws JOSEException {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    }

    /** Publishes another key, as an issuer does before it signs with it. */
    public void publish(JWK key) {
        published.add(key);
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** Claims as Entra ID would give them for an app registration: iss, aud, iat, nbf, exp an hour on. */
    public JWTClaimsSet.Builder claims(String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer()).audience(audience).subject("user-object-id")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    /** The claims signed with {@code key} (RS256 or ES256 by its type), the key's id in the header. */
    public static String sign(JWTClaimsSet claims, JWK key) throws JOSEException {
        return sign(claims, key, JOSEObjectType.JWT);
    }

    /** As {@link #sign(JWTClaimsSet, JWK)} with another {@code typ}. */
    public static String sign(JWTClaimsSet claims, JWK key, JOSEObjectType type) throws JOSEException {
        boolean rsa = key instanceof RSAKey;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(rsa ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256)
                .keyID(key.getKeyID()).type(type).build(), claims);
        jwt.sign(rsa ? new RSASSASigner((RSAKey) key) : new ECDSASigner((ECKey) key));
        return jwt.serialize();
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
