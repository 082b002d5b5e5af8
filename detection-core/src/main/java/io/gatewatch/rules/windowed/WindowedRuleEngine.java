package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.rules.Finding;
import io.gatewatch.rules.IncidentSuppressor;
import io.gatewatch.rules.RuleEngine;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.rules.WorkloadIdentities;
import io.gatewatch.rules.detail.AlertDetails;
import io.gatewatch.rules.detail.EvidenceCollector;
import io.gatewatch.rules.exceptions.ExceptionList;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.AlertEvidence;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.state.StateView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs every windowed rule over one event: adds the event's observations to the windows they
 * belong to, evaluates
 * each rule and lets one alert through per incident ({@link IncidentSuppressor}): an escalation
 * raises one more that references the first, also when what escalates arrived before the alert
 * ({@link WindowedRule#followUp}). The windows of one entity (a user, an address, a
 * tenant) are one record ({@link EntityWindows}), written once per event however many rules it
 * fed. Plain Java: the streams stage gives it a state store, tests and offline runs a map.
 *
 * <p>Lateness is judged per entity and per rule, not by stream time: an observation counts while
 * it lies within the rule's window of the newest observation of the same entity. A replayed
 * backlog whose partitions are read at different speeds pushes stream time hours ahead, yet one
 * user's or address's events rarely straddle partitions by more than a window, so they still meet.
 */
public final class WindowedRuleEngine implements RuleEngine<EntityWindows> {

    /** Windows idle this long (plus grace) can go: longer than any rule's window. */
    public static final Duration LONGEST_WINDOW = Duration.ofHours(48);

    private final List<WindowedRule> rules;
    private final long graceMs;
    private final RuleSettings settings;
    private final ExceptionList[] exceptions;
    private final String[] stateKeys;
    /** Each current rule's state key with how long its window may idle before the purge drops it. */
    private final Map<String, Long> idleMsByKey;
    private final boolean anyForWorkloads;
    private final AlertDetails details;
    private final long updateIntervalMs;

    /** @param settings where each rule's exceptions and each alert's ATT&CK ids come from */
    public WindowedRuleEngine(List<WindowedRule> rules, Duration grace, RuleSettings settings) {
        this(rules, grace, settings, Duration.ZERO);
    }

    /**
     * @param updateInterval how often an open incident that grows is reported again as an update
     *                       ({@code alerts.update-interval}); zero: never, one alert per incident
     */
    public WindowedRuleEngine(List<WindowedRule> rules, Duration grace, RuleSettings settings, Duration updateInterval) {
        this.updateIntervalMs = updateInterval.toMillis();
        this.details = new AlertDetails(settings.catalogue());
        this.rules = rules;
        this.graceMs = grace.toMillis();
        this.settings = settings;
        this.exceptions = rules.stream().map(rule -> settings.exceptions().forRule(rule.name())).toArray(ExceptionList[]::new);
        // windows live under a rule's state key, not its name: a rule file's rule redefined under the
        // same id gets another key, so it never reads the old definition's observations as its own
        this.stateKeys = rules.stream().map(rule -> settings.catalogue().stateKey(rule.name())).toArray(String[]::new);
        Map<String, Long> idle = new HashMap<>();
        for (int r = 0; r < rules.size(); r++) {
            idle.merge(stateKeys[r], idleMs(rules.get(r)), Math::max);
        }
        this.idleMsByKey = Map.copyOf(idle);
        this.anyForWorkloads = rules.stream().anyMatch(WindowedRule::workloadIdentities);
    }

    /** Feeds one event to every rule; returns the alerts it raised. Each entity touched is written once. */
    @Override
    public List<Alert> process(String tenant, ClassifiedEvent event, StateView<EntityWindows> state, Instant detectedAt) {
        List<Alert> alerts = new ArrayList<>();
        boolean workload = WorkloadIdentities.excludedFromUserRules(event);
        if (workload && !anyForWorkloads) {
            return alerts; // no window of a user, an address or a tenant counts a workload identity's sign-in
        }
        Map<String, Optional<EntityWindows>> loaded = new HashMap<>(); // one store read per entity, absent ones too
        Map<String, EntityWindows> changed = new LinkedHashMap<>();
        LastEntityKey keys = new LastEntityKey();
        // an entity as it stands in this event: what it changed, else what the store holds
        Function<String, EntityWindows> current = k -> changed.containsKey(k) ? changed.get(k)
                : loaded.computeIfAbsent(k, key -> Optional.ofNullable(state.get(key))).orElse(null);
        for (int r = 0; r < rules.size(); r++) {
            WindowedRule rule = rules.get(r);
            if (rule.workloadIdentities() != workload) {
                continue; // user rules never see a workload identity, nor workload rules a user
            }
            List<WindowedRule.Keyed> observed = rule.observe(event);
            if (observed.isEmpty() || exceptions[r].excepts(event)) {
                continue; // an excepted event keeps no state: it never reaches the rule's windows
            }
            for (WindowedRule.Keyed keyed : observed) {
                // most rules key the event's user: one key string, hashed once, not one per rule
                String key = keys.of(tenant, keyed.entityType(), keyed.entityValue());
                EntityWindows entity = current.apply(key);
                EntityWindow stored = entity == null ? null : entity.get(stateKeys[r]);
                if (!keyed.opensWindow() && (stored == null || !rule.joins(stored, keyed.observation()))
                        || stored != null && !rule.refreshes(stored, keyed.observation())) {
                    continue;
                }
                EntityWindow window = stored == null ? new EntityWindow() : stored;
                if (window.isLate(keyed.observation().timeMs(), rule.window().toMillis())) {
                    continue;
                }
                window.add(rule.kept(keyed.observation()), rule.window().toMillis(), rule.cap(),
                        rule.latestPerUser(keyed.observation().kind()));
                AlertEntity alertEntity = new AlertEntity(keyed.entityType(), keyed.entityValue());
                rule.evaluate(alertEntity, window, keyed.observation()).ifPresent(finding -> {
                    if (raise(finding, rule, window, event, tenant, detectedAt, current, alerts) && !finding.escalation()) {
                        // what the alert awaits may have arrived before it: a backlog's partitions read at different speeds
                        rule.followUp(alertEntity, window, current.apply(key)).ifPresent(followUp ->
                                raise(followUp, rule, window, event, tenant, detectedAt, current, alerts));
                    }
                });
                if (entity == null) {
                    entity = new EntityWindows();
                } else if (!changed.containsKey(key)) {
                    // a window gone idle, or of a rule removed or redefined since, would otherwise ride along in every write
                    entity.forgetStale(idleMsByKey, keyed.observation().timeMs());
                }
                entity.put(stateKeys[r], window);
                changed.put(key, entity);
            }
        }
        changed.forEach(state::put);
        return alerts;
    }

    /** Admits the finding to the window's incident; true when that raised an alert, added to {@code alerts}. */
    private boolean raise(Finding finding, WindowedRule rule, EntityWindow window, ClassifiedEvent event, String tenant,
                          Instant detectedAt, Function<String, EntityWindows> current, List<Alert> alerts) {
        IncidentSuppressor.Decision decision = IncidentSuppressor.admit(window.incident(), finding, tenant,
                event.classification().remediation(), detectedAt, settings.attack(finding.rule()),
                event.event().createdDateTime(), updateIntervalMs);
        window.incident(decision.incident());
        if (decision.raised()) {
            alerts.add(complete(decision.alert(), rule, finding.observed(), window, event, tenant, current));
        }
        return decision.raised();
    }

    /** The alert with its evidence (targets who signed in afterwards, where its rule asks), triage, response and pivots. */
    private Alert complete(Alert alert, WindowedRule rule, List<Observation> observed, EntityWindow window,
                           ClassifiedEvent event, String tenant, Function<String, EntityWindows> current) {
        AlertEvidence evidence = EvidenceCollector.of(observed, event, rule.evidenceTerm());
        if (details.asksSignedInAfterwards(alert.rule())) {
            evidence = evidence.withSignedInAfterwards(LaterSuccesses.of(observed, window,
                    user -> current.apply(key(tenant, "user", user))));
        }
        return details.complete(alert, evidence, event.classification().remediation());
    }

    /** The store key of one entity's windows. */
    static String key(String tenant, String entityType, String entityValue) {
        return tenant + "|" + entityType + "|" + entityValue;
    }

    /**
     * 48 h, or the rule's window when it looks back further (a new-terms rule's two weeks), plus
     * grace: per rule, so that two weeks of one rule do not keep every other rule's windows of an
     * entity (an address's, a user's failures) for two weeks.
     */
    private long idleMs(WindowedRule rule) {
        return Math.max(LONGEST_WINDOW.toMillis(), rule.window().toMillis()) + graceMs;
    }

    /**
     * Every window of the entity idle past every rule's reach, with no incident still suppressing,
     * or of no current rule (removed, switched off, redefined): an entity never touched again
     * leaves at the next purge.
     */
    @Override
    public boolean expired(EntityWindows windows, long nowMs) {
        return windows.staleAt(idleMsByKey, nowMs);
    }
}
