package io.gatewatch.rules.windowed;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.state.StateView;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.GeoLocation;
import io.gatewatch.schema.SignInEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Feeds sign-ins through the windowed rule engine the way the topology does, minus Kafka. */
final class RuleRun {

    static final Instant T0 = Instant.parse("2025-11-14T10:00:00Z");
    private static final EventClassifier CLASSIFIER = EventClassifier.offline(ClassificationData.defaults(), Map.of());

    private final WindowedRuleEngine engine;
    private final Map<String, EntityWindows> store = new HashMap<>();
    private final List<Alert> alerts = new ArrayList<>();
    private int sequence;

    RuleRun(Duration grace) {
        this(grace, RuleSettings.DEFAULTS);
    }

    /** With other settings: a catalogue with a rule file's rules, overrides. */
    RuleRun(Duration grace, RuleSettings settings) {
        this(grace, settings, Duration.ZERO);
    }

    /** With updates of open incidents at most every {@code updateInterval} ({@code alerts.update-interval}). */
    RuleRun(Duration grace, RuleSettings settings, Duration updateInterval) {
        engine = new WindowedRuleEngine(WindowedRules.all(settings), grace, settings, updateInterval);
    }

    RuleRun() {
        this(Duration.ofMinutes(2));
    }

    /** One sign-in attempt of a test scenario. */
    record Attempt(String user, String ip, int code, Instant time, String details, String app, GeoLocation where) {
    }

    RuleRun feed(List<Attempt> attempts) {
        attempts.forEach(a -> signIn(a.user(), a.ip(), a.code(), a.time(), a.details(), a.app(), a.where()));
        return this;
    }

    RuleRun signIn(String user, String ip, int code, Instant time) {
        return signIn(user, ip, code, time, null, "App", null);
    }

    RuleRun signIn(String user, String ip, int code, Instant time, String details, String app, GeoLocation where) {
        return signIn(user, ip, code, time, details, app, where, true);
    }

    RuleRun signIn(String user, String ip, int code, Instant time, String details, String app, GeoLocation where,
                   boolean interactive) {
        sequence++;
        SignInEvent event = new SignInEvent("e" + sequence, time, "t1", "graph", "SignInLogs", user, null, null, null,
                null, app, null, null, ip, null, "corr" + sequence, interactive, code, null, details, null, null, null, null,
                null, List.of(), where, null, null, List.of(), List.of(), null, null);
        ClassifiedEvent classified = new ClassifiedEvent(event, CLASSIFIER.classify(event));
        alerts.addAll(engine.process("t1", classified, StateView.of(store), time));
        return this;
    }

    /** One entity's window of one rule, as stored; null when the rule keeps none for it. */
    EntityWindow window(String entityType, String entityValue, String rule) {
        EntityWindows windows = store.get(WindowedRuleEngine.key("t1", entityType, entityValue));
        return windows == null ? null : windows.get(rule);
    }

    List<Alert> alerts() {
        return alerts;
    }

    List<String> rules() {
        return alerts.stream().map(Alert::rule).toList();
    }
}
