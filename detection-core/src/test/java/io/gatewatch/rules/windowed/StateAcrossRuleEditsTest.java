package io.gatewatch.rules.windowed;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.EventClassifier;
import io.gatewatch.detect.DetectionEngine;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.rules.catalogue.RuleCatalogue;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.SignInEvent;
import io.gatewatch.state.StateView;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One store, two catalogues: what catalogue A's rules left behind as B's rules meet it. A rule
 * file's rule redefined under its id starts afresh; re-tuned, it keeps its windows; removed, its
 * windows leave the entity's record at the next write and a record of only its windows at the
 * next purge; Gatewatch's own rules keep their names as keys, as before rules had state keys.
 */
class StateAcrossRuleEditsTest {

    private static final Instant T0 = Instant.parse("2025-11-14T10:00:00Z");
    private static final EventClassifier CLASSIFIER = EventClassifier.offline(ClassificationData.defaults(), Map.of());
    private static final String USER = "ann@x.com";

    /** Catalogue A, as it ran before the restart. */
    static final String A = """
            rules:
              - {id: KEPT, title: k, severity: LOW, operational: true, shape: count, entity: user,
                 where: {errorCode: 50126}, summary: "{count}", params: {threshold: 5, window: PT1H, suppress: PT1H}}
              - {id: REDEFINED, title: r, severity: LOW, operational: true, shape: count, entity: user,
                 where: {errorCode: 50126}, summary: "{count}", params: {threshold: 3, window: PT1H, suppress: PT1H}}
              - {id: REMOVED, title: x, severity: LOW, operational: true, shape: count, entity: user,
                 where: {errorCode: 50126}, summary: "{count}", params: {threshold: 2, window: PT1H, suppress: PT1H}}
              - {id: MATCHED, title: m, severity: LOW, operational: true, shape: match, entity: user,
                 where: {errorCode: 50126}, summary: "{user}", params: {suppress: PT1H}}
              - {id: MATCH_KEPT, title: m, severity: LOW, operational: true, shape: match, entity: user,
                 where: {errorCode: 50126}, summary: "{user}", params: {suppress: PT1H}}
            """;

    /** Catalogue B: KEPT re-tuned and re-worded, REDEFINED and MATCHED redefined, REMOVED gone, MATCH_KEPT re-graded. */
    static final String B = """
            rules:
              - {id: KEPT, title: k, severity: LOW, operational: true, shape: count, entity: user,
                 where: {errorCode: 50126}, summary: "{count} now", params: {threshold: 3, window: PT1H, suppress: PT1H}}
              - {id: REDEFINED, title: r, severity: LOW, operational: true, shape: count, entity: user,
                 where: {errorCode: 50055}, summary: "{count}", params: {threshold: 3, window: PT1H, suppress: PT1H}}
              - {id: MATCHED, title: m, severity: LOW, operational: true, shape: match, entity: user,
                 where: {errorCode: 50055}, summary: "{user}", params: {suppress: PT1H}}
              - {id: MATCH_KEPT, title: m, severity: HIGH, operational: true, shape: match, entity: user,
                 where: {errorCode: 50126}, summary: "{user}", params: {suppress: PT1H}}
            """;

    private final Map<String, Long> incidents = new HashMap<>();
    private final Map<String, EntityWindows> windows = new HashMap<>();
    private final RuleSettings a = settings(A);
    private final RuleSettings b = settings(B);
    private int minute;

