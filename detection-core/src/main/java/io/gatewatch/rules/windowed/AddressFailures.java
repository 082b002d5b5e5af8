package io.gatewatch.rules.windowed;

import io.gatewatch.rules.observe.Observation;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.state.StateView;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a tenant's credential failure into an {@link AddressFailure} for the cross-tenant view,
 * judging the address by the tenant's own PASSWORD_SPRAY window: a shared egress where most of the
 * tenant's users sign in fine is not a sprayer there, however many tenants it serves.
 */
public final class AddressFailures {

    private AddressFailures() {
    }

    /** The failure as the provider view sees it, after the windowed rules have seen the event; empty for any other event. */
    public static Optional<AddressFailure> of(String tenant, ClassifiedEvent event, StateView<EntityWindows> windows) {
        String ip = event.event().ipAddress();
        String user = Observations.user(event.event());
        if (ip == null || user == null || !WindowedRules.SPRAY_CODES.contains(event.classification().errorCode())) {
            return Optional.empty();
        }
        EntityWindows entity = windows.get(WindowedRuleEngine.key(tenant, "ip", ip));
        EntityWindow spray = entity == null ? null : entity.get(PasswordSprayRule.NAME);
        Set<String> failing = new HashSet<>();
        int succeeding = 0;
        if (spray != null) { // failed and not signed in since, as PASSWORD_SPRAY counts them
            failing.addAll(PasswordSprayRule.uncorrected(spray));
            succeeding = spray.distinct(spray.of("success"), Observation::user).size();
        }
        failing.add(user);
        Observation seen = Observations.of(event, "fail");
        return Optional.of(new AddressFailure(tenant, user, ip, seen.timeMs(), seen.correlationId(), failing.size(),
                succeeding));
    }
}
