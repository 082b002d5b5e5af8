package io.gatewatch.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.Category;
import io.gatewatch.schema.Classification;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.Outcome;
import java.time.Instant;
import io.gatewatch.state.StateView;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DynamicsClassifierTest {

    private final ClassificationData data = ClassificationData.defaults();
    private final DynamicsClassifier classifier = new DynamicsClassifier(data);

    private static DynamicsAccessEvent access(String url, int code, String message) {
        return new DynamicsAccessEvent("d", Instant.parse("2025-11-14T01:00:00Z"), "t", "u@contoso.com",
                "203.0.113.1", url, code, message);
    }

    @Test
    void missingRoleByCodeOrByMessage() {
        var byCode = access("https://contoso.crm4.dynamics.com/main.aspx", 0x80042f09, null);
        var byMessage = access("https://contoso.crm4.dynamics.com/main.aspx", -1,
                "The user with id 1234 has not been assigned a security role.");
        var otherError = access("https://contoso.crm4.dynamics.com/main.aspx", -2147220969, "Record not found");

        assertThat(classifier.classify(byCode, classifier.orgOf(byCode), Optional.empty()).category()).isEqualTo(Category.MISSING_SECURITY_ROLE);
        assertThat(classifier.classify(byMessage, classifier.orgOf(byMessage), Optional.empty()).category())
                .isEqualTo(Category.MISSING_SECURITY_ROLE);
        assertThat(classifier.classify(otherError, classifier.orgOf(otherError), Optional.empty()).category()).isEqualTo(Category.OTHER_FAILURE);
        for (String wording : new String[] {"The user has not been assigned any roles.",
                "You do not have a security role in this environment.", "User has no roles"}) {
            var message = access("https://contoso.crm4.dynamics.com/main.aspx", -1, wording);
            assertThat(classifier.classify(message, classifier.orgOf(message), Optional.empty()).category())
                    .as(wording).isEqualTo(Category.MISSING_SECURITY_ROLE);
        }
    }

    @Test
    void regionMismatchNamesTheRightUrl() {
        var wrongRegion = access("https://contoso.crm.dynamics.com/main.aspx", -2147204784, "Organization not found");

        Classification c = classifier.classify(wrongRegion, classifier.orgOf(wrongRegion), Optional.of("crm4.dynamics.com"));

        assertThat(c.category()).isEqualTo(Category.REGIONAL_URL_MISMATCH);
        assertThat(c.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(c.remediation()).first().asString().contains("https://contoso.crm4.dynamics.com");
    }

    @Test
    void sameRegionOrUnknownRegionIsNoMismatch() {
        var rightRegion = access("https://contoso.crm4.dynamics.com/main.aspx", 0, null);
        var unknownHost = access("https://contoso.example.com/main.aspx", 0, null);

        assertThat(classifier.classify(rightRegion, classifier.orgOf(rightRegion), Optional.of("crm4.dynamics.com")).category())
                .isEqualTo(Category.SUCCESS);
        assertThat(classifier.classify(rightRegion, classifier.orgOf(rightRegion), Optional.empty()).category()).isEqualTo(Category.SUCCESS);
        assertThat(classifier.classify(unknownHost, classifier.orgOf(unknownHost), Optional.of("crm4.dynamics.com")).category())
                .isEqualTo(Category.SUCCESS);
    }

    @Test
    void regionHostsParseIncludingSovereignClouds() {
        DynamicsRegions regions = data.regions();

        assertThat(regions.parse("https://contoso.crm4.dynamics.com/main.aspx"))
                .contains(new DynamicsRegions.OrgUrl("contoso", "crm4.dynamics.com"));
        assertThat(regions.parse("https://Contoso.api.CRM11.dynamics.com/api/data/v9.2"))
                .contains(new DynamicsRegions.OrgUrl("contoso", "crm11.dynamics.com"));
        assertThat(regions.parse("https://agency.crm.microsoftdynamics.us"))
                .contains(new DynamicsRegions.OrgUrl("agency", "crm.microsoftdynamics.us"));
        assertThat(regions.parse("https://shop.crm.dynamics.cn/")).map(DynamicsRegions.OrgUrl::regionHost)
                .contains("crm.dynamics.cn");
        assertThat(regions.parse("https://crm4.dynamics.com")).isEmpty();
        assertThat(regions.parse("not a url at all")).isEmpty();
        assertThat(regions.regionOf("crm4.dynamics.com")).contains("EMEA");
    }

    @Test
    void learnedRegionFromSuccessIsOverriddenByTheDirectory() {
        Map<String, String> directory = new HashMap<>();
        Map<String, String> learned = new HashMap<>();
        OrgLocations orgs = new OrgLocations(directory::get, StateView.of(learned));
        orgs.learn("t", new DynamicsRegions.OrgUrl("contoso", "crm.dynamics.com"));
        assertThat(orgs.regionHostOf("t", "contoso")).contains("crm.dynamics.com");
        assertThat(orgs.regionHostOf("other-tenant", "contoso")).isEmpty();
        directory.put("contoso", "crm4.dynamics.com");
        assertThat(orgs.regionHostOf("t", "contoso")).contains("crm4.dynamics.com");
    }

    @Test
    void aSuccessfulRequestTeachesWhereTheOrgLivesSoTheWrongRegionIsCaught() {
        Map<String, String> learned = new HashMap<>();
        EventClassifier events = new EventClassifier(data, new OrgLocations(org -> null, StateView.of(learned)));
        var wrongRegion = access("https://contoso.crm.dynamics.com/main.aspx", -2147204784, "Organization not found");

        assertThat(events.classify(wrongRegion).category()).as("nothing known yet").isEqualTo(Category.OTHER_FAILURE);
        assertThat(events.classify(access("https://contoso.crm4.dynamics.com/main.aspx", 0, null)).category())
                .isEqualTo(Category.SUCCESS);
        assertThat(learned).containsExactly(Map.entry("t|contoso", "crm4.dynamics.com"));
        assertThat(events.classify(wrongRegion).category()).isEqualTo(Category.REGIONAL_URL_MISMATCH);
    }
}
