package io.gatewatch.generator.scenario;

import io.gatewatch.generator.SyntheticUser;
import io.gatewatch.schema.AlertEntity;
import java.util.Locale;

/** The alert entities labels name, spelled as the rules spell them (lower-case UPNs, "upn|ip", "upn|host"). */
final class ScenarioEntities {

    private ScenarioEntities() {
    }

    static AlertEntity user(SyntheticUser user) {
        return new AlertEntity("user", user.userPrincipalName().toLowerCase(Locale.ROOT));
    }

    static AlertEntity ip(String ip) {
        return new AlertEntity("ip", ip);
    }

    static AlertEntity userAndIp(SyntheticUser user, String ip) {
        return new AlertEntity("user+ip", user.userPrincipalName().toLowerCase(Locale.ROOT) + "|" + ip);
    }

    static AlertEntity userAndOrg(SyntheticUser user, String host) {
        return new AlertEntity("user+org", user.userPrincipalName().toLowerCase(Locale.ROOT) + "|" + host);
    }
}
