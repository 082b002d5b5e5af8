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
                         String appId, String resourceDisplayName, String resourceId, String originalTransferMethod,
                         String sessionId, String mfaMethod, String servicePrincipalName) {

        public static final Client BROWSER = new Client(null, null, null, null, null, null);

        /** A client that keeps the browser's app id and resource. */
        public Client(String clientAppUsed, String authenticationProtocol, String userAgent,
                      String authenticationRequirement, String riskLevelAggregated, String riskState) {
            this(clientAppUsed, authenticationProtocol, userAgent, authenticationRequirement, riskLevelAggregated,
                    riskState, null, null, null);
        }

        /** A client of its own app and resource, in the browser's session. */
        public Client(String clientAppUsed, String authenticationProtocol, String userAgent,
                      String authenticationRequirement, String riskLevelAggregated, String riskState,
                      String appId, String resourceDisplayName, String resourceId) {
            this(clientAppUsed, authenticationProtocol, userAgent, authenticationRequirement, riskLevelAggregated,
                    riskState, appId, resourceDisplayName, resourceId, null, null, null, null);
        }

        /** This client's sign-in in the given session: a session carried to another address (a replay, a roaming phone). */
        public Client inSession(String session) {
            return new Client(clientAppUsed, authenticationProtocol, userAgent, authenticationRequirement,
                    riskLevelAggregated, riskState, appId, resourceDisplayName, resourceId, originalTransferMethod, session,
                    mfaMethod, servicePrincipalName);
        }

        /** This client with the flow the session began with ({@code deviceCodeFlow}). */
        public Client transferredBy(String method) {
            return new Client(clientAppUsed, authenticationProtocol, userAgent, authenticationRequirement,
                    riskLevelAggregated, riskState, appId, resourceDisplayName, resourceId, method, sessionId, mfaMethod,
                    servicePrincipalName);
        }

        /** This client answering MFA with the given method ({@code OATH verification code}, ...). */
        public Client withMfaMethod(String method) {
            return new Client(clientAppUsed, authenticationProtocol, userAgent, authenticationRequirement,
                    riskLevelAggregated, riskState, appId, resourceDisplayName, resourceId, originalTransferMethod, sessionId,
                    method, servicePrincipalName);
        }

        /** A service principal's sign-in (the spec's user stands for the app): no user signs in. */
        public static Client servicePrincipal(String name) {
            return new Client("Mobile Apps and Desktop clients", "none", null, "singleFactorAuthentication", null, null,
                    null, "Microsoft Graph", "00000003-0000-0000-c000-000000000000", null, null, null, name);
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
     * were. An attacker's sign-in from its own address gets a session of its own; a session
     * carried to another address (a replay, a roaming phone) is the client's ({@link Client#inSession}).
     */
    public String sessionId() {
        if (client.sessionId() != null) {
            return client.sessionId();
        }
        String day = time.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        return UUID.nameUUIDFromBytes(("session|" + user.userId() + "|" + ipAddress + "|" + day)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
