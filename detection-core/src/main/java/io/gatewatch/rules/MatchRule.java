package io.gatewatch.rules;

import io.gatewatch.rules.catalogue.EntityKind;
import io.gatewatch.rules.catalogue.EventField;
import io.gatewatch.rules.catalogue.RuleDefinition;
import io.gatewatch.rules.catalogue.RuleLogic;
import io.gatewatch.rules.exceptions.ExceptionList;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.Severity;
import io.gatewatch.schema.SignInEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A catalogue rule of shape {@code match}: the first case whose condition holds fires, naming the
 * entity and saying its case's sentence. Its incident runs from the event for the rule's
 * suppression period, so a user locked out twice in an hour is one alert.
 */
final class MatchRule implements EventRule {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final String UNKNOWN_USER = "(unknown user)";

    private final String id;
    /** Each case's severity: its own or the rule's, under the rule's severity key when that is set. */
    private final List<Severity> severities;
    private final RuleLogic.Match logic;
    /** Each case's condition, bound to the settings' watchlists: a list changed later is seen at the next event. */
    private final List<Predicate<ClassifiedEvent>> conditions;
    private final Duration suppression;
    private final ExceptionList exceptions;

    MatchRule(RuleDefinition definition, RuleSettings settings) {
        this.id = definition.id();
        this.logic = (RuleLogic.Match) definition.logic();
        this.severities = logic.cases().stream().map(branch -> settings.regraded(id).orElse(
                branch.severity() != null ? branch.severity() : settings.severity(id, definition.severity()))).toList();
        this.conditions = logic.cases().stream().map(branch -> branch.where().bind(settings.watchlists())).toList();
        this.suppression = settings.suppression(id);
        this.exceptions = settings.exceptions().forRule(id);
    }

    @Override
    public boolean workloadIdentities() {
        return logic.entity().workloadIdentities();
    }

    @Override
    public Optional<Finding> evaluate(ClassifiedEvent event) {
        for (int i = 0; i < conditions.size(); i++) {
            if (conditions.get(i).test(event)) {
                // checked only for a match: most events match no rule, and a match rule keeps no state before this
                return exceptions.excepts(event) ? Optional.empty()
                        : Optional.of(finding(event, logic.cases().get(i).summary(), severities.get(i)));
            }
        }
        return Optional.empty();
    }

    private Finding finding(ClassifiedEvent classified, String summary, Severity severity) {
        InputEvent event = classified.event();
        Instant time = event.createdDateTime();
        String correlationId = event instanceof SignInEvent s && s.correlationId() != null ? s.correlationId() : event.id();
        return new Finding(id, severity, new AlertEntity(logic.entity().alertType(), entity(classified)),
                say(summary, classified), time, time, time.plus(suppression), time, time, 1, 1, 1,
                event.ipAddress() == null ? 0 : 1, List.of(correlationId), suppression, false);
    }

    /** The entity, with an unknown user named as such: a per-event alert still says what happened. */
    private String entity(ClassifiedEvent event) {
        String value = logic.entity().read(event);
        if (value != null) {
            return value;
        }
        return logic.entity() == EntityKind.USER ? UNKNOWN_USER
                : logic.entity() == EntityKind.USER_ORG ? user(event) + "|" + EventField.ORG_HOST.read(event)
                : "(unknown)";
    }

    static String say(String template, ClassifiedEvent event) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String value = name.equals("user") ? user(event) : field(name, event);
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(text);
        return text.toString();
    }

    private static String user(ClassifiedEvent event) {
        String user = EventField.USER.read(event);
        return user == null ? UNKNOWN_USER : user;
    }

    private static String field(String name, ClassifiedEvent event) {
        for (EventField field : EventField.values()) {
            if (field.yamlName().equals(name)) {
                String value = field.read(event);
                return value == null ? "(unknown)" : value;
            }
        }
        return "{" + name + "}";
    }
}
