package io.gatewatch.detect;

import io.gatewatch.rules.EventRuleEngine;
import io.gatewatch.rules.PerEventRules;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.rules.baseline.BaselineRules;
import io.gatewatch.rules.baseline.TenantBaseline;
import io.gatewatch.rules.exceptions.ExceptionList;
import io.gatewatch.rules.windowed.AddressFailures;
import io.gatewatch.rules.windowed.CrossTenantSprayRule;
import io.gatewatch.rules.windowed.EntityWindows;
import io.gatewatch.rules.windowed.WindowedRuleEngine;
import io.gatewatch.rules.windowed.WindowedRules;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.state.StateView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule family over one classified event, in the order the topology runs them: per-event
 * rules, windowed rules, tenant baselines. The streams app runs each family in its own processor
 * with its own store; this is the same core driven directly, for offline runs and tests.
 */
public final class DetectionEngine {

    /** The rule families' state; {@code addresses}: the opt-in cross-tenant view's windows, by address. */
    public record State(StateView<Long> incidents, StateView<EntityWindows> windows,
                        StateView<TenantBaseline> baselines, StateView<EntityWindows> addresses) {

        public State(StateView<Long> incidents, StateView<EntityWindows> windows, StateView<TenantBaseline> baselines) {
            this(incidents, windows, baselines, StateView.of(new HashMap<>()));
        }

        public static State inMemory() {
            return new Memory().state();
        }
    }

    /** The three families' state in maps, which {@link #purge} keeps to what can still matter. */
    public static final class Memory {
        private final Map<String, Long> incidents = new HashMap<>();
        private final Map<String, EntityWindows> windows = new HashMap<>();
        private final Map<String, TenantBaseline> baselines = new HashMap<>();
        private final Map<String, EntityWindows> addresses = new HashMap<>();

        public State state() {
            return new State(StateView.of(incidents), StateView.of(windows), StateView.of(baselines),
                    StateView.of(addresses));
        }

        Map<String, EntityWindows> windows() {
            return windows;
        }

        Map<String, TenantBaseline> baselines() {
            return baselines;
        }
    }

    private final EventRuleEngine perEvent;
    private final WindowedRuleEngine windowed;
    private final BaselineRules baselines;
    private final CrossTenantSprayRule crossTenant;
    private final ExceptionList crossTenantExceptions;

    public DetectionEngine(RuleSettings settings, Duration grace) {
        this(settings, grace, Duration.ZERO);
    }

    /** @param updateInterval how often a growing incident is reported again ({@code alerts.update-interval}) */
    public DetectionEngine(RuleSettings settings, Duration grace, Duration updateInterval) {
        perEvent = new EventRuleEngine(PerEventRules.all(settings), settings);
        windowed = new WindowedRuleEngine(WindowedRules.all(settings), grace, settings, updateInterval);
        baselines = new BaselineRules(settings);
        crossTenant = new CrossTenantSprayRule(settings);
        crossTenantExceptions = settings.exceptions().forRule(CrossTenantSprayRule.NAME);
    }

    /** Forgets what the streaming purge would: ended incidents, windows idle past every rule's reach. */
    public void purge(Memory memory, long streamTimeMs) {
        memory.incidents.values().removeIf(until -> perEvent.expired(until, streamTimeMs));
        memory.windows.values().removeIf(window -> windowed.expired(window, streamTimeMs));
        memory.addresses.values().removeIf(window -> crossTenant.expired(window, streamTimeMs));
    }

    public List<Alert> process(String tenant, ClassifiedEvent event, State state, Instant detectedAt) {
        List<Alert> alerts = new ArrayList<>(perEvent.process(tenant, event, state.incidents(), detectedAt));
        alerts.addAll(windowed.process(tenant, event, state.windows(), detectedAt));
        if (crossTenant.enabled() && !crossTenantExceptions.excepts(event)) { // after the windowed rules: the tenant's spray window includes this event
            AddressFailures.of(tenant, event, state.windows())
                    .ifPresent(failure -> alerts.addAll(crossTenant.process(failure, state.addresses(), detectedAt)));
        }
        alerts.addAll(baselines.process(tenant, event, state.baselines(), detectedAt));
        return alerts;
    }
}
