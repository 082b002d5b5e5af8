package io.gatewatch.rules.windowed;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every windowed rule's window for one entity (a user, an address, a tenant), kept as one state
 * record: an event that feeds several rules about the same entity — a wrong password feeds brute
 * force and distributed cracking of its user — costs one state write, not one per rule.
 */
public final class EntityWindows {

    private final Map<String, EntityWindow> byRule;

    public EntityWindows() {
        this(new TreeMap<>());
    }

    private EntityWindows(Map<String, EntityWindow> byRule) {
        this.byRule = byRule;
    }

    /** The windows as they were stored, by rule name. */
    public static EntityWindows restore(Map<String, EntityWindow> byRule) {
        return new EntityWindows(new TreeMap<>(byRule));
    }

    /** This rule's window, or null when the rule holds none for the entity. */
    public EntityWindow get(String rule) {
        return byRule.get(rule);
    }

    void put(String rule, EntityWindow window) {
        byRule.put(rule, window);
    }

    public Map<String, EntityWindow> byRule() {
        return Collections.unmodifiableMap(byRule);
    }

    /** Drops each window idle past {@code idleMs} at {@code nowMs}; true when none is left. */
    boolean forgetIdle(long nowMs, long idleMs) {
        byRule.values().removeIf(window -> window.idleAt(nowMs, idleMs));
        return byRule.isEmpty();
    }

    /** True when every window is idle past {@code idleMs} at {@code nowMs}. */
    boolean idleAt(long nowMs, long idleMs) {
        return byRule.values().stream().allMatch(window -> window.idleAt(nowMs, idleMs));
    }
}
