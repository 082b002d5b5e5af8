package io.gatewatch.app.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The operator surface: the HTTP API and dashboard, and how long the state behind it is kept.
 *
 * @param httpPort         {@code http.port}; 0 turns the API and dashboard off
 * @param tokensFile       {@code api.tokens.file}: hashed bearer tokens and their tenants; none answers 401 to all
 * @param alertsRetention  {@code alerts.retention}: how far back {@code /alerts} reaches
 * @param historyRetention {@code diagnosis.retention}: a user idle this long is forgotten
 * @param hourRetention    {@code aggregate.hour-retention}: hour roll-ups
 * @param dayRetention     {@code aggregate.day-retention}: day roll-ups (DESIGN §7: 90 days)
 * @param internalSecret   {@code api.internal.secret}: signs the queries instances forward to each other; null
 *                         when not set (a single instance needs none)
 * @param tls              {@code http.tls.*}: HTTPS; null for plain HTTP
 * @param oidc             {@code api.oidc.*}: the OpenID Connect issuer whose tokens are accepted too; null for none
 * @param tenantNames      {@code tenant.<id>.name}: tenants' display names
 */
public record ApiSettings(int httpPort, Path tokensFile, Duration alertsRetention, Duration historyRetention,
                          Duration hourRetention, Duration dayRetention, String internalSecret, TlsSettings tls,
                          OidcSettings oidc, TenantNames tenantNames) {

    public ApiSettings {
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("http.port must be 0 (off) or a port number");
        }
        if (hourRetention.compareTo(Duration.ofHours(1)) < 0 || dayRetention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("aggregate.hour-retention must cover an hour, aggregate.day-retention a day");
        }
    }

    /** Without the secret: a record's own toString would print it. */
    @Override
    public String toString() {
        return "ApiSettings[httpPort=" + httpPort + ", tokensFile=" + tokensFile + ", internalSecret="
                + (internalSecret == null ? "none" : SecretKeys.MASK) + ", tls=" + tls + ", oidc=" + oidc + "]";
    }
}
