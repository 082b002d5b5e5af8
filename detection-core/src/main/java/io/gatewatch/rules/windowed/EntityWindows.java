package io.gatewatch.rules.windowed;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every windowed rule's window for one entity (a user, an address, a tenant), kept as one state
 * record: an event that feeds several rules about the same entity — a wrong password feeds brute
 * force and distributed cracking of its user — costs one state write, not one per rule. Each
 * window is kept under its rule's state key ({@code RuleDefinition.stateKey}), not its name.
 */
public final class EntityWindows {

    private final Map<String, EntityWindow> byRule;

    public EntityWindows() {
        this(new TreeMap<>());
    }

    private EntityWindows(Map<String, EntityWindow> byRule) {
        this.byRule = byRule;
    }

    /** The windows as they were stored, by rule state key. */
    public static EntityWindows restore(Map<String, EntityWindow> byRule) {
        return new EntityWindows(new TreeMap<>(byRule));
    }

    /** The window under a rule's state key, or null when the rule holds none for the entity. */
    public EntityWindow get(String stateKey) {
        return byRule.get(stateKey);
    }

    void put(String stateKey, EntityWindow window) {
        byRule.put(stateKey, window);
    }

    public Map<String, EntityWindow> byRule() {
        return Collections.unmodifiableMap(byRule);
    }

    /**
     * Drops each window that is not under one of {@code current} (a rule removed, switched off or
     * redefined since it was written) or is idle past {@code idleMs} at {@code nowMs}; true when
     * none is left.
     */
    boolean forgetStale(Map<String, Long> idleMsByKey, long nowMs) {
        byRule.entrySet().removeIf(window -> !idleMsByKey.containsKey(window.getKey())
                || window.getValue().idleAt(nowMs, idleMsByKey.get(window.getKey())));
        return byRule.isEmpty();
    }

    /**
     * True when every window is either of no current key (none in {@code idleMsByKey}) or idle past
     * its rule's idle time at {@code nowMs}.
     */
    boolean staleAt(Map<String, Long> idleMsByKey, long nowMs) {
        for (Map.Entry<String, EntityWindow> window : byRule.entrySet()) {
            Long idleMs = idleMsByKey.get(window.getKey());
            if (idleMs != null && !window.getValue().idleAt(nowMs, idleMs)) {
                return false;
            }
        }
        return true;
    }

    /** True when every window is idle past {@code idleMs} at {@code nowMs}. */
    boolean idleAt(long nowMs, long idleMs) {
        return byRule.values().stream().allMatch(window -> window.idleAt(nowMs, idleMs));
    }
}
