package io.gatewatch.generator;

/** A generated user with a home location and the IP they usually sign in from. */
public record SyntheticUser(String tenantId, String userPrincipalName, String userId, String displayName,
                            HomeLocation home, String usualIp) {
}
