package io.gatewatch.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tenants' display names, {@code tenant.<id>.name}: from a file or the environment, for the tenant
 * as the records spell it, never passed to Kafka; an id no record could carry is refused.
 */
class TenantNamesTest {

    private static final String GUID = "72F988BF-86F1-41AF-91AB-2D7CD011DB47";

    @Test
    void aConfiguredNameIsTheTenantsInTheRecordsSpelling() {
        GatewatchConfig config = ConfigLoader.build(Map.of("tenant." + GUID + ".name", " Contoso ",
                "tenant.fabrikam.name", "Fabrikam"));

        assertThat(config.api().tenantNames().nameOf(GUID.toLowerCase())).isEqualTo("Contoso");
        assertThat(config.api().tenantNames().nameOf("fabrikam")).isEqualTo("Fabrikam");
        assertThat(config.api().tenantNames().nameOf("other")).isNull();
        assertThat(config.kafka()).as("not a Kafka setting").doesNotContainKey("tenant.fabrikam.name");
    }

    @Test
    void aVariableNamesAGuidTenantWithUnderscoresForDashes() throws IOException {
        GatewatchConfig config = ConfigLoader.load(null, Map.of(
                "GATEWATCH_TENANT_" + GUID.replace('-', '_') + "_NAME", "Contoso"));

        assertThat(config.api().tenantNames().nameOf(GUID.toLowerCase())).isEqualTo("Contoso");
    }

    @Test
    void anIdNoRecordCouldCarryIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.build(Map.of("tenant.a|b.name", "X")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("tenant.a|b.name");
    }
}
