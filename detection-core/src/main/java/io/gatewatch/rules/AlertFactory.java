package io.gatewatch.rules;

import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AttackIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns an admitted {@link Finding} into an {@link Alert}. The id is a name-based UUID of rule,
 * tenant, entity and the incident's first evidence, so replaying the same input yields the same
 * ids and a consumer can de-duplicate on it.
 */
public final class AlertFactory {

    private AlertFactory() {
    }

    public static String alertId(String rule, String tenantId, String entityValue, Instant firstSeen) {
        String name = rule + "|" + tenantId + "|" + entityValue + "|" + firstSeen.toEpochMilli();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Alert create(Finding f, String tenant, List<String> remediation, Instant detectedAt, String relatedAlertId,
                        AttackIds attack) {
        return new Alert(alertId(f.rule(), tenant, f.entity().value(), f.firstSeen()), f.rule(), f.severity(), tenant,
                f.entity(), f.windowStart(), f.windowEnd(), f.firstSeen(), f.lastSeen(), f.count(), f.threshold(),
                f.distinctUsers(), f.distinctIps(), f.correlationIds(), f.summary(), remediation, detectedAt,
                relatedAlertId, attack);
    }
}
