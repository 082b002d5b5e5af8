package io.gatewatch.rules;

import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.SignInEvent;

/**
 * Keeps service principal and managed identity sign-ins out of the user rules. Every rule family
 * today (per-event, windowed, baselines) is about users and their tenant's users: a workload
 * identity's sign-in names no user, and its volume (an app retrying a stale secret every minute)
 * would otherwise move the tenant's failure rate and Conditional Access baselines. So each family
 * leaves such an event out before it keeps any state; rules about workload identities will be a
 * family of their own that reads them.
 */
public final class WorkloadIdentities {

    private WorkloadIdentities() {
    }

    /** True for a service principal's or managed identity's sign-in, which no user rule may see. */
    public static boolean excludedFromUserRules(ClassifiedEvent event) {
        return event.event() instanceof SignInEvent signIn && signIn.workloadIdentity();
    }
}
