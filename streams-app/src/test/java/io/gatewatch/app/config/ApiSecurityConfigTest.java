package io.gatewatch.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewatch.app.api.SelfSignedKeyStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's security keys: read from the environment too, secrets masked, every mistake one line naming its key. */
class ApiSecurityConfigTest {

    private static final String SECRET = "Zb1y3kV0s9n5Qw2e8r7t6y5u4i3o2p1a0sdfgh";

    @TempDir
    Path dir;

    @Test
    void theSecretComesFromTheEnvironmentAndIsMaskedEverywhere() throws IOException {
        ConfigLayers layers = ConfigLayers.read(null, Map.of("GATEWATCH_API_INTERNAL_SECRET", SECRET,
                "GATEWATCH_API_OIDC_TENANTS_CLAIM", "groups"));
        GatewatchConfig config = ConfigLoader.build(layers);

        assertThat(layers.environmentKeys()).containsEntry("GATEWATCH_API_INTERNAL_SECRET", "api.internal.secret")
                .containsEntry("GATEWATCH_API_OIDC_TENANTS_CLAIM", "api.oidc.tenants-claim");
        assertThat(config.api().internalSecret()).isEqualTo(SECRET);
        assertThat(config.api().toString()).doesNotContain(SECRET);
        assertThat(config.kafka()).as("Gatewatch's own: never passed to Kafka").doesNotContainKeys(
                "api.internal.secret", "api.oidc.tenants-claim", "http.tls.keystore.type");
        assertThat(SecretKeys.isSecret("api.internal.secret")).isTrue();
        assertThat(SecretKeys.isSecret("http.tls.keystore.password")).isTrue();
        assertThat(SecretKeys.isSecret("http.tls.truststore.password")).isTrue();
        assertThat(SecretKeys.isSecret("http.tls.keystore.path")).as("a path").isFalse();
        assertThat(SecretKeys.isSecret("http.tls.keystore.type")).isFalse();
        assertThat(KnownKeys.known("api.oidc.audience")).isTrue();
    }

    @Test
    void aShortSecretIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("api.internal.secret", "hunter2")))
                .hasMessageContaining("api.internal.secret must be at least 32 characters").hasMessageNotContaining("hunter2");
    }

    @Test
    void aKeyStoreIsOpenedWhenTheConfigurationIsRead() throws Exception {
        SelfSignedKeyStore store = SelfSignedKeyStore.create(dir, "node");
        Map<String, String> values = new HashMap<>(Map.of("http.tls.keystore.path", store.file().toString(),
                "http.tls.keystore.password", store.password()));
        TlsSettings tls = ConfigLoader.build(values).api().tls();
        assertThat(tls.keystoreType()).isEqualTo("PKCS12");
        assertThat(tls.truststore()).isNull();
        assertThat(tls.toString()).doesNotContain(store.password());

        values.put("http.tls.keystore.password", "wrong-password");
        assertThatThrownBy(() -> ConfigLoader.build(values)).hasMessageContaining("http.tls.keystore.path")
                .hasMessageContaining("wrong http.tls.keystore.password").hasMessageNotContaining("wrong-password");
        values.put("http.tls.keystore.path", dir.resolve("missing.p12").toString());
        assertThatThrownBy(() -> ConfigLoader.build(values)).hasMessageContaining("no such file");
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("http.tls.keystore.path", store.file().toString())))
                .hasMessageContaining("http.tls.keystore.password is required");
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("http.tls.truststore.path", store.file().toString())))
                .hasMessageContaining("http.tls.truststore.path needs http.tls.keystore.path");
    }

    @Test
    void anIssuerIsHttpsWithAnAudience() {
        OidcSettings oidc = ConfigLoader.build(Map.of("api.oidc.issuer",
                "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0",
                "api.oidc.audience", "11111111-2222-3333-4444-555555555555")).api().oidc();
        assertThat(oidc.issuer()).isEqualTo(URI.create(
                "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0"));
        assertThat(oidc.tenantsClaim()).isEqualTo("roles");
        assertThat(ConfigLoader.build(Map.of()).api().oidc()).isNull();

        assertThatThrownBy(() -> ConfigLoader.build(Map.of("api.oidc.issuer", "http://issuer.example/v2.0",
                "api.oidc.audience", "x"))).hasMessageContaining("api.oidc.issuer must be an https:// URL");
        assertThat(ConfigLoader.build(Map.of("api.oidc.issuer", "http://127.0.0.1:8081/v2.0", "api.oidc.audience", "x"))
                .api().oidc().issuer().getPort()).as("loopback, as in tests").isEqualTo(8081);
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("api.oidc.issuer", "https://issuer.example/v2.0")))
                .hasMessageContaining("api.oidc.audience is required");
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("api.oidc.audience", "x")))
                .hasMessageContaining("api.oidc.audience needs api.oidc.issuer");
    }
}
