package io.gatewatch.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.SignInClassifier;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.SignInEvent;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The session, token, client, device, network and workload fields a rule file can test, read from
 * a sign-in as the input gave them; absent ones are absent ({@code present: false}), never a value.
 */
class SignInFieldConditionsTest {

    private static final RecordDecoder DECODER = new RecordDecoder(ReaderLimits.DEFAULT);
    private static final SignInClassifier CLASSIFIER = new SignInClassifier(ClassificationData.defaults());

    private static ClassifiedEvent event(String json) {
        List<ReadResult> results = DECODER.decode(json.getBytes(StandardCharsets.UTF_8), "test");
        SignInEvent signIn = (SignInEvent) ((ReadResult.Read) results.get(0)).event();
        return new ClassifiedEvent(signIn, CLASSIFIER.classify(signIn));
    }

    /** A device-code sign-in of the shape the Graph beta signIn resource documents. */
    private static final ClassifiedEvent DEVICE_CODE = event("""
            {"id":"f1","createdDateTime":"2025-11-14T01:48:53Z","userPrincipalName":"a@contoso.com",
             "ipAddress":"203.0.113.5","status":{"errorCode":0},"autonomousSystemNumber":8075,
             "sessionId":"811fe6e4-f4bb-4684-8978-5ce5de39f8b9","authenticationProtocol":"deviceCode",
             "originalTransferMethod":"deviceCodeFlow","incomingTokenType":"primaryRefreshToken",
             "tokenIssuerType":"AzureAD","userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
             "mfaDetail":{"authMethod":"PhoneAppNotification"},
             "deviceDetail":{"isCompliant":false,"isManaged":true,"trustType":"Azure AD registered"},
             "networkLocationDetails":[{"networkType":"trustedNamedLocation","networkNames":["HQ"]},
                                       {"networkType":"namedNetwork","networkNames":["North America"]}],
             "appOwnerTenantId":"f8cdef31-a31e-4b4a-93e4-5f571e91255a",
             "servicePrincipalId":"b029d485-a308-4311-8720-fb3192e5284e","servicePrincipalName":"Contoso Sync",
             "clientCredentialType":"none"}
            """);

    private static final ClassifiedEvent BARE = event("""
            {"id":"b1","createdDateTime":"2025-11-14T01:48:53Z","userPrincipalName":"b@contoso.com","status":{"errorCode":0}}
            """);

    @Test
    void everyFieldReadsAsTheInputGaveIt() {
        Map<EventField, String> expected = Map.ofEntries(
                Map.entry(EventField.SESSION_ID, "811fe6e4-f4bb-4684-8978-5ce5de39f8b9"),
                Map.entry(EventField.AUTHENTICATION_PROTOCOL, "deviceCode"),
                Map.entry(EventField.ORIGINAL_TRANSFER_METHOD, "deviceCodeFlow"),
                Map.entry(EventField.INCOMING_TOKEN_TYPE, "primaryRefreshToken"),
                Map.entry(EventField.USER_AGENT, "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"),
                Map.entry(EventField.AUTONOMOUS_SYSTEM_NUMBER, "8075"),
                Map.entry(EventField.MFA_METHOD, "PhoneAppNotification"),
                Map.entry(EventField.DEVICE_COMPLIANT, "false"),
                Map.entry(EventField.DEVICE_MANAGED, "true"),
                Map.entry(EventField.TRUST_TYPE, "Azure AD registered"),
                Map.entry(EventField.NETWORK_TYPE, "trustedNamedLocation,namedNetwork"),
                Map.entry(EventField.TOKEN_ISSUER_TYPE, "AzureAD"),
                Map.entry(EventField.APP_OWNER_TENANT, "f8cdef31-a31e-4b4a-93e4-5f571e91255a"),
                Map.entry(EventField.SERVICE_PRINCIPAL_ID, "b029d485-a308-4311-8720-fb3192e5284e"),
                Map.entry(EventField.SERVICE_PRINCIPAL_NAME, "Contoso Sync"),
                Map.entry(EventField.CLIENT_CREDENTIAL_TYPE, "none"));
        expected.forEach((field, value) -> {
            assertThat(field.read(DEVICE_CODE)).as(field.yamlName()).isEqualTo(value);
            assertThat(field.read(BARE)).as(field.yamlName() + " of a sign-in without it").isNull();
        });
    }

    @Test
    void aRuleFileTestsThem() {
        Condition deviceCode = where("{authenticationProtocol: devicecode, originalTransferMethod: deviceCodeFlow,"
                + " deviceCompliant: false, networkType: {contains: trustedNamedLocation}, autonomousSystemNumber: [8075, 16509],"
                + " sessionId: {present: true}}");
        assertThat(deviceCode.test(DEVICE_CODE)).isTrue();
        assertThat(deviceCode.test(BARE)).isFalse();
        assertThat(where("{deviceCompliant: {present: false}, mfaMethod: {present: false}}").test(BARE)).isTrue();
        assertThat(where("{networkType: namedNetwork}").test(DEVICE_CODE))
                .as("one of several types is found with contains, not equals").isFalse();
    }

    private static Condition where(String where) {
        String file = """
                rules:
                  - id: FIELD_TEST
                    title: t
                    severity: LOW
                    operational: true
                    shape: match
                    entity: user
                    where: %s
                    summary: "{user}"
                """.formatted(where);
        RuleDefinition rule = CatalogueReader.read(file, "f.yaml").get(0);
        return ((RuleLogic.Match) rule.logic()).cases().get(0).where();
    }
}
