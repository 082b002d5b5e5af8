package io.gatewatch.aggregate;

import io.gatewatch.schema.AppliedPolicy;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.DeviceDetail;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.GeoLocation;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.SignInEvent;
import java.net.URI;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A way to break a tenant's sign-ins down: what an admin asks after a policy change or during an
 * incident (which app, where from, which client, which policy, which users). Each dimension keeps at
 * most {@link #capacity()} values per tenant and window ({@link DimensionSummary}): exact while a
 * window has no more values than that, a heavy-hitter summary beyond. The small dimensions
 * (categories, error codes, clients, protocols, systems, browsers, countries, policies) stay far
 * below their capacity in real tenants; users, addresses, cities, apps and resources are unbounded.
 *
 * <p>{@link #code()} names a dimension in stored windows: never reused, never renumbered.
 */
public enum Dimension {
    APP("app", 1, 48, false),
    RESOURCE("resource", 2, 48, false),
    COUNTRY("country", 3, 64, false),
    CITY("city", 4, 32, false),
    ERROR_CODE("errorCode", 5, 64, false),
    CATEGORY("category", 6, 32, false),
    CLIENT_APP("clientApp", 7, 32, false),
    PROTOCOL("protocol", 8, 16, false),
    OS("os", 9, 32, false),
    BROWSER("browser", 10, 32, false),
    CA_POLICY("caPolicy", 11, 32, false),
    /** Only failing users are kept: a tenant-minute of benign traffic holds none of its many users. */
    USER("user", 12, 32, true),
    /** Only failing addresses are kept, as for users. */
    ADDRESS("address", 13, 32, true),
    /** Pairs of an app and a user who failed on it: the drill-down from an app to its failing users. */
    APP_USER("app>user", 14, 32, true, APP),
    /** Pairs of a country and a user who failed from it. */
    COUNTRY_USER("country>user", 15, 32, true, COUNTRY),
    /** Pairs of an error code and a user who failed with it. */
    ERROR_CODE_USER("errorCode>user", 16, 32, true, ERROR_CODE),
    /** Pairs of a failed Conditional Access policy and a user it failed. */
    CA_POLICY_USER("caPolicy>user", 17, 32, true, CA_POLICY);

    /** Between a pair's value and its user: no app, country, code, policy or UPN holds it. */
    public static final char PAIR_SEPARATOR = '\u001f';

    private final String parameter;
    private final int code;
    private final int capacity;
    private final boolean failuresOnly;
    private final Dimension pairedWithUser;

    Dimension(String parameter, int code, int capacity, boolean failuresOnly) {
        this(parameter, code, capacity, failuresOnly, null);
    }

    Dimension(String parameter, int code, int capacity, boolean failuresOnly, Dimension pairedWithUser) {
        this.parameter = parameter;
        this.code = code;
        this.capacity = capacity;
        this.failuresOnly = failuresOnly;
        this.pairedWithUser = pairedWithUser;
    }

    /** For a pair dimension, the dimension whose values it pairs with users; null for the others. */
    public Dimension pairedWithUser() {
        return pairedWithUser;
    }

    /** The pair dimension of {@code dimension}'s values and their failing users; null when none is kept. */
    public static Dimension usersOf(Dimension dimension) {
        for (Dimension pair : values()) {
            if (pair.pairedWithUser == dimension) {
                return pair;
            }
        }
        return null;
    }

    /** The dimension's name in the API ({@code by=errorCode}). */
    public String parameter() {
        return parameter;
    }

    /** The dimension's number in stored windows. */
    public int code() {
        return code;
    }

    /** Most values one tenant window keeps. */
    public int capacity() {
        return capacity;
    }

    /** Values are kept from their first failure on; sign-ins of a value that never failed are not. */
    public boolean failuresOnly() {
        return failuresOnly;
    }

    /** The dimension the API names {@code parameter} in {@code by}; null when none (pairs are asked with {@code where}). */
    public static Dimension ofParameter(String parameter) {
        for (Dimension dimension : values()) {
            if (dimension.pairedWithUser == null && dimension.parameter.equals(parameter)) {
                return dimension;
            }
        }
        return null;
    }

    /** The dimension stored as {@code code}; null when none. */
    public static Dimension ofCode(int code) {
        for (Dimension dimension : values()) {
            if (dimension.code == code) {
                return dimension;
            }
        }
        return null;
    }

    /** The event's values of this dimension (none when the record does not say; several failed policies). */
    public void eachValue(ClassifiedEvent classified, Consumer<String> into) {
        InputEvent event = classified.event();
        if (pairedWithUser != null) {
            pairValues(classified, into);
            return;
        }
        switch (this) {
            case ERROR_CODE -> into.accept(Integer.toString(classified.classification().errorCode()));
            case CATEGORY -> into.accept(classified.classification().category().name());
            case USER -> accept(event.userPrincipalName() == null ? null
                    : event.userPrincipalName().toLowerCase(Locale.ROOT), into);
            case ADDRESS -> accept(event.ipAddress(), into);
            default -> {
                if (event instanceof SignInEvent signIn) {
                    signInValues(signIn, into);
                } else if (event instanceof DynamicsAccessEvent access) {
                    dynamicsValues(access, into);
                }
            }
        }
    }

    /** The event's values of the paired dimension, each with the event's user: none without a user. */
    private void pairValues(ClassifiedEvent classified, Consumer<String> into) {
        String user = classified.event().userPrincipalName();
        if (!blank(user)) {
            String suffix = PAIR_SEPARATOR + user.toLowerCase(Locale.ROOT);
            pairedWithUser.eachValue(classified, value -> into.accept(value + suffix));
        }
    }

    private void signInValues(SignInEvent signIn, Consumer<String> into) {
        GeoLocation location = signIn.location();
        DeviceDetail device = signIn.deviceDetail();
        switch (this) {
            case APP -> accept(signIn.appDisplayName() != null ? signIn.appDisplayName() : signIn.appId(), into);
            case RESOURCE -> accept(signIn.resourceDisplayName() != null ? signIn.resourceDisplayName()
                    : signIn.resourceId(), into);
            case COUNTRY -> accept(location == null ? null : location.countryOrRegion(), into);
            case CITY -> accept(location == null || blank(location.city()) ? null
                    : location.city() + (blank(location.countryOrRegion()) ? "" : ", " + location.countryOrRegion()), into);
            case CLIENT_APP -> accept(signIn.clientAppUsed(), into);
            case PROTOCOL -> accept(signIn.authenticationProtocol(), into);
            case OS -> accept(device == null ? null : device.operatingSystem(), into);
            case BROWSER -> accept(device == null ? null : device.browser(), into);
            case CA_POLICY -> {
                for (AppliedPolicy policy : signIn.appliedConditionalAccessPolicies()) {
                    if ("failure".equalsIgnoreCase(policy.result())) {
                        accept(policy.displayName() != null ? policy.displayName() : policy.id(), into);
                    }
                }
            }
            default -> {
            }
        }
    }

    /** A Dynamics 365 request is to the Dynamics app, at its organisation (the resource). */
    private void dynamicsValues(DynamicsAccessEvent access, Consumer<String> into) {
        if (this == APP) {
            into.accept("Dynamics 365");
        } else if (this == RESOURCE && access.requestedUrl() != null) {
            try {
                accept(URI.create(access.requestedUrl()).getHost(), into);
            } catch (IllegalArgumentException e) {
                // not a URL: no resource for this request
            }
        }
    }

    private static void accept(String value, Consumer<String> into) {
        if (!blank(value)) {
            into.accept(value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
