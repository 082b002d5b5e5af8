package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.rules.catalogue.EventField;
import io.gatewatch.rules.catalogue.RuleDefinition;
import io.gatewatch.rules.catalogue.RuleLogic;
import io.gatewatch.schema.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every enabled windowed rule, in catalogue order: the {@code count} and
 * {@code burst-then-success} rules built from their catalogue entries, and the rules whose logic
 * is Java (spray with its NAT guard, impossible travel, probe-then-success). Their numbers come
 * from the rule settings by id; their conditions ask the settings' watchlists at each event.
 */
public final class WindowedRules {

    /** Credential failures a spray or cracking attempt produces (Sentinel SigninPasswordSpray). */
    static final Set<Integer> SPRAY_CODES = Set.of(50126, 50053, 50055);

    /** The windowed rules written in Java, by catalogue id. */
    private static final Map<String, Function<RuleSettings, WindowedRule>> JAVA = Map.of(
            PasswordSprayRule.NAME, PasswordSprayRule::new,
            ImpossibleTravelRule.NAME, ImpossibleTravelRule::new,
            DisabledProbeThenSuccessRule.NAME, DisabledProbeThenSuccessRule::new,
            SuccessThenFailureRule.NAME, SuccessThenFailureRule::new,
            NewCountryRule.NAME, NewCountryRule::new,
            SessionReplayRule.NAME, SessionReplayRule::new);

    private static final Map<String, Function<Observation, String>> DISTINCT = Map.of(
            "user", Observation::user, "address", Observation::ip, "app", Observation::app,
            "location", Observation::location);

    private WindowedRules() {
    }

    public static List<WindowedRule> all(RuleSettings settings) {
        List<WindowedRule> rules = new ArrayList<>();
        for (RuleDefinition definition : settings.catalogue().all()) {
            if (!settings.enabled(definition.id())) {
                continue;
            }
            String id = definition.id();
            Severity severity = settings.severity(id, definition.severity());
            RuleLogic logic = definition.logic();
            if (logic instanceof RuleLogic.Count count) {
                for (RuleLogic.Group group : count.groups()) {
                    EventField term = group.distinctField() == null || DISTINCT.containsKey(group.distinctField()) ? null
                            : EventField.named(group.distinctField());
                    rules.add(new CountingRule(new CountingRule.Spec(id, group.entity().alertType(),
                            e -> group.entity().read(e), count.where().bind(settings.watchlists()),
                            term != null ? Observation::app : distinct(group.distinctField()), group.distinctNoun(), severity,
                            group.summary(), term == null ? null : term::read, group.entity().workloadIdentities(),
                            term == null ? null : term.yamlName()), settings));
                }
            } else if (logic instanceof RuleLogic.NewTerms newTerms) {
                rules.add(new NewTermsRule(id, newTerms, severity, settings));
            } else if (logic instanceof RuleLogic.Burst burst) {
                rules.add(burst(definition, burst, severity, settings));
            } else if (logic instanceof RuleLogic.Java && JAVA.containsKey(id)) {
                rules.add(JAVA.get(id).apply(settings));
            }
        }
        return List.copyOf(rules);
    }

    private static WindowedRule burst(RuleDefinition definition, RuleLogic.Burst burst, Severity severity,
                                      RuleSettings settings) {
        // a switched-off escalation leaves the burst rule without a follow-up, not without its own alerts
        RuleDefinition escalation = burst.escalation() == null || !settings.enabled(burst.escalation()) ? null
                : settings.catalogue().get(burst.escalation()).orElseThrow();
        return new BurstThenSuccessRule(new BurstThenSuccessRule.Spec(definition.id(),
                escalation == null ? null : escalation.id(), burst.burst().bind(settings.watchlists()), burst.moreThan(), severity,
                escalation == null ? Severity.CRITICAL : settings.severity(escalation.id(), escalation.severity()),
                burst.summary(), escalation == null ? null : ((RuleLogic.Escalation) escalation.logic()).summary()),
                settings);
    }

    /** The Java rules' ids: the catalogue must describe each. */
    public static Set<String> javaRules() {
        return JAVA.keySet();
    }

    private static Function<Observation, String> distinct(String field) {
        return field == null ? null : DISTINCT.get(field);
    }
}
