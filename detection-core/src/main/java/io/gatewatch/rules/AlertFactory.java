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

    /** An alert from a windowed rule's finding; the incident starts at its first piece of evidence. */
    public static Alert fromFinding(io.gatewatch.rules.windowed.Finding finding, String tenant,
                                    io.gatewatch.schema.AlertEntity entity, java.time.Duration window,
                                    List<String> remediation, Instant detectedAt, String relatedAlertId) {
        List<io.gatewatch.rules.windowed.Observation> evidence = finding.evidence();
        Instant first = Instant.ofEpochMilli(evidence.get(0).timeMs());
        Instant last = Instant.ofEpochMilli(evidence.get(evidence.size() - 1).timeMs());
        List<String> correlationIds = evidence.stream().map(io.gatewatch.rules.windowed.Observation::correlationId)
                .filter(java.util.Objects::nonNull).distinct().limit(MAX_CORRELATION_IDS).toList();
        return new Alert(alertId(finding.ruleName(), tenant, entity.value(), first), finding.ruleName(),
                finding.severity(), tenant, entity, last.minus(window), last, first, last, finding.count(),
                finding.threshold(), finding.distinctUsers(), finding.distinctIps(), correlationIds, finding.summary(),
                remediation, detectedAt, relatedAlertId);
    }

    /** Evidence ids kept on an alert; enough to pivot into the logs without bloating the topic. */
    static final int MAX_CORRELATION_IDS = 20;

    /** An alert for a baseline spike: the window is the hour being compared. */
    public static Alert fromSpike(io.gatewatch.rules.baseline.BaselineRules.Spike spike, String tenant,
                                  Instant hourStart, java.time.Duration hour, List<String> remediation,
                                  Instant detectedAt) {
        return new Alert(alertId(spike.rule(), tenant, spike.entity().value(), hourStart), spike.rule(),
                spike.severity(), tenant, spike.entity(), hourStart, hourStart.plus(hour), hourStart, detectedAt,
                spike.count(), spike.threshold(), null, null, List.of(), spike.summary(), remediation, detectedAt, null);
    }
}
