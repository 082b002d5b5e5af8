package io.gatewatch.generator.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.generator.scenario.Label;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.AttackIds;
import io.gatewatch.schema.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionScorerTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final AlertEntity ALICE = new AlertEntity("user", "alice@t1.example.com");
    private static final AlertEntity BOB = new AlertEntity("user", "bob@t1.example.com");
    private static final AlertEntity TENANT = new AlertEntity("tenant", "t1");

    @Test
    void anAlertInsideTheLabelIsADetectionWithItsDelay() {
        Scorecard card = DetectionScorer.score(List.of(label("BRUTE_FORCE", Label.Expect.ALERT, ALICE)),
                List.of(alert("BRUTE_FORCE", ALICE, T0.plusSeconds(180))));

        RuleScore score = card.rules().get(0);
        assertThat(score.detected()).isEqualTo(1);
        assertThat(score.missed()).isZero();
        assertThat(score.falsePositives()).isZero();
        assertThat(score.medianDelay()).isEqualTo(Duration.ofMinutes(3));
        assertThat(card.recall()).isEqualTo(1.0);
    }

    @Test
    void wrongEntityRuleOrTimeIsAMissAndAFalsePositive() {
        Label label = label("BRUTE_FORCE", Label.Expect.ALERT, ALICE);
        List<Alert> alerts = List.of(alert("BRUTE_FORCE", BOB, T0.plusSeconds(60)),
                alert("PASSWORD_SPRAY", ALICE, T0.plusSeconds(60)),
                alert("BRUTE_FORCE", ALICE, T0.plus(Duration.ofHours(2))));

        Scorecard card = DetectionScorer.score(List.of(label), alerts);

        assertThat(card.recall()).isZero();
        assertThat(card.falsePositives()).isEqualTo(3);
        assertThat(card.rules()).filteredOn(r -> r.rule().equals("BRUTE_FORCE")).singleElement()
                .satisfies(r -> assertThat(r.missedScenarios()).containsExactly("scenario"));
    }

    @Test
    void aNearMissThatFiresCountsAgainstTheRule() {
        Scorecard card = DetectionScorer.score(List.of(label("LOCKOUT_STORM", Label.Expect.NONE, TENANT)),
                List.of(alert("LOCKOUT_STORM", TENANT, T0.plusSeconds(600))));

        assertThat(card.nearMissesFired()).isEqualTo(1);
        assertThat(card.falsePositives()).isEqualTo(1);
    }

    @Test
    void aSideEffectMayFireButNeedNot() {
        Label may = label("FAILURE_RATE_SPIKE", Label.Expect.MAY, TENANT);

        Scorecard fired = DetectionScorer.score(List.of(may), List.of(alert("FAILURE_RATE_SPIKE", TENANT, T0.plusSeconds(60))));
        assertThat(fired.falsePositives()).isZero();
        assertThat(fired.rules().get(0).sideEffects()).isEqualTo(1);
        assertThat(DetectionScorer.score(List.of(may), List.of()).recall()).isEqualTo(1.0);
    }

    @Test
    void entityValuesMatchWhateverTheirCase() {
        Scorecard card = DetectionScorer.score(List.of(label("MFA_DENIED", Label.Expect.ALERT, ALICE)),
                List.of(alert("MFA_DENIED", new AlertEntity("user", "Alice@T1.example.com"), T0)));

        assertThat(card.detected()).isEqualTo(1);
    }

    private static Label label(String rule, Label.Expect expect, AlertEntity entity) {
        return new Label("scenario", rule, expect, "t1", entity, T0, T0.plus(Duration.ofMinutes(30)));
    }

    private static Alert alert(String rule, AlertEntity entity, Instant lastSeen) {
        return new Alert("a-" + rule, rule, Severity.MEDIUM, "t1", entity, T0, lastSeen, T0, lastSeen, 1, 1, null, null,
                List.of(), "summary", List.of(), lastSeen, null, AttackIds.NONE);
    }
}
