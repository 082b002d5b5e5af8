package io.gatewatch.classify;

import io.gatewatch.schema.Category;
import io.gatewatch.schema.Classification;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.SignInEvent;
import java.util.Map;
import java.util.Optional;

/**
 * Classifies any input event. A Dynamics access is judged against where its org lives
 * ({@link OrgLocations}), and a successful one teaches where that is, so a later request to the
 * wrong regional URL is caught. One instance per stream task or offline run (it holds their state).
 */
public final class EventClassifier {

    private final SignInClassifier signIns;
    private final DynamicsClassifier dynamics;
    private final OrgLocations orgs;

    public EventClassifier(ClassificationData data, OrgLocations orgs) {
        this.signIns = new SignInClassifier(data);
        this.dynamics = new DynamicsClassifier(data);
        this.orgs = orgs;
    }

    /** Offline, with an org directory given up front (may be empty). */
    public static EventClassifier offline(ClassificationData data, Map<String, String> orgToRegionHost) {
        return new EventClassifier(data, OrgLocations.inMemory(orgToRegionHost));
    }

    public Classification classify(InputEvent event) {
        if (!(event instanceof DynamicsAccessEvent access)) {
            return signIns.classify((SignInEvent) event);
        }
        Optional<DynamicsRegions.OrgUrl> requested = dynamics.orgOf(access);
        Optional<String> home = requested.flatMap(url -> orgs.regionHostOf(access.tenantId(), url.orgName()));
        Classification classification = dynamics.classify(access, requested, home);
        if (classification.category() == Category.SUCCESS) {
            requested.ifPresent(url -> orgs.learn(access.tenantId(), url));
        }
        return classification;
    }
}
