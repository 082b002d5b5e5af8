package io.gatewatch.classify;

import io.gatewatch.schema.Category;
import io.gatewatch.schema.Classification;
import io.gatewatch.schema.DynamicsAccessEvent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Classifies a Dynamics 365 access: a missing security role (Dataverse 0x80042f09 or its
 * message), a request sent to a region host other than the one the org lives on, success, or
 * another failure. The org's real region comes from the caller, so this stays pure.
 */
public final class DynamicsClassifier {

    private final ClassificationData data;
    private final List<Integer> missingRoleCodes;

    public DynamicsClassifier(ClassificationData data) {
        this.data = data;
        this.missingRoleCodes = data.dynamicsErrors().missingRoleCodes().stream()
                .map(DynamicsClassifier::parseCode).toList();
    }

    /** The org and region host the event's URL names, if it is a Dynamics URL at all. */
    public Optional<DynamicsRegions.OrgUrl> orgOf(DynamicsAccessEvent event) {
        return data.regions().parse(event.requestedUrl());
    }

    /**
     * @param requested     the org and region host the URL names ({@link #orgOf}); empty when not a Dynamics URL
     * @param orgRegionHost where the org really lives, from the directory or learned; empty when unknown
     */
    public Classification classify(DynamicsAccessEvent event, Optional<DynamicsRegions.OrgUrl> requested,
                                   Optional<String> orgRegionHost) {
        if (isMissingRole(event)) {
            return classification(event, Category.MISSING_SECURITY_ROLE, null);
        }
        if (requested.isPresent() && orgRegionHost.isPresent()
                && !orgRegionHost.get().equalsIgnoreCase(requested.get().regionHost())) {
            String correctUrl = "https://" + requested.get().orgName() + "." + orgRegionHost.get();
            return classification(event, Category.REGIONAL_URL_MISMATCH, correctUrl);
        }
        return classification(event, event.errorCode() == 0 ? Category.SUCCESS : Category.OTHER_FAILURE, null);
    }

    private boolean isMissingRole(DynamicsAccessEvent event) {
        if (missingRoleCodes.contains(event.errorCode())) {
            return true;
        }
        String message = event.message() == null ? "" : event.message().toLowerCase(Locale.ROOT);
        return data.dynamicsErrors().missingRoleMessages().stream()
                .anyMatch(m -> message.contains(m.toLowerCase(Locale.ROOT)));
    }

    private Classification classification(DynamicsAccessEvent event, Category category, String orgUrl) {
        CategoryInfo info = data.info(category);
        List<String> remediation = orgUrl == null ? info.remediation()
                : info.remediation().stream().map(step -> step.replace("{orgUrl}", orgUrl)).toList();
        // the Entra sign-in to Dataverse succeeded for every Dynamics-side failure
        return new Classification(info.outcome(), category, info.severity(), true, event.errorCode(),
                event.message(), remediation, info.reference(), false);
    }

    private static int parseCode(String code) {
        String lower = code.toLowerCase(Locale.ROOT).trim();
        return lower.startsWith("0x") ? (int) Long.parseLong(lower.substring(2), 16) : Integer.parseInt(lower);
    }
}
