package io.gatewatch.rules;

import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a detection into an {@link Alert}. The id is a name-based UUID of rule, tenant, entity
 * and the incident's start, so replaying the same input yields the same ids and a consumer can
 * de-duplicate on it.
 */
public final class AlertFactory {

    private AlertFactory() {
    }

    public static String alertId(String rule, String tenantId, String entityValue, Instant windowStart) {
        String name = rule + "|" + tenantId + "|" + entityValue + "|" + windowStart.toEpochMilli();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A single-event alert: window, first and last seen are the event's own time. */
    public static Alert fromEvent(Detection detection, ClassifiedEvent event, Instant detectedAt) {
        Instant time = event.event().createdDateTime();
        String tenant = event.event().tenantId();
        List<String> remediation = new ArrayList<>(event.classification().remediation());
        List<String> correlationIds = event.event() instanceof io.gatewatch.schema.SignInEvent s
                && s.correlationId() != null ? List.of(s.correlationId()) : List.of(event.event().id());
        return new Alert(alertId(detection.rule(), tenant, detection.entity().value(), time), detection.rule(),
                detection.severity(), tenant, detection.entity(), time, time.plus(detection.suppression()), time, time,
                1, 1, 1, event.event().ipAddress() == null ? 0 : 1, correlationIds, detection.summary(),
                remediation, detectedAt, null);
    }
}
