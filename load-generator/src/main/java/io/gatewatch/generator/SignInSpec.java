package io.gatewatch.generator;

import java.time.Instant;

/**
 * What one generated sign-in should say; {@link io.gatewatch.generator.format.GraphSignInBuilder}
 * and the builders around it turn it into a record of a real export format.
 */
public record SignInSpec(String id, Instant time, SyntheticUser user, String ipAddress, HomeLocation location,
                         int errorCode, String failureReason, String additionalDetails, String riskLevel,
                         boolean interactive, String appDisplayName) {
}
