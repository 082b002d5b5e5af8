package io.gatewatch.schema.read;

import static io.gatewatch.schema.read.TestInputs.singleSignIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.DeviceDetail;
import io.gatewatch.schema.MfaDetail;
import io.gatewatch.schema.SignInEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fields kept for the newer detections in the shapes records really carry them
 * ({@link LenientFields}): older documented spellings read, a value of an unexpected shape
 * reads as absent and never costs the sign-in.
 */
class LenientFieldsTest {

    /** Graph's type page first said String for the audiences; a list of ids or one id reads as the ids. */
    @Test
    void audiencesAsIdsOrOneIdAreTheIds() {
        assertThat(singleSignIn("""
                {"id":"a1","createdDateTime":"2025-11-14T01:48:53Z","status":{"errorCode":0},
                 "conditionalAccessAudiences":["00000003-0000-0000-c000-000000000000",""]}
                """.replace("\n", " ")).conditionalAccessAudiences()).containsExactly("00000003-0000-0000-c000-000000000000");
        assertThat(singleSignIn("""
                {"id":"a2","createdDateTime":"2025-11-14T01:48:53Z","status":{"errorCode":0},
                 "conditionalAccessAudiences":"00000003-0000-0000-c000-000000000000"}
                """.replace("\n", " ")).conditionalAccessAudiences()).containsExactly("00000003-0000-0000-c000-000000000000");
    }

    /** Microsoft's first examples spelt the MFA detail {@code mfaAuthMethod} / {@code mfaAuthDetail}. */
    @Test
    void theOlderMfaDetailNamesAreRead() {
        assertThat(singleSignIn("""
                {"id":"m1","createdDateTime":"2025-11-14T01:48:53Z","status":{"errorCode":0},
                 "mfaDetail":{"mfaAuthMethod":"Phone Auth","mfaAuthDetail":null}}
                """.replace("\n", " ")).mfaDetail()).isEqualTo(new MfaDetail("Phone Auth", null));
    }

    /** A value of an unexpected shape costs the field, never the sign-in: records that read before still read. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1}", "[1,2]", "null", "\"\""})
    void aValueOfAnUnexpectedShapeReadsAsAbsent(String value) {
        SignInEvent event = singleSignIn("""
                {"id":"u1","createdDateTime":"2025-11-14T01:48:53Z","status":{"errorCode":50126},
                 "sessionId":%1$s,"userAgent":%1$s,"authenticationProtocol":%1$s,"mfaDetail":%1$s,
                 "networkLocationDetails":%1$s,"conditionalAccessAudiences":%1$s,"clientCredentialType":%1$s,
                 "deviceDetail":{"browser":"Edge","isCompliant":%1$s,"isManaged":%1$s,"trustType":%1$s}}
                """.formatted(value).replace("\n", " "));
        assertThat(event.errorCode()).isEqualTo(50126);
        assertThat(event.sessionId()).isNull();
        assertThat(event.userAgent()).isNull();
        assertThat(event.authenticationProtocol()).isNull();
        assertThat(event.mfaDetail()).isNull();
        assertThat(event.networkLocationDetails()).isEmpty();
        assertThat(event.conditionalAccessAudiences()).isEmpty();
        assertThat(event.clientCredentialType()).isNull();
        assertThat(event.deviceDetail()).isEqualTo(new DeviceDetail(null, null, "Edge"));
    }
}
