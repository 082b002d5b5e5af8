package io.gatewatch.schema;

/** The device a sign-in used, as far as Entra knows it. */
public record DeviceDetail(String deviceId, String operatingSystem, String browser) {
}
