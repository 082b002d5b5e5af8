package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.rules.Finding;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The shape most windowed rules share: within {@code window}, at least {@code minCount} matching
 * events and at least {@code minDistinct} distinct values of one field (users, apps, locations)
 * for one entity. Each rule of that shape is one {@link Spec}; every number comes from
 * {@link RuleSettings}.
 */
public final class CountingRule implements WindowedRule {

    /**
     * What a counting rule matches, groups by and counts; defaults for its numbers. {@code term},
     * when set, reads the field whose distinct values count (a session's countries, a user's
     * sessions): the observation carries it in its app slot, and {@code distinctField} reads it there.
     */
    public record Spec(String name, String entityType, Function<ClassifiedEvent, String> entity,
                       Predicate<ClassifiedEvent> matches, Function<Observation, String> distinctField,
                       String distinctNoun, Severity severity, String summary, Function<ClassifiedEvent, String> term,
                       boolean workloadIdentities, String termName) {
    }

    private final Spec spec;
    private final long minCount;
    private final long minDistinct;
    private final RuleTiming timing;

    public CountingRule(Spec spec, RuleSettings settings) {
        this.spec = spec;
        this.minCount = settings.number(spec.name(), "threshold");
        // a rule that counts matches only has no distinct values to count
        this.minDistinct = spec.distinctField() == null ? 1 : settings.number(spec.name(), "distinct");
        this.timing = RuleTiming.of(settings, spec.name());
    }

    @Override
    public RuleTiming timing() {
        return timing;
    }

    @Override
    public List<Keyed> observe(ClassifiedEvent event) {
        if (!spec.matches().test(event)) {
            return List.of();
        }
        String entity = spec.entity().apply(event);
        if (entity == null) {
            return List.of();
        }
        Observation hit = Observations.of(event, "hit");
        return List.of(new Keyed(spec.entityType(), entity, spec.term() == null ? hit : Observations.withTerm(hit,
                spec.term().apply(event))));
    }

    @Override
    public boolean workloadIdentities() {
        return spec.workloadIdentities();
    }

    @Override
    public String evidenceTerm() {
        return spec.termName();
    }

    @Override
    public Optional<Finding> evaluate(AlertEntity entity, EntityWindow state, Observation latest) {
        List<Observation> hits = state.of("hit");
        Set<String> distinct = spec.distinctField() == null ? Set.of("") : state.distinct(hits, spec.distinctField());
        if (hits.size() < minCount || distinct.size() < minDistinct) {
            return Optional.empty();
        }
        int users = state.distinct(hits, Observation::user).size();
        int ips = state.distinct(hits, Observation::ip).size();
        String summary = spec.summary().replace("{count}", String.valueOf(hits.size()))
                .replace("{distinct}", distinct.size() + " " + spec.distinctNoun())
                .replace("{window}", humanize(timing.window())).replace("{entity}", entity.value())
                .replace("{user}", latest.user() == null ? "(unknown user)" : latest.user());
        return Optional.of(finding(spec.name(), spec.severity(), entity, summary, hits.size(),
                Math.max(minCount, minDistinct), users, ips, hits, false));
    }

    static boolean is(ClassifiedEvent event, Category category) {
        return event.classification().category() == category;
    }

    private static String humanize(Duration duration) {
        return duration.toHours() >= 1 && duration.toMinutesPart() == 0 ? duration.toHours() + " h"
                : duration.toMinutes() + " min";
    }
}
