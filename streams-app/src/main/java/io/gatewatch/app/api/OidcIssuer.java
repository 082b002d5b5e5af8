package io.gatewatch.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import io.gatewatch.app.config.OidcSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenID Connect issuer's signing keys: its discovery document
 * ({@code <issuer>/.well-known/openid-configuration}) names its {@code jwks_uri}, read on the first
 * token rather than at start-up, so an issuer that is down delays no start and is asked again
 * later. The keys are cached (Nimbus: five minutes) and fetched anew when a token names a key id
 * the cache does not hold, as after the issuer rotated its keys — at most twice in 30 s, so
 * tokens with made-up key ids cannot make this instance hammer the issuer.
 */
final class OidcIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(OidcIssuer.class);
    private static final String DISCOVERY = "/.well-known/openid-configuration";
    /** How long after a failed discovery requests are answered 503 without asking the issuer again. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    private static final int TIMEOUT_MS = 5_000;

    private final OidcSettings settings;
    private final LongSupplier nanoClock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(TIMEOUT_MS)).build();
    private JWKSource<SecurityContext> keys;
    private long retryAt;

    OidcIssuer(OidcSettings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
    }

    /** The issuer's keys; 503 while its discovery document cannot be read. */
    synchronized JWKSource<SecurityContext> keys() {
        if (keys == null) {
            if (retryAt != 0 && nanoClock.getAsLong() - retryAt < 0) {
                throw unavailable();
            }
            try {
                keys = discover();
            } catch (IOException | RuntimeException e) {
                retryAt = nanoClock.getAsLong() + RETRY_AFTER.toNanos();
                // the exception's class only: its message may quote the issuer's answer
                LOG.warn("api.oidc.issuer's discovery document could not be read ({}); JWT bearer tokens are answered"
                        + " 503 until it can", e.getClass().getSimpleName());
                throw unavailable();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable();
            }
        }
        return keys;
    }

    private JWKSource<SecurityContext> discover() throws IOException, InterruptedException {
        String issuer = settings.issuer().toString();
        URI document = URI.create((issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + DISCOVERY);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(document).timeout(Duration.ofMillis(TIMEOUT_MS))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("discovery answered " + response.statusCode());
        }
        JsonNode discovery = ApiServer.JSON.readTree(response.body());
        // OpenID Connect Discovery 1.0 §4.3: the document's issuer is the configured one, exactly
        if (!issuer.equals(discovery.path("issuer").asText())) {
            throw new IOException("the discovery document names another issuer");
        }
        URI jwks = URI.create(discovery.path("jwks_uri").asText());
        if (!"https".equals(jwks.getScheme()) && !("http".equals(jwks.getScheme())
                && "http".equals(settings.issuer().getScheme()))) {
            throw new IOException("the discovery document's jwks_uri is not https");
        }
        return JWKSourceBuilder.create(jwks.toURL(), new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, 512 * 1024))
                .refreshAheadCache(false) // no background thread; a token after expiry fetches the keys
                .build();
    }

    private static ApiException unavailable() {
        return new ApiException(503, "the OpenID Connect issuer (api.oidc.issuer) cannot be reached; retry");
    }
}
