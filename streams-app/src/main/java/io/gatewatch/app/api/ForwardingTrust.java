package io.gatewatch.app.api;

import io.gatewatch.app.config.TlsSettings;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What an instance trusts when it forwards a query to another over HTTPS: the certificates of
 * {@code http.tls.truststore.path} when given; otherwise the JDK's certificate authorities (a
 * certificate from a public or company CA the JDK knows) and every certificate in this instance's
 * own key store, chain included. Instances usually share one certificate, or carry certificates
 * from the same private CA whose certificate is in the chain, so they trust each other with no
 * trust store to keep. The host name is verified as usual: each certificate must name the host
 * its instance gives in {@code application.server}.
 */
final class ForwardingTrust {

    private ForwardingTrust() {
    }

    static SSLContext sslContext(TlsSettings tls) {
        try {
            KeyStore configured = tls.openTrustStore();
            List<X509TrustManager> managers = new ArrayList<>();
            managers.add(managerOf(configured != null ? configured : ownCertificates(tls.openKeyStore())));
            if (configured == null) {
                managers.add(managerOf(null)); // the JDK's own
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyOf(managers)}, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the trust store for forwarding cannot be built ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static KeyStore ownCertificates(KeyStore keyStore) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        int n = 0;
        for (String alias : Collections.list(keyStore.aliases())) {
            Certificate[] chain = keyStore.getCertificateChain(alias);
            for (Certificate certificate : chain == null ? new Certificate[] {keyStore.getCertificate(alias)} : chain) {
                if (certificate != null) {
                    trusted.setCertificateEntry("own-" + n++, certificate);
                }
            }
        }
        return trusted;
    }

    private static X509TrustManager managerOf(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts a server that any of its managers trusts; never used for clients (instances present no certificate). */
    private record AnyOf(List<X509TrustManager> managers) implements X509TrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException last = null;
            for (X509TrustManager manager : managers) {
                try {
                    manager.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    last = e;
                }
            }
            throw last;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("instances present no client certificate");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream().flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
