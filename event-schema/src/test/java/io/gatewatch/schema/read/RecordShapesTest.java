package io.gatewatch.schema.read;

import static io.gatewatch.schema.read.TestInputs.failures;
import static io.gatewatch.schema.read.TestInputs.readText;
import static io.gatewatch.schema.read.TestInputs.reads;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.SignInEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shapes real exports and vendor test events come in that the documentation does not show: each
 * carries the facts (a time and an outcome), so each is read; only a record with no time or no
 * outcome anywhere is refused.
 */
class RecordShapesTest {

    private static SignInEvent single(String text) {
        List<ReadResult> results = readText(text.replace("\n", " "));
        assertThat(failures(results)).isEmpty();
        assertThat(reads(results)).hasSize(1);
        return (SignInEvent) reads(results).get(0).event();
    }

    private static String refusal(String text) {
        List<ReadResult> results = readText(text.replace("\n", " "));
        assertThat(reads(results)).isEmpty();
        return failures(results).get(0).reason();
    }

    /** A Log Analytics CSV exported with a column subset: the time is only in the authentication steps. */
    @Test
    void csvWithoutTimeColumnsTakesTheEarliestAuthenticationStep() {
        String csv = """
                UserPrincipalName,ResultType,IPAddress,AuthenticationDetails
                a@contoso.com,50126,203.0.113.5,"[{""authenticationStepDateTime"":""2025-01-15T08:15:30Z"",""authenticationMethod"":""Password"",""succeeded"":false},{""authenticationStepDateTime"":""2025-01-15T08:15:23.456Z"",""authenticationMethod"":""Previously satisfied""}]"
                """;
        List<ReadResult> results = readText(csv);

        assertThat(failures(results)).isEmpty();
        SignInEvent event = (SignInEvent) reads(results).get(0).event();
        assertThat(event.createdDateTime()).isEqualTo(Instant.parse("2025-01-15T08:15:23.456Z"));
        assertThat(event.errorCode()).isEqualTo(50126);
        assertThat(event.id()).startsWith("content-");
    }

    @Test
    void recordWithoutIdGetsAStableContentIdSoARedeliveryIsStillADuplicate() {
        String record = """
                {"time":"2025-01-15T08:15:23Z","category":"SignInLogs","tenantId":"t1","resultType":"50126",
                 "properties":{"userPrincipalName":"a@contoso.com","ipAddress":"203.0.113.5"}}
                """;
        SignInEvent first = single(record);
        SignInEvent again = single(record);
        SignInEvent otherTime = single(record.replace("08:15:23", "08:15:24"));

        assertThat(first.id()).startsWith("content-").isEqualTo(again.id()).isNotEqualTo(otherTime.id());
        assertThat(first.id()).as("the id is a hash, never the user's name").doesNotContain("contoso");
    }

    @Test
    void azureMonitorRecordWithoutCreatedDateTimeUsesTheEnvelopeTime() {
        SignInEvent event = single("""
                {"time":"2025-01-15T08:15:23.4560000Z","category":"SignInLogs","resultType":"0",
                 "properties":{"id":"x1","userPrincipalName":"a@contoso.com"}}
                """);
        assertThat(event.createdDateTime()).isEqualTo(Instant.parse("2025-01-15T08:15:23.456Z"));
    }

    /** As log shippers re-serialise it: every envelope key lower-cased, nine fractional digits, no zone. */
    @Test
    void lowerCaseEnvelopeKeysAndZonelessTimestamps() {
        SignInEvent event = single("""
                {"calleripaddress":"198.51.100.7","category":"SignInLogs","correlationid":"c-1",
                 "operationname":"Sign-in activity","resultsignature":"None","resulttype":"50053",
                 "resultdescription":"Sign-in was blocked because it came from an IP address with malicious activity",
                 "tenantid":"t1","time":"2025-01-15 08:15:23.123456789",
                 "properties":{"id":"lc1","userPrincipalName":"a@contoso.com","appDisplayName":"Azure Portal"}}
                """);
        assertThat(event.sourceFormat()).isEqualTo("azure-monitor");
        assertThat(event.ipAddress()).isEqualTo("198.51.100.7");
        assertThat(event.tenantId()).isEqualTo("t1");
        assertThat(event.correlationId()).isEqualTo("c-1");
        assertThat(event.errorCode()).isEqualTo(50053);
        assertThat(event.failureReason()).contains("malicious activity");
        assertThat(event.createdDateTime()).as("a timestamp without a zone is UTC")
                .isEqualTo(Instant.parse("2025-01-15T08:15:23.123456789Z"));
    }

    @Test
    void zonelessTimestampWithMillisecondsIsUtc() throws Exception {
        assertThat(LenientTimestamps.parse("2025-01-15 08:15:23.456")).isEqualTo(Instant.parse("2025-01-15T08:15:23.456Z"));
    }

    @Test
    void resultTypeAsAWordTakesTheCodeFromStatusOrResultSignature() {
        SignInEvent success = single("""
                {"time":"2025-01-15T08:15:23Z","category":"SignInLogs","resultType":"Success",
                 "properties":{"id":"w1","userPrincipalName":"a@contoso.com"}}
                """);
        SignInEvent failureInStatus = single("""
                {"time":"2025-01-15T08:15:23Z","category":"SignInLogs","resultType":"Failure",
                 "properties":{"id":"w2","status":{"errorCode":50126,"failureReason":"Invalid username or password."}}}
                """);
        SignInEvent failureInSignature = single("""
                {"time":"2025-01-15T08:15:23Z","category":"SignInLogs","resultType":"Failure","resultSignature":"50053",
                 "properties":{"id":"w3"}}
                """);
        SignInEvent failureInDescription = single("""
                {"time":"2025-01-15T08:15:23Z","category":"SignInLogs","resultType":"Failure","resultSignature":"None",
                 "resultDescription":"AADSTS50057: The user account is disabled.","properties":{"id":"w4"}}
                """);
        SignInEvent failureWithoutCode = single("""
                {"time":"2025-01-15T08:15:23Z","category":"SignInLogs","resultType":"failure","properties":{"id":"w5"}}
                """);

        assertThat(List.of(success, failureInStatus, failureInSignature, failureInDescription, failureWithoutCode))
                .extracting(SignInEvent::errorCode)
                .containsExactly(0, 50126, 50053, 50057, SignInEssentials.UNKNOWN_FAILURE_CODE);
    }

    @Test
    void aRecordWithNoTimeOrNoOutcomeAnywhereIsRefusedWithoutQuotingIt() {
        String noTime = refusal("""
                {"category":"SignInLogs","resultType":"0","properties":{"id":"n1","userPrincipalName":"victim@contoso.com"}}
                """);
        String noOutcome = refusal("""
                {"time":"2025-01-15T08:15:23Z","category":"SignInLogs",
                 "properties":{"id":"n2","userPrincipalName":"victim@contoso.com"}}
                """);

        String blankOutcome = refusal("""
                {"time":"2025-01-15T08:15:23Z","category":"SignInLogs","resultType":"  ",
                 "properties":{"id":"n3","userPrincipalName":"victim@contoso.com"}}
                """);

        assertThat(noTime).contains("no time").doesNotContain("victim");
        assertThat(noOutcome).contains("no outcome").doesNotContain("victim");
        assertThat(blankOutcome).as("a blank resultType, found by DecoderFuzzTest").contains("no outcome");
    }
}
