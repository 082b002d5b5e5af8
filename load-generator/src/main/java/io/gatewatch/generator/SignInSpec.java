package io.gatewatch.generator;

import java.time.Instant;

/**
 * What one generated sign-in should say; {@link AzureMonitorRecordBuilder} turns it into a record
 * of the real export format.
 */
public record SignInSpec(String id, Instant time, SyntheticUser user, String ipAddress, HomeLocation location,
                         int errorCode, String failureReason, String additionalDetails, String riskLevel,
                         boolean interactive, String appDisplayName) {
}
