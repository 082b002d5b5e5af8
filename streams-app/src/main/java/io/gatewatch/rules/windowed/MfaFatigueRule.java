package io.gatewatch.rules.windowed;

import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * MFA_FATIGUE (tenant + user): more than {@code threshold} MFA denials or unanswered prompts within
 * the window (Sentinel MFASpamming: > 10 in 5 min). A successful sign-in afterwards is critical:
 * the user gave in to the prompt bombing.
 */
public final class MfaFatigueRule implements WindowedRule {

    static final String NAME = "MFA_FATIGUE";
    private final long threshold;
    private final Duration window;
    private final Duration successWindow;
    private final Duration suppression;

    public MfaFatigueRule(RuleSettings settings) {
        threshold = settings.number(NAME, "threshold", 10);
        window = settings.period(NAME, "window", Duration.ofMinutes(5));
        successWindow = settings.period(NAME, "success-window", Duration.ofMinutes(30));
        suppression = settings.suppression(NAME, Duration.ofHours(1));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration window() {
        return window.compareTo(successWindow) > 0 ? window : successWindow;
    }

    @Override
    public Duration suppression() {
        return suppression;
    }

    @Override
    public List<Keyed> observe(ClassifiedEvent event) {
        String user = Observations.user(event.event());
        if (user == null) {
            return List.of();
        }
        Category category = event.classification().category();
        if (category == Category.MFA_DENIED) {
            return List.of(new Keyed("user", user, Observations.of(event, "deny")));
        }
        return category == Category.SUCCESS ? List.of(new Keyed("user", user, Observations.of(event, "success"), false))
                : List.of();
    }

    @Override
    public Optional<Finding> evaluate(EntityWindow state, Observation latest) {
        if (latest.kind().equals("success")) {
            boolean afterAlert = state.lastAlertId != null && !state.escalated && latest.timeMs() >= state.lastAlertTimeMs
                    && latest.timeMs() - state.lastAlertTimeMs <= successWindow.toMillis();
            return afterAlert ? Optional.of(new Finding(Severity.CRITICAL, latest.user()
                    + " signed in after MFA prompt bombing: the attacker likely got an approval.", 1, 1, 1, 1,
                    List.of(latest), true, "MFA_FATIGUE_SUCCESS")) : Optional.empty();
        }
        List<Observation> denials = state.of("deny").stream()
                .filter(o -> o.timeMs() > latest.timeMs() - window.toMillis()).toList();
        if (denials.size() <= threshold) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Severity.HIGH, denials.size() + " MFA prompts denied or ignored by "
                + latest.user() + " within " + window.toMinutes() + " min: MFA fatigue attack.", denials.size(),
                threshold + 1, 1, state.distinct(denials, Observation::ip).size(), denials, false, NAME));
    }
}
