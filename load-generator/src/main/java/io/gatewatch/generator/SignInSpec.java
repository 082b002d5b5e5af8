package io.gatewatch.generator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * What one generated sign-in should say; {@link io.gatewatch.generator.format.GraphSignInBuilder}
 * and the builders around it turn it into a record of a real export format.
 */
public record SignInSpec(String id, Instant time, SyntheticUser user, String ipAddress, HomeLocation location,
                         int errorCode, String failureReason, String additionalDetails, String riskLevel,
                         boolean interactive, String appDisplayName, Client client) {

    /**
     * How a scenario's sign-in was made, where it differs from a browser's: the client app, the
     * protocol, the user agent, the authentication requirement, the aggregated risk and the risk
     * state, the app id and the resource (display name and id). A null field keeps the browser's
     * value; {@link #BROWSER} keeps them all, so every sign-in written without one is what it always was.
     */
    public record Client(String clientAppUsed, String authenticationProtocol, String userAgent,
                         String authenticationRequirement, String riskLevelAggregated, String riskState,
                         String appId, String resourceDisplayName, String resourceId) {

        public static final Client BROWSER = new Client(null, null, null, null, null, null);

        /** A client that keeps the browser's app id and resource. */
        public Client(String clientAppUsed, String authenticationProtocol, String userAgent,
                      String authenticationRequirement, String riskLevelAggregated, String riskState) {
            this(clientAppUsed, authenticationProtocol, userAgent, authenticationRequirement, riskLevelAggregated,
                    riskState, null, null, null);
        }
    }

    public SignInSpec {
        client = client == null ? Client.BROWSER : client;
    }

    /** A browser's sign-in (every generated sign-in but a scenario's legacy client or risk). */
    public SignInSpec(String id, Instant time, SyntheticUser user, String ipAddress, HomeLocation location,
                      int errorCode, String failureReason, String additionalDetails, String riskLevel,
                      boolean interactive, String appDisplayName) {
        this(id, time, user, ipAddress, location, errorCode, failureReason, additionalDetails, riskLevel, interactive,
                appDisplayName, Client.BROWSER);
    }

    /**
     * The correlation id, a lowercase GUID as Entra's are (its fourth group made {@code c...} to
     * differ from the id), derived from the id so the same sign-in always gets the same one;
     * {@code c} + the id for an id of another shape.
     */
    public String correlationId() {
        boolean guid = id.length() == 36 && id.charAt(18) == '-' && id.charAt(23) == '-';
        return guid ? id.substring(0, 19) + "c" + id.substring(20) : "c" + id;
    }

    /**
     * The Entra session the sign-in belongs to: a GUID derived from the user, the address and the
     * UTC day, so a user's sign-ins from one place on one day share a session and the same
     * generation always gives the same one. No random draw: the generated sequences stay as they
     * were. An attacker's sign-in from its own address gets a session of its own; a stolen
     * session used elsewhere is for a scenario to write.
     */
    public String sessionId() {
        String day = time.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        return UUID.nameUUIDFromBytes(("session|" + user.userId() + "|" + ipAddress + "|" + day)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
