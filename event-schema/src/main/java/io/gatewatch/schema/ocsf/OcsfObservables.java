package io.gatewatch.schema.ocsf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gatewatch.schema.AlertEntity;

/**
 * An alert's entity as OCSF observables, the values a SIEM pivots on: a user is a User Name
 * (type 4), an address an IP Address (2), a Dynamics org host a Hostname (1). A tenant is not an
 * observable: it is {@code metadata.tenant_uid}.
 */
final class OcsfObservables {

    private OcsfObservables() {
    }

    static ArrayNode of(AlertEntity entity) {
        ArrayNode observables = JsonNodeFactory.instance.arrayNode();
        String[] values = entity.value() == null ? new String[0] : entity.value().split("\\|", 2);
        switch (entity.type()) {
            case "user" -> add(observables, "entity.user", 4, "User Name", values[0]);
            case "ip" -> add(observables, "entity.ip", 2, "IP Address", values[0]);
            case "user+ip" -> {
                add(observables, "entity.user", 4, "User Name", values[0]);
                add(observables, "entity.ip", 2, "IP Address", values.length > 1 ? values[1] : null);
            }
            case "user+org" -> {
                add(observables, "entity.user", 4, "User Name", values[0]);
                add(observables, "entity.org", 1, "Hostname", values.length > 1 ? values[1] : null);
            }
            default -> {
                // a tenant is metadata.tenant_uid
            }
        }
        return observables;
    }

    private static void add(ArrayNode observables, String name, int typeId, String type, String value) {
        if (value != null && !value.isEmpty()) {
            observables.addObject().put("name", name).put("type_id", typeId).put("type", type).put("value", value);
        }
    }
}
