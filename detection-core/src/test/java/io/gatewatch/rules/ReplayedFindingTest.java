package io.gatewatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.SignInClassifier;
import io.gatewatch.rules.windowed.EntityWindows;
import io.gatewatch.rules.windowed.WindowedRuleEngine;
import io.gatewatch.rules.windowed.WindowedRules;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.SignInEvent;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.nio.charset.StandardCharsets;
import io.gatewatch.state.StateView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An at-least-once replay meets the incident its own first pass opened: a crash kept the
 * suppression state (it reached the changelog) and lost the alert (still in flight). The replayed
 * event raises the alert again under the same id; any other event of the incident — later, or an
 * older one arriving out of order — stays suppressed.
 */
class ReplayedFindingTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final SignInClassifier CLASSIFIER = new SignInClassifier(ClassificationData.defaults());

    private static final RecordDecoder DECODER = new RecordDecoder(ReaderLimits.DEFAULT);

    private static ClassifiedEvent signIn(String id, int code, Instant time) {
        String json = "{\"id\":\"" + id + "\",\"createdDateTime\":\"" + time + "\",\"userPrincipalName\":\"ann@contoso.com\","
                + "\"ipAddress\":\"198.51.100.7\",\"appDisplayName\":\"Office 365 Exchange Online\","
                + "\"status\":{\"errorCode\":" + code + "}}";
        SignInEvent event = (SignInEvent) ((ReadResult.Read) DECODER.decode(json.getBytes(StandardCharsets.UTF_8), "test")
                .get(0)).event();
        return new ClassifiedEvent(event, CLASSIFIER.classify(event));
    }

    @Test
    void aReplayedLockoutRaisesItsAlertAgainUnderTheSameIdALaterOneStaysSuppressed() {
        EventRuleEngine engine = new EventRuleEngine(PerEventRules.all(RuleSettings.DEFAULTS), RuleSettings.DEFAULTS);
        Map<String, Long> incidents = new HashMap<>();
        ClassifiedEvent lockout = signIn("l1", 50053, T0);

        List<Alert> first = engine.process("t1", lockout, StateView.of(incidents), T0);
        List<Alert> replayed = engine.process("t1", lockout, StateView.of(incidents), T0.plusSeconds(30));
        List<Alert> later = engine.process("t1", signIn("l2", 50053, T0.plusSeconds(600)), StateView.of(incidents), T0);

        assertThat(first).extracting(Alert::rule).containsExactly("ACCOUNT_LOCKOUT");
        assertThat(replayed).extracting(Alert::alertId).containsExactly(first.get(0).alertId());
        assertThat(later).as("another lockout of the same incident").isEmpty();
    }

    @Test
    void aReplayedBruteForceFailureRaisesItsAlertAgainAnOutOfOrderOneDoesNot() {
        WindowedRuleEngine engine = new WindowedRuleEngine(WindowedRules.all(RuleSettings.DEFAULTS), Duration.ofMinutes(2),
                RuleSettings.DEFAULTS);
        Map<String, EntityWindows> windows = new HashMap<>();
        List<Alert> raised = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            raised.addAll(engine.process("t1", signIn("f" + i, 50126, T0.plusSeconds(30L * i)), StateView.of(windows), T0));
        }
        assertThat(raised).extracting(Alert::rule).containsExactly("BRUTE_FORCE");

        List<Alert> replayed = engine.process("t1", signIn("f10", 50126, T0.plusSeconds(300)), StateView.of(windows), T0);
        List<Alert> older = engine.process("t1", signIn("f0", 50126, T0.plusSeconds(15)), StateView.of(windows), T0);
        List<Alert> later = engine.process("t1", signIn("f11", 50126, T0.plusSeconds(330)), StateView.of(windows), T0);

        assertThat(replayed).extracting(Alert::alertId).containsExactly(raised.get(0).alertId());
        assertThat(older).as("an older failure arriving late belongs to the incident").isEmpty();
        assertThat(later).as("a later failure belongs to the incident").isEmpty();
    }
}
