package io.gatewatch.app.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;

/**
 * Reads the API's security keys — {@code api.internal.secret}, {@code http.tls.*}, {@code api.oidc.*} —
 * noting each problem in {@link ConfigValues}. A key store is opened here, so a wrong path or
 * password is one line at start-up (and in {@code gatewatch config}) rather than a failure after
 * the wait for the broker. No message quotes a secret's value.
 */
final class ApiSecurityValues {

    static final String INTERNAL_SECRET = "api.internal.secret";
    /** An HMAC key a person could guess or type from memory is no key: 32 characters, e.g. {@code openssl rand -base64 32}. */
    static final int MIN_SECRET_LENGTH = 32;

    private ApiSecurityValues() {
    }

    static String internalSecret(ConfigValues read) {
        String secret = read.text(INTERNAL_SECRET);
        if (secret != null && secret.strip().length() < MIN_SECRET_LENGTH) {
            read.problem(INTERNAL_SECRET, INTERNAL_SECRET + " must be at least " + MIN_SECRET_LENGTH
                    + " characters (e.g. the output of 'openssl rand -base64 32'), the same on every instance");
            return null;
        }
        return secret == null ? null : secret.strip();
    }

    /** Null without {@code http.tls.keystore.path}. */
    static TlsSettings tls(ConfigValues read) {
        String keystore = read.text("http.tls.keystore.path");
        String truststore = read.text("http.tls.truststore.path");
        if (keystore == null) {
            if (truststore != null) {
                read.problem("http.tls.truststore.path", "http.tls.truststore.path needs http.tls.keystore.path:"
                        + " instances forward over HTTPS only when they serve it");
            }
            return null;
        }
        String type = read.text("http.tls.keystore.type").strip();
        TlsSettings tls = new TlsSettings(Path.of(keystore), read.text("http.tls.keystore.password"), type,
                truststore == null ? null : Path.of(truststore), read.text("http.tls.truststore.password"));
        if (tls.keystorePassword() == null) {
            read.problem("http.tls.keystore.password", "http.tls.keystore.password is required with http.tls.keystore.path");
            return null;
        }
        try {
            KeyStore store = tls.openKeyStore();
            if (Collections.list(store.aliases()).stream().noneMatch(alias -> isKey(store, alias))) {
                read.problem("http.tls.keystore.path", "http.tls.keystore.path: " + keystore + " holds no private key");
            }
        } catch (IOException | GeneralSecurityException e) {
            read.problem("http.tls.keystore.path", unreadable("http.tls.keystore", keystore, type, e));
        }
        if (truststore != null) {
            try {
                tls.openTrustStore();
            } catch (IOException | GeneralSecurityException e) {
                read.problem("http.tls.truststore.path", unreadable("http.tls.truststore", truststore, type, e));
            }
        }
        return tls;
    }

    /** Null without {@code api.oidc.issuer}. */
    static OidcSettings oidc(ConfigValues read) {
        String issuer = read.text("api.oidc.issuer");
        String audience = read.text("api.oidc.audience");
        String claim = read.text("api.oidc.tenants-claim").strip();
        if (issuer == null) {
            if (audience != null) {
                read.problem("api.oidc.audience", "api.oidc.audience needs api.oidc.issuer");
            }
            return null;
        }
        URI uri = null;
        try {
            uri = new URI(issuer.strip());
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        if (uri == null || uri.getHost() == null || !("https".equals(uri.getScheme())
                || "http".equals(uri.getScheme()) && isLoopback(uri.getHost()))) {
            read.problem("api.oidc.issuer", "api.oidc.issuer must be an https:// URL (http:// only on this machine's"
                    + " loopback address), was '" + issuer + "'");
        }
        if (audience == null || audience.isBlank()) {
            read.problem("api.oidc.audience", "api.oidc.audience is required with api.oidc.issuer"
                    + " (Entra ID: the app registration's application (client) id)");
        }
        if (claim.isEmpty()) {
            read.problem("api.oidc.tenants-claim", "api.oidc.tenants-claim must name a claim, such as roles");
        }
        return new OidcSettings(uri, audience == null ? null : audience.strip(), claim);
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Why a store did not open, in words of the keys: the exception's own message is no help to an operator. */
    private static String unreadable(String prefix, String file, String type, Exception e) {
        String why = e instanceof NoSuchFileException ? "no such file"
                : "a wrong " + prefix + ".password, or not a " + type + " store (" + e.getClass().getSimpleName() + ")";
        return prefix + ".path: " + file + " cannot be opened: " + why;
    }

    /** Spelled, never resolved: a configuration check looks nothing up. */
    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }
}
