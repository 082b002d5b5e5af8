package io.gatewatch.rules.windowed;

import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * BRUTE_FORCE (tenant + user): at least {@code threshold} wrong passwords in {@code window}
 * (Panther: 10 in 10 min). A success for the same user within {@code success-window} of the alert
 * (Sentinel: 20 min) escalates: the password was likely guessed.
 */
public final class BruteForceRule implements WindowedRule {

    static final String NAME = "BRUTE_FORCE";
    private final long threshold;
    private final Duration failureWindow;
    private final Duration successWindow;
    private final Duration suppression;

    public BruteForceRule(RuleSettings settings) {
        threshold = settings.number(NAME, "threshold", 10);
        failureWindow = settings.period(NAME, "window", Duration.ofMinutes(10));
        successWindow = settings.period(NAME, "success-window", Duration.ofMinutes(20));
        suppression = settings.suppression(NAME, Duration.ofHours(1));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration window() {
        return failureWindow.compareTo(successWindow) > 0 ? failureWindow : successWindow;
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
        if (category == Category.INVALID_CREDENTIALS) {
            return List.of(new Keyed("user", user, Observations.of(event, "fail")));
        }
        // a success only matters to a user already under attack: it never opens a window
        return category == Category.SUCCESS ? List.of(new Keyed("user", user, Observations.of(event, "success"), false))
                : List.of();
    }

    @Override
    public Optional<Finding> evaluate(EntityWindow window, Observation latest) {
        if (latest.kind().equals("success")) {
            boolean afterAlert = window.lastAlertId != null && !window.escalated
                    && latest.timeMs() >= window.lastAlertTimeMs
                    && latest.timeMs() - window.lastAlertTimeMs <= successWindow.toMillis();
            return afterAlert ? Optional.of(new Finding(Severity.CRITICAL, "Successful sign-in for " + latest.user()
                    + " after a brute-force attack: the password was likely guessed.", 1, 1, 1,
                    1, List.of(latest), true, "BRUTE_FORCE_SUCCESS")) : Optional.empty();
        }
        List<Observation> failures = window.of("fail").stream()
                .filter(o -> o.timeMs() > latest.timeMs() - failureWindow.toMillis()).toList();
        if (failures.size() < threshold) {
            return Optional.empty();
        }
        int ips = window.distinct(failures, Observation::ip).size();
        return Optional.of(new Finding(Severity.MEDIUM, failures.size() + " wrong passwords for " + latest.user()
                + " within " + failureWindow.toMinutes() + " min from " + ips + " IP address(es).", failures.size(),
                threshold, 1, ips, failures, false, NAME));
    }
}
