package io.gatewatch.schema.ocsf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.read.JsonMappers;
import java.time.Instant;

/**
 * An alert as an OCSF 1.1 Detection Finding (class 2004, category Findings), the form Amazon
 * Security Lake, Splunk and Sentinel ingest without a mapping step. Every attribute the class
 * requires is set (activity, category, class, type, severity, time, metadata with product and
 * schema version, finding_info with uid); the rule's MITRE ATT&CK ids are {@code finding_info.attacks}
 * ({@link OcsfAttacks}); the alert's own fields that OCSF has no place for stay under
 * {@code unmapped.gatewatch}, so nothing is lost.
 *
 * <p>The ids go in {@code finding_info.attacks} only. In OCSF 1.1 a Detection Finding has a
 * top-level {@code attacks} only through the {@code security_control} profile, which is for a
 * product that intervened (its {@code action_id} is required) and whose attacks the class says to
 * duplicate into {@code finding_info}; Gatewatch detects and does not intervene, so it applies no
 * such profile.
 */
public final class OcsfDetectionFinding {

    public static final String SCHEMA_VERSION = "1.1.0";
    static final int CLASS_UID = 2004;
    static final int CATEGORY_UID = 2;
    static final int ACTIVITY_CREATE = 1;
    /** An update of an open incident ({@code Alert.update}): the same finding uid, the counts and evidence so far. */
    static final int ACTIVITY_UPDATE = 2;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper JSON_MAPPER = JsonMappers.internal();

    private OcsfDetectionFinding() {
    }

    public static ObjectNode of(Alert alert) {
        ObjectNode finding = JSON.objectNode();
        int activity = alert.update() ? ACTIVITY_UPDATE : ACTIVITY_CREATE;
        String activityName = alert.update() ? "Update" : "Create";
        finding.put("activity_id", activity).put("activity_name", activityName);
        finding.put("category_uid", CATEGORY_UID).put("category_name", "Findings");
        finding.put("class_uid", CLASS_UID).put("class_name", "Detection Finding");
        finding.put("type_uid", CLASS_UID * 100L + activity).put("type_name", "Detection Finding: " + activityName);
        finding.put("severity_id", severityId(alert.severity())).put("severity", caption(alert.severity()));
        finding.put("status_id", 1).put("status", "New"); // the analyst's workflow status is not Gatewatch's to set
        finding.put("is_alert", true);
        finding.put("time", millis(alert.detectedAt() != null ? alert.detectedAt() : alert.lastSeen()));
        finding.put("start_time", millis(alert.firstSeen()));
        finding.put("end_time", millis(alert.lastSeen()));
        finding.put("message", alert.summary());
        finding.set("metadata", metadata(alert));
        finding.set("finding_info", findingInfo(alert));
        if (!alert.remediation().isEmpty()) {
            finding.set("remediation", JSON.objectNode().put("desc", String.join(" ", alert.remediation())));
        }
        ArrayNode observables = OcsfObservables.of(alert.entity());
        if (!observables.isEmpty()) {
            finding.set("observables", observables);
        }
        finding.set("unmapped", JSON.objectNode().set("gatewatch", unmapped(alert)));
        return finding;
    }

    private static ObjectNode metadata(Alert alert) {
        ObjectNode metadata = JSON.objectNode();
        metadata.put("version", SCHEMA_VERSION);
        String version = OcsfDetectionFinding.class.getPackage().getImplementationVersion();
        metadata.set("product", JSON.objectNode().put("name", "Gatewatch").put("vendor_name", "Gatewatch")
                .put("version", version == null ? "dev" : version));
        metadata.put("uid", alert.alertId());
        if (alert.tenantId() != null) {
            metadata.put("tenant_uid", alert.tenantId());
        }
        if (alert.relatedAlertId() != null) {
            metadata.put("correlation_uid", alert.relatedAlertId());
        }
        return metadata;
    }

    private static ObjectNode findingInfo(Alert alert) {
        ObjectNode info = JSON.objectNode();
        info.put("uid", alert.alertId());
        info.put("title", alert.rule());
        info.put("desc", alert.summary());
        info.putArray("types").add(alert.rule());
        info.put("first_seen_time", millis(alert.firstSeen()));
        info.put("last_seen_time", millis(alert.lastSeen()));
        info.set("analytic", JSON.objectNode().put("name", alert.rule()).put("uid", alert.rule())
                .put("type_id", 1).put("type", "Rule"));
        if (!alert.correlationIds().isEmpty()) {
            ArrayNode related = info.putArray("related_events");
            alert.correlationIds().forEach(id -> related.addObject().put("uid", id));
        }
        ArrayNode attacks = OcsfAttacks.of(alert.attack());
        if (!attacks.isEmpty()) {
            info.set("attacks", attacks);
        }
        return info;
    }

    private static ObjectNode unmapped(Alert alert) {
        ObjectNode own = JSON.objectNode();
        own.put("rule", alert.rule());
        own.set("entity", JSON.objectNode().put("type", alert.entity().type()).put("value", alert.entity().value()));
        own.put("windowStart", String.valueOf(alert.windowStart())).put("windowEnd", String.valueOf(alert.windowEnd()));
        own.put("count", alert.count()).put("threshold", alert.threshold());
        if (alert.distinctUsers() != null) {
            own.put("distinctUsers", alert.distinctUsers());
        }
        if (alert.distinctIps() != null) {
            own.put("distinctIps", alert.distinctIps());
        }
        if (alert.relatedAlertId() != null) {
            own.put("relatedAlertId", alert.relatedAlertId());
        }
        own.put("update", alert.update());
        // what OCSF has no place for: the answered triage, the bounded evidence and the pivots, as in Gatewatch's JSON
        own.set("triage", JSON_MAPPER.valueToTree(alert.triage()));
        own.set("evidence", JSON_MAPPER.valueToTree(alert.evidence()));
        own.set("pivots", JSON_MAPPER.valueToTree(alert.pivots()));
        return own;
    }

    /** OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
    static int severityId(Severity severity) {
        return switch (severity) {
            case INFO -> 1;
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
    }

    private static String caption(Severity severity) {
        return switch (severity) {
            case INFO -> "Informational";
            case LOW -> "Low";
            case MEDIUM -> "Medium";
            case HIGH -> "High";
            case CRITICAL -> "Critical";
        };
    }

    private static long millis(Instant time) {
        return time == null ? 0 : time.toEpochMilli();
    }
}
