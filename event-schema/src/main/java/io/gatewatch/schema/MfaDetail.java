package io.gatewatch.schema;

/**
 * The MFA a sign-in went through (Graph {@code mfaDetail}, deprecated there but still exported;
 * the Log Analytics column {@code MfaDetail}): the method ({@code authMethod}, e.g.
 * {@code PhoneAppNotification}, {@code OneWaySMS}) and its detail ({@code authDetail}, e.g. a
 * masked phone number). A record's empty {@code {}} reads as no MFA detail at all.
 */
public record MfaDetail(String authMethod, String authDetail) {
}
