package io.gatewatch.classify;

import io.gatewatch.schema.Classification;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.SignInEvent;

/** Classifies any input event; Dynamics events are judged against the given org directory. */
public final class EventClassifier {

    private final SignInClassifier signIns;
    private final DynamicsClassifier dynamics;

    public EventClassifier(ClassificationData data) {
        this.signIns = new SignInClassifier(data);
        this.dynamics = new DynamicsClassifier(data);
    }

    public DynamicsClassifier dynamics() {
        return dynamics;
    }

    public Classification classify(InputEvent event, OrgDirectory orgs) {
        if (event instanceof DynamicsAccessEvent access) {
            return dynamics.classify(access, dynamics.orgOf(access).flatMap(url -> orgs.regionHostOf(url.orgName())));
        }
        return signIns.classify((SignInEvent) event);
    }
}