    @Test
    void eachRuleMeetsOnlyWhatItsOwnDefinitionKept() {
        List<Alert> first = feed(a, 50126, 50126);
        assertThat(rules(first)).containsExactly("MATCHED", "MATCH_KEPT", "REMOVED");

        List<Alert> second = feed(b, 50055, 50126, 50055);

        // MATCHED redefined: A's incident does not suppress it; MATCH_KEPT re-graded: still suppressed;
        // KEPT re-tuned to 3: fires on A's two failures and B's one; REDEFINED, mixed, would fire at once
        assertThat(rules(second)).containsExactly("MATCHED", "KEPT");
        assertThat(second.get(1).count()).isEqualTo(3);
        EntityWindows record = windows.get(WindowedRuleEngine.key("t1", "user", USER));
        assertThat(record.get(b.catalogue().stateKey("REDEFINED")).observations()).hasSize(2);
        assertThat(record.byRule().keySet()).as("A's REDEFINED and REMOVED windows left at the first write")
                .doesNotContain(a.catalogue().stateKey("REDEFINED"), a.catalogue().stateKey("REMOVED"))
                .contains("BRUTE_FORCE", "DISTRIBUTED_CRACKING");
        assertThat(record.get("BRUTE_FORCE").observations()).as("a shipped rule's window, kept by name").hasSize(3);

        List<Alert> third = feed(b, 50055);
        assertThat(rules(third)).containsExactly("REDEFINED");
        assertThat(third.get(0).count()).isEqualTo(3);
        assertThat(third.get(0).correlationIds()).as("B's own matches only").containsExactly("c3", "c5", "c6");
    }

    @Test
    void keysOfARuleFilesRulesFollowTheirDefinitionsAndShippedOnesAreTheirNames() {
        assertThat(a.catalogue().stateKey("KEPT")).matches("KEPT#[0-9a-f]{8}").isEqualTo(b.catalogue().stateKey("KEPT"));
        assertThat(a.catalogue().stateKey("MATCH_KEPT")).isEqualTo(b.catalogue().stateKey("MATCH_KEPT"));
        assertThat(a.catalogue().stateKey("REDEFINED")).isNotEqualTo(b.catalogue().stateKey("REDEFINED"));
        assertThat(a.catalogue().stateKey("MATCHED")).isNotEqualTo(b.catalogue().stateKey("MATCHED"));
        for (String shipped : List.of("BRUTE_FORCE", "PASSWORD_SPRAY", "DISABLED_ACCOUNT_PROBING", "IMPOSSIBLE_TRAVEL")) {
            assertThat(b.catalogue().stateKey(shipped)).isEqualTo(shipped);
        }
    }

    @Test
    void aRecordHoldingOnlyARemovedRulesWindowsIsPurgedThoughNotIdle() {
        feed(a, 50126, 50126);
        EntityWindows record = windows.get(WindowedRuleEngine.key("t1", "user", USER));
        String removed = a.catalogue().stateKey("REMOVED");
        EntityWindows onlyRemoved = EntityWindows.restore(Map.of(removed, record.get(removed)));
        long now = T0.plus(Duration.ofMinutes(3)).toEpochMilli();

        assertThat(engine(a).expired(onlyRemoved, now)).as("catalogue A still has the rule").isFalse();
        assertThat(engine(b).expired(onlyRemoved, now)).isTrue();
        assertThat(engine(b).expired(record, now)).as("BRUTE_FORCE's window is live").isFalse();
    }

    private List<Alert> feed(RuleSettings settings, int... codes) {
        DetectionEngine engine = new DetectionEngine(settings, Duration.ofMinutes(2));
        DetectionEngine.State state = new DetectionEngine.State(StateView.of(incidents), StateView.of(windows),
                StateView.of(new HashMap<>()));
        return Arrays.stream(codes).boxed()
                .flatMap(code -> engine.process("t1", signIn(code), state, T0.plus(Duration.ofMinutes(minute))).stream())
                .toList();
    }

    private ClassifiedEvent signIn(int code) {
        minute++;
        SignInEvent event = new SignInEvent("e" + minute, T0.plus(Duration.ofMinutes(minute)), "t1", "graph", "SignInLogs",
                USER, null, null, null, null, "App", null, null, "203.0.113.9", null, "c" + minute, true, code, null,
                null, null, null, null, null, null, List.of(), null, null, null, List.of(), List.of(), null, null);
        return new ClassifiedEvent(event, CLASSIFIER.classify(event));
    }

    private static WindowedRuleEngine engine(RuleSettings settings) {
        return new WindowedRuleEngine(WindowedRules.all(settings), Duration.ofMinutes(2), settings);
    }

    private static RuleSettings settings(String file) {
        return RuleSettings.DEFAULTS.withCatalogue(RuleCatalogue.shipped().plus(file, "rules.yaml"));
    }

    private static List<String> rules(List<Alert> alerts) {
        return alerts.stream().map(Alert::rule).toList();
    }
}
