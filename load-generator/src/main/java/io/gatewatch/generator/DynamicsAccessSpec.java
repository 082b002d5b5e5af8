package io.gatewatch.generator;

import java.time.Instant;

/**
 * What one generated Dynamics 365 access should say.
 *
 * @param errorCode 0 for success, a Dataverse hex code as a string ("0x80042f09") or a signed integer
 */
public record DynamicsAccessSpec(String id, Instant time, SyntheticUser user, String ipAddress, String url,
                                 Object errorCode, String message) {
}
