package io.gatewatch.rules.windowed;

/**
 * The store key of the entity last keyed in one event, made again only for another entity: most
 * rules key the event's user, and a key made once is hashed once (a {@code String} keeps its hash),
 * not once per rule and map it passes through.
 */
final class LastEntityKey {

    private String type;
    private String value;
    private String key;

    String of(String tenant, String entityType, String entityValue) {
        if (!entityType.equals(type) || !entityValue.equals(value)) {
            type = entityType;
            value = entityValue;
            key = WindowedRuleEngine.key(tenant, entityType, entityValue);
        }
        return key;
    }
}
