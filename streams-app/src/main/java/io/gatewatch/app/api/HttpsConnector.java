package io.gatewatch.app.api;

import io.gatewatch.app.config.TlsSettings;
import java.io.IOException;
import java.security.GeneralSecurityException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The API's one connector when {@code http.tls.keystore.path} is set: TLS with the key store's key
 * and certificate, HTTP/1.1 inside. Javalin adds its plain HTTP connector only when no other is
 * configured, so with a key store there is no plain HTTP port at all: a bearer token never
 * travels in clear to this instance.
 */
final class HttpsConnector {

    private HttpsConnector() {
    }

    /** A connector on {@code host:port} (port 0: any free one) for Javalin's {@code jetty.addConnector}. */
    static Connector create(Server server, HttpConfiguration http, TlsSettings tls, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        try {
            ssl.setKeyStore(tls.openKeyStore());
        } catch (IOException | GeneralSecurityException e) {
            // the configuration opened it at start-up; a store changed since then is named, its password is not
            throw new IllegalStateException("http.tls.keystore.path cannot be opened (" + e.getClass().getSimpleName() + ")");
        }
        ssl.setKeyStorePassword(tls.keystorePassword());
        ssl.setKeyManagerPassword(tls.keystorePassword());
        HttpConfiguration https = new HttpConfiguration(http);
        https.setSecureScheme("https");
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
