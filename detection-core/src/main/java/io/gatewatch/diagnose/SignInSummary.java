package io.gatewatch.diagnose;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.DeviceDetail;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.GeoLocation;
import io.gatewatch.schema.Outcome;
import io.gatewatch.schema.SignInEvent;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the helpdesk needs of one sign-in or Dynamics request: the support-ticket fields
 * (time, correlation id, app, resource, IP, browser and device, location, error code) and how it
 * was classified. Small on purpose: each user keeps the last few dozen.
 *
 * @param dynamics    a Dynamics 365 request ({@code resource} is then the org host it went to)
 * @param remediation steps specific to this event (the right regional URL), empty when the category's apply
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SignInSummary(Instant createdDateTime, String correlationId, String appDisplayName, String resource,
                            String ipAddress, String browser, String operatingSystem, String location, int errorCode,
                            Category category, Outcome outcome, String failureReason, boolean dynamics,
                            List<String> remediation) {

    /** Longest text kept per field: enough for any real value, and a hostile record cannot bloat the store. */
    static final int MAX_TEXT = 512;

    public SignInSummary {
        remediation = remediation == null ? List.of() : List.copyOf(remediation);
        correlationId = clip(correlationId);
        appDisplayName = clip(appDisplayName);
        resource = clip(resource);
        ipAddress = clip(ipAddress);
        browser = clip(browser);
        operatingSystem = clip(operatingSystem);
        location = clip(location);
        failureReason = clip(failureReason);
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    public static SignInSummary of(ClassifiedEvent classified) {
        var c = classified.classification();
        if (classified.event() instanceof DynamicsAccessEvent d) {
            return new SignInSummary(d.createdDateTime(), d.id(), "Dynamics 365", host(d.requestedUrl()), d.ipAddress(),
                    null, null, null, d.errorCode(), c.category(), c.outcome(), c.failureReason(), true,
                    c.category() == Category.REGIONAL_URL_MISMATCH ? c.remediation() : List.of());
        }
        SignInEvent s = (SignInEvent) classified.event();
        DeviceDetail device = s.deviceDetail();
        return new SignInSummary(s.createdDateTime(), s.correlationId() != null ? s.correlationId() : s.id(),
                s.appDisplayName() != null ? s.appDisplayName() : s.appId(),
                s.resourceDisplayName() != null ? s.resourceDisplayName() : s.resourceId(), s.ipAddress(),
                device == null ? null : device.browser(), device == null ? null : device.operatingSystem(),
                place(s.location()), s.errorCode(), c.category(), c.outcome(), c.failureReason(), false, List.of());
    }

    /** The Dynamics organisation a request went to (the first label of its host), whatever the region. */
    @JsonIgnore
    public String org() {
        if (!dynamics || resource == null) {
            return null;
        }
        int dot = resource.indexOf('.');
        return dot < 0 ? resource : resource.substring(0, dot);
    }

    private static String place(GeoLocation location) {
        if (location == null || (location.city() == null && location.countryOrRegion() == null)) {
            return null;
        }
        return location.city() == null ? location.countryOrRegion()
                : location.countryOrRegion() == null ? location.city() : location.city() + ", " + location.countryOrRegion();
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.contains("://") ? url.trim() : "https://" + url.trim()).getHost();
            return host == null ? url : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
