package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.rules.Finding;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.rules.catalogue.RuleLogic;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A catalogue rule of shape {@code new-terms}: Elastic's "new terms" rule type, evaluated as each
 * event arrives. An entity's window keeps one observation per value of the term, the latest,
 * for the look-back ({@code window}); an event whose value is not among them alerts — once the
 * entity has been seen for {@code history}, so that the first weeks of every user are learning,
 * not alerts. The term's value rides in the observation's app slot: the window only compares it.
 */
final class NewTermsRule implements WindowedRule {

    private static final String KIND = "term";

    private final String id;
    private final RuleLogic.NewTerms logic;
    private final Predicate<ClassifiedEvent> where;
    private final Severity severity;
    private final RuleTiming timing;
    private final long historyMs;

    NewTermsRule(String id, RuleLogic.NewTerms logic, Severity severity, RuleSettings settings) {
        this.id = id;
        this.logic = logic;
        this.where = logic.where().bind(settings.watchlists());
        this.severity = severity;
        this.timing = RuleTiming.of(settings, id);
        this.historyMs = settings.period(id, "history").toMillis();
        if (historyMs > timing.window().toMillis()) {
            throw new IllegalArgumentException("rule." + id + ".history must not exceed rule." + id + ".window, "
                    + "the look-back the entity's values are kept for");
        }
    }

    @Override
    public RuleTiming timing() {
        return timing;
    }

    /**
     * At most this many values per entity (and the first-seen anchor): a user shows a handful of
     * autonomous systems, clients or protocols in two weeks; beyond the cap the oldest value is
     * forgotten and would alert again if it came back.
     */
    @Override
    public int cap() {
        return 64;
    }

    @Override
    public boolean workloadIdentities() {
        return logic.entity().workloadIdentities();
    }

    @Override
    public String evidenceTerm() {
        return logic.term().yamlName();
    }

    @Override
    public List<Keyed> observe(ClassifiedEvent event) {
        if (!where.test(event)) {
            return List.of();
        }
        String entity = logic.entity().read(event);
        String term = logic.term().read(event);
        if (entity == null || term == null) {
            return List.of();
        }
        Observation seen = Observations.of(event, KIND);
        return List.of(new Keyed(logic.entity().alertType(), entity, new Observation(seen.timeMs(), KIND, seen.user(),
                seen.ip(), term, seen.location(), seen.correlationId())));
    }

    @Override
    public Optional<Finding> evaluate(AlertEntity entity, EntityWindow window, Observation latest) {
        boolean seen = window.of(KIND).stream().anyMatch(o -> o != latest && latest.app().equals(o.app()));
        window.dropEarlier(latest, Observation::app); // one observation per value: two weeks of a user stay small
        boolean known = firstSeen(window, latest) <= latest.timeMs() - historyMs;
        if (seen || !known) {
            return Optional.empty();
        }
        String summary = logic.summary().replace("{term}", latest.app()).replace("{entity}", entity.value())
                .replace("{user}", latest.user() == null ? "(unknown user)" : latest.user())
                .replace("{window}", humanize(timing.window()));
        return Optional.of(finding(id, severity, entity, summary, 1, 1, 1, latest.ip() == null ? 0 : 1,
                List.of(latest), false));
    }

    private long firstSeen(EntityWindow window, Observation latest) {
        return FirstSeen.update(window, latest.timeMs(), timing.window().toMillis(), cap());
    }

    private static String humanize(Duration duration) {
        return duration.toDays() >= 1 && duration.toHoursPart() == 0 ? duration.toDays() + " days"
                : duration.toHours() + " h";
    }
}
