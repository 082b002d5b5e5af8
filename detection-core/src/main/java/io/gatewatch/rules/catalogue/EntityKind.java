package io.gatewatch.rules.catalogue;

import io.gatewatch.schema.ClassifiedEvent;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a rule groups by and names in its alerts: the rule file's word, the alert entity's type
 * (as the shipped rules always spelt it: an address is {@code ip}) and how to read it. Pairs join
 * their parts with {@code |}; an event without one of the parts belongs to no entity.
 */
public enum EntityKind {
    USER("user", "user", e -> EventField.USER.read(e)),
    ADDRESS("address", "ip", e -> e.event().ipAddress()),
    TENANT("tenant", "tenant", e -> e.event().tenantId()),
    APP("app", "app", e -> EventField.APP.read(e)),
    USER_ADDRESS("user+address", "user+ip", e -> pair(EventField.USER.read(e), e.event().ipAddress())),
    USER_APP("user+app", "user+app", e -> pair(EventField.USER.read(e), EventField.APP.read(e))),
    USER_ORG("user+org", "user+org", e -> pair(EventField.USER.read(e), EventField.ORG_HOST.read(e))),
    /** An Entra sign-in session (sessionId): what a stolen session cookie or token replays. */
    SESSION("session", "session", e -> EventField.SESSION_ID.read(e)),
    /** A workload identity: the only entity whose rules see service principal and managed identity sign-ins. */
    SERVICE_PRINCIPAL("servicePrincipal", "servicePrincipal", e -> EventField.SERVICE_PRINCIPAL_ID.read(e) != null
            ? EventField.SERVICE_PRINCIPAL_ID.read(e) : EventField.SERVICE_PRINCIPAL_NAME.read(e));

    private final String yamlName;
    private final String alertType;
    private final Function<ClassifiedEvent, String> read;

    EntityKind(String yamlName, String alertType, Function<ClassifiedEvent, String> read) {
        this.yamlName = yamlName;
        this.alertType = alertType;
        this.read = read;
    }

    public String yamlName() {
        return yamlName;
    }

    /** The entity type alerts carry. */
    public String alertType() {
        return alertType;
    }

    /**
     * True for the workload-identity entity: its rules see only service principal and managed
     * identity sign-ins, every other rule only users' ({@link io.gatewatch.rules.WorkloadIdentities}).
     */
    public boolean workloadIdentities() {
        return this == SERVICE_PRINCIPAL;
    }

    /** The entity's value in the event, or null when the event lacks a part of it. */
    public String read(ClassifiedEvent event) {
        return read.apply(event);
    }

    static EntityKind named(String name) {
        for (EntityKind kind : values()) {
            if (kind.yamlName.equals(name)) {
                return kind;
            }
        }
        return null;
    }

    static String allowed() {
        return Arrays.stream(values()).map(EntityKind::yamlName).collect(Collectors.joining(", "));
    }

    private static String pair(String first, String second) {
        return first == null || second == null ? null : first + "|" + second;
    }
}
