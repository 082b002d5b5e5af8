package io.gatewatch.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The device a sign-in used, as far as Entra knows it (Graph {@code deviceDetail}; the Log
 * Analytics column {@code DeviceDetail}). {@code isCompliant} and {@code isManaged} say what
 * Intune reported, {@code trustType} how the device is joined ({@code Azure AD joined},
 * {@code Hybrid Azure AD joined}, {@code Azure AD registered}); each is null when the record does
 * not say, never assumed false.
 */
public record DeviceDetail(String deviceId, String operatingSystem, String browser,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Boolean isCompliant,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Boolean isManaged,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String trustType) {

    /** A device as records before {@code isCompliant}, {@code isManaged} and {@code trustType} described it. */
    public DeviceDetail(String deviceId, String operatingSystem, String browser) {
        this(deviceId, operatingSystem, browser, null, null, null);
    }
}
