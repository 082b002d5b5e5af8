package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.rules.Finding;
import io.gatewatch.rules.IncidentSuppressor;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.rules.detail.AlertDetails;
import io.gatewatch.rules.detail.EvidenceCollector;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEntity;
import io.gatewatch.schema.AttackIds;
import io.gatewatch.schema.Severity;
import io.gatewatch.state.StateView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * CROSS_TENANT_SPRAY (source address, provider scope): one address failing against at least
 * {@code tenants} tenants within the window — a spray a provider watching many tenants sees and
 * no single tenant can. A tenant counts only where the address looks like a sprayer there: at
 * least {@code users-per-tenant} of its users failed from it and more failed than succeeded
 * (PASSWORD_SPRAY's NAT guard), so a proxy egress shared by many tenants' users, where a typo is
 * soon outnumbered by colleagues signing in, does not.
 * Alerts carry tenant {@value #PROVIDER}: only tokens for every tenant may read them. Plain Java;
 * state is one {@link EntityWindow} per address.
 */
public final class CrossTenantSprayRule {

    public static final String NAME = "CROSS_TENANT_SPRAY";
    /** The tenant id of provider-scoped alerts. */
    public static final String PROVIDER = "provider";
    private static final List<String> REMEDIATION = List.of(
            "Block the address for every tenant you manage (a named location in Conditional Access, or the perimeter).",
            "Check each tenant's sign-ins from the address for successes: a sprayed password that worked.");

    private final boolean enabled;
    private final long tenants;
    private final long usersPerTenant;
    private final Duration window;
    private final Duration suppression;
    private final Severity severity;
    private final AttackIds attack;
    private final AlertDetails details;

    public CrossTenantSprayRule(RuleSettings settings) {
        details = new AlertDetails(settings.catalogue());
        enabled = settings.enabled(NAME);
        severity = settings.severity(NAME, Severity.HIGH);
        attack = settings.attack(NAME);
        tenants = settings.number(NAME, "tenants");
        usersPerTenant = settings.number(NAME, "users-per-tenant");
        window = settings.period(NAME, "window");
        suppression = settings.suppression(NAME);
    }

    /** Opt-in ({@code rule.CROSS_TENANT_SPRAY.enabled}): it needs a second repartition keyed by address. */
    public boolean enabled() {
        return enabled;
    }

    /** Counts one failure into its address's window (state keyed by address); the alert it raises, if any. */
    public List<Alert> process(AddressFailure failure, StateView<EntityWindows> state, Instant detectedAt) {
        if (failure.tenantFailingUsers() < usersPerTenant
                || failure.tenantFailingUsers() <= failure.tenantSucceedingUsers()) {
            return List.of(); // the address is not a sprayer in that tenant: nothing to remember
        }
        EntityWindows stored = state.get(failure.ip());
        EntityWindows entity = stored == null ? new EntityWindows() : stored;
        EntityWindow addressWindow = entity.get(NAME) == null ? new EntityWindow() : entity.get(NAME);
        if (addressWindow.isLate(failure.timeMs(), window.toMillis())) {
            return List.of();
        }
        addressWindow.add(new Observation(failure.timeMs(), "fail", failure.tenantId() + "|" + failure.user(),
                failure.ip(), null, null, failure.correlationId()), window.toMillis(), 500);
        List<Observation> failures = addressWindow.of("fail");
        Set<String> tenantsHit = addressWindow.distinct(failures, o -> o.user().substring(0, o.user().indexOf('|')));
        List<Alert> alerts = List.of();
        if (tenantsHit.size() >= tenants) {
            IncidentSuppressor.Decision decision = IncidentSuppressor.admit(addressWindow.incident(),
                    finding(failure.ip(), failures, tenantsHit.size()), PROVIDER, REMEDIATION, detectedAt, attack,
                    Instant.ofEpochMilli(failure.timeMs()));
            if (decision.raised()) {
                addressWindow.incident(decision.incident());
                // its users are named tenant|user: a provider's view across the tenants it manages
                alerts = List.of(details.complete(decision.alert(), EvidenceCollector.of(failures, null, null),
                        REMEDIATION));
            }
        }
        entity.put(NAME, addressWindow);
        state.put(failure.ip(), entity);
        return alerts;
    }

    /** An address window idle past the rule's reach, with no incident still suppressing. */
    public boolean expired(EntityWindows windows, long nowMs) {
        return windows.idleAt(nowMs, window.plus(suppression).toMillis());
    }

    private Finding finding(String ip, List<Observation> failures, int tenantCount) {
        Instant first = Instant.ofEpochMilli(failures.get(0).timeMs());
        Instant last = Instant.ofEpochMilli(failures.get(failures.size() - 1).timeMs());
        int users = (int) failures.stream().map(Observation::user).distinct().count();
        return new Finding(NAME, severity, new AlertEntity("ip", ip), ip + " failed to sign in " + failures.size()
                + " times as " + users + " users across " + tenantCount + " tenants within " + window.toMinutes()
                + " min: a password spray across the tenants you manage.", last, last.minus(window), last, first, last,
                failures.size(), tenants, users, 1, failures.stream().map(Observation::correlationId)
                .filter(Objects::nonNull).limit(Finding.MAX_CORRELATION_IDS).toList(), suppression, false);
    }
}
