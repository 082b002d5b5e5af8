package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.rules.Finding;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DISABLED_ACCOUNT_PROBE_THEN_SUCCESS (source IP): an address that tried disabled accounts signs
 * in successfully as another user — a credential list (leavers are in every leaked list) that
 * held one live password. Anchor: Sentinel "Sign-ins from IPs that attempt sign-ins to disabled
 * accounts" (a day's look-back; fewer than {@code max-successful-users} users succeed from the
 * address; disabled / successful users at least {@code min-ratio-percent}). Sentinel runs it once
 * a day; here it fires on the success. Windows open only on a disabled-account failure, so the
 * successes counted are those since the address's first probe: an address's earlier traffic is
 * not kept (that would cost a state write per sign-in), which is why one disabled account — a
 * leaver's phone behind the office NAT — is not enough by default ({@code min-disabled} 2).
 */
public final class DisabledProbeThenSuccessRule implements WindowedRule {

    static final String NAME = "DISABLED_ACCOUNT_PROBE_THEN_SUCCESS";

    private final Severity severity;
    private final long minDisabled;
    private final long maxSuccessfulUsers;
    private final long minRatioPercent;
    private final RuleTiming timing;

    public DisabledProbeThenSuccessRule(RuleSettings settings) {
        severity = settings.severity(NAME, Severity.HIGH);
        minDisabled = settings.number(NAME, "min-disabled");
        maxSuccessfulUsers = settings.number(NAME, "max-successful-users");
        minRatioPercent = settings.number(NAME, "min-ratio-percent");
        timing = RuleTiming.of(settings, NAME);
    }

    @Override
    public RuleTiming timing() {
        return timing;
    }

    /** Both sides are counted as distinct users only. */
    @Override
    public boolean latestPerUser(String kind) {
        return true;
    }

    @Override
    public Observation kept(Observation observation) {
        return Observations.successKept(observation);
    }

    @Override
    public List<Keyed> observe(ClassifiedEvent event) {
        return Observations.atAddress(event, event.classification().category() == Category.ACCOUNT_DISABLED, "disabled");
    }

    @Override
    public Optional<Finding> evaluate(AlertEntity entity, EntityWindow window, Observation latest) {
        if (!latest.kind().equals("success")) {
            return Optional.empty();
        }
        List<Observation> probes = window.of("disabled");
        Set<String> disabled = window.distinct(probes, Observation::user);
        Set<String> succeeded = new HashSet<>(window.distinct(window.of("success"), Observation::user));
        succeeded.removeAll(disabled);
        if (disabled.contains(latest.user()) || disabled.size() < minDisabled || succeeded.isEmpty()
                || succeeded.size() >= maxSuccessfulUsers || disabled.size() * 100L < minRatioPercent * succeeded.size()) {
            return Optional.empty();
        }
        List<Observation> evidence = new ArrayList<>(probes);
        evidence.add(latest);
        evidence.sort(Comparator.comparingLong(Observation::timeMs));
        return Optional.of(finding(NAME, severity, entity, latest.ip() + " tried " + disabled.size()
                        + " disabled accounts, then signed in as " + latest.user() + " (" + succeeded.size()
                        + " user(s) signed in from it): a credential list with one live password.",
                evidence.size(), minDisabled, disabled.size() + succeeded.size(), 1, evidence, false));
    }
}
