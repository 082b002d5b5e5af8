package io.gatewatch.schema;

import java.util.Locale;

/**
 * An entry of the Dynamics org directory ({@code dynamics-orgs} topic, {@code --orgs} file):
 * where an organisation really lives. {@code regionHost} may be given short ({@code crm4}).
 */
public record DynamicsOrg(String orgName, String tenantId, String regionHost) {

    public DynamicsOrg {
        if (orgName == null || orgName.isBlank() || regionHost == null || regionHost.isBlank()) {
            throw new IllegalArgumentException("an org entry needs orgName and regionHost");
        }
        orgName = orgName.trim().toLowerCase(Locale.ROOT);
        regionHost = regionHost.trim().toLowerCase(Locale.ROOT);
        if (!regionHost.contains(".")) {
            regionHost = regionHost + ".dynamics.com";
        }
    }
}
