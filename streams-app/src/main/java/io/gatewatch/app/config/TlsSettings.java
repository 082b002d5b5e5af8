package io.gatewatch.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * The API's HTTPS ({@code http.tls.*}). With a key store the API serves HTTPS only and the
 * instances forward to each other over HTTPS, trusting {@code http.tls.truststore.path} when
 * given, else the JDK's certificate authorities and the certificates of this instance's own key
 * store (instances usually share one certificate, or one issued by the same private CA, so they
 * trust each other with no trust store to keep).
 *
 * @param keystore           {@code http.tls.keystore.path}: this instance's key and certificate
 * @param keystorePassword   {@code http.tls.keystore.password}: opens the store and its key
 * @param keystoreType       {@code http.tls.keystore.type}: PKCS12 (default) or JKS
 * @param truststore         {@code http.tls.truststore.path}: the certificates to trust when forwarding; null for the default
 * @param truststorePassword {@code http.tls.truststore.password}
 */
public record TlsSettings(Path keystore, String keystorePassword, String keystoreType, Path truststore,
                          String truststorePassword) {

    /** This instance's key store, opened. */
    public KeyStore openKeyStore() throws IOException, GeneralSecurityException {
        return open(keystore, keystorePassword, keystoreType);
    }

    /** The trust store to forward with, opened; null when none is configured. */
    public KeyStore openTrustStore() throws IOException, GeneralSecurityException {
        return truststore == null ? null : open(truststore, truststorePassword, keystoreType);
    }

    static KeyStore open(Path file, String password, String type) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password == null ? null : password.toCharArray());
        }
        return store;
    }

    /** Without the passwords: a record's own toString would print them. */
    @Override
    public String toString() {
        return "TlsSettings[keystore=" + keystore + ", type=" + keystoreType + ", truststore=" + truststore + "]";
    }
}
