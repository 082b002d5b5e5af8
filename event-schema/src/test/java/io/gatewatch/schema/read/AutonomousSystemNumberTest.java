package io.gatewatch.schema.read;

import static io.gatewatch.schema.read.TestInputs.failures;
import static io.gatewatch.schema.read.TestInputs.readResource;
import static io.gatewatch.schema.read.TestInputs.readText;
import static io.gatewatch.schema.read.TestInputs.reads;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.SignInEvent;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sign-in's autonomous system number, kept from every format under the name each gives it:
 * Graph {@code autonomousSystemNumber} (Int32), Azure Monitor {@code properties.autonomousSystemNumber},
 * the Log Analytics column {@code AutonomousSystemNumber} (a string) and the CSV column of that name.
 */
class AutonomousSystemNumberTest {

    private static SignInEvent single(String text) {
        List<ReadResult> results = readText(text);
        assertThat(failures(results)).isEmpty();
        assertThat(reads(results)).hasSize(1);
        return (SignInEvent) reads(results).get(0).event();
    }

    @Test
    void graphKeepsTheNumber() {
        SignInEvent event = single("""
                {"id":"g1","createdDateTime":"2025-11-14T01:48:53Z","userPrincipalName":"a@contoso.com",
                 "ipAddress":"203.0.113.5","status":{"errorCode":50053},"autonomousSystemNumber":8075}
                """.replace("\n", " "));
        assertThat(event.sourceFormat()).isEqualTo("graph");
        assertThat(event.autonomousSystemNumber()).isEqualTo(8075);
    }

    @Test
    void azureMonitorKeepsItFromProperties() {
        SignInEvent event = single("""
                {"time":"2025-01-15T08:15:23Z","category":"SignInLogs","tenantId":"t1","resultType":"50053",
                 "callerIpAddress":"13.64.151.161","properties":{"id":"am1","userPrincipalName":"a@contoso.com",
                 "status":{"errorCode":50053},"autonomousSystemNumber":12076}}
                """.replace("\n", " "));
        assertThat(event.sourceFormat()).isEqualTo("azure-monitor");
        assertThat(event.autonomousSystemNumber()).isEqualTo(12076);
    }

    /** Panther's test records carry it as a string ({@code "autonomousSystemNumber": "8075"}). */
    @Test
    void azureMonitorAcceptsTheNumberAsAString() {
        SignInEvent event = single("""
                {"time":"2025-01-15T08:15:23Z","category":"SignInLogs","tenantId":"t1","resultType":"50053",
                 "properties":{"id":"am2","status":{"errorCode":50053},"autonomousSystemNumber":"8075"}}
                """.replace("\n", " "));
        assertThat(event.autonomousSystemNumber()).isEqualTo(8075);
    }

    @Test
    void logAnalyticsKeepsTheStringColumn() {
        SignInEvent event = single("""
                {"TenantId":"workspace","AADTenantId":"entra","Type":"SigninLogs",
                 "TimeGenerated":"2025-11-14T01:48:53Z","Id":"la1","UserPrincipalName":"b@contoso.com",
                 "ResultType":"50126","IPAddress":"192.0.2.1","AutonomousSystemNumber":"3320"}
                """.replace("\n", " "));
        assertThat(event.sourceFormat()).isEqualTo("log-analytics");
        assertThat(event.autonomousSystemNumber()).isEqualTo(3320);
    }

    @Test
    void csvExportKeepsTheColumn() {
        SignInEvent event = single("""
                Id,CreatedDateTime [UTC],UserPrincipalName,ResultType,IPAddress,AutonomousSystemNumber
                c1,2025-11-14T01:48:53Z,c@contoso.com,50053,192.0.2.7,8068
                """);
        assertThat(event.sourceFormat()).isEqualTo("log-analytics-csv");
        assertThat(event.autonomousSystemNumber()).isEqualTo(8068);
    }

    @Test
    void missingStaysNullInEveryFormat() {
        assertThat(single("""
                {"id":"g2","createdDateTime":"2025-11-14T01:48:53Z","status":{"errorCode":0}}
                """).autonomousSystemNumber()).isNull();
        assertThat(single("""
                {"Id":"la2","TimeGenerated":"2025-11-14T01:48:53Z","ResultType":"0","AutonomousSystemNumber":""}
                """).autonomousSystemNumber()).as("an empty column").isNull();
        assertThat(single("""
                Id,CreatedDateTime [UTC],ResultType,AutonomousSystemNumber
                c2,2025-11-14T01:48:53Z,0,
                """).autonomousSystemNumber()).as("an empty cell").isNull();
    }

    @Test
    void theRealSamplesKeepWhatTheyCarry() {
        SignInEvent docs = (SignInEvent) reads(readResource("azure-monitor-signin-example.json")).get(0).event();
        assertThat(docs.autonomousSystemNumber()).as("Microsoft's documented record says 8000").isEqualTo(8000);
        List<ReadResult> csv = readResource("sentinel-training-lab_sign-in_adelete_excerpt.csv");
        assertThat(reads(csv)).as("an export from before the column existed").allSatisfy(read ->
                assertThat(((SignInEvent) read.event()).autonomousSystemNumber()).isNull());
    }

    /** The number only serves exceptions: a value that is not one costs the number, never the sign-in. */
    @ParameterizedTest
    @ValueSource(strings = {"\"AS-8075\"", "\"80 75\"", "-1", "1.5", "4294967296", "\"99999999999\"", "true",
            "{\"n\":1}", "[8075]", "null"})
    void aValueThatIsNotAnAsNumberReadsAsNullAndTheSignInIsKept(String value) {
        SignInEvent event = single("""
                {"id":"g3","createdDateTime":"2025-11-14T01:48:53Z","status":{"errorCode":50126},
                 "autonomousSystemNumber":%s}
                """.formatted(value).replace("\n", " "));
        assertThat(event.errorCode()).isEqualTo(50126);
        assertThat(event.autonomousSystemNumber()).isNull();
    }

    @Test
    void theNumberTravelsBetweenStagesAndSurvivesTheTenantFill() throws IOException {
        SignInEvent event = single("""
                {"id":"g4","createdDateTime":"2025-11-14T01:48:53Z","status":{"errorCode":0},"autonomousSystemNumber":8075}
                """);
        for (var mapper : List.of(JsonMappers.internal(), JsonMappers.internalBinary())) {
            InputEvent copy = mapper.readValue(mapper.writeValueAsBytes(event), InputEvent.class);
            assertThat(copy).isEqualTo(event);
        }
        assertThat(event.withTenantId("t2").autonomousSystemNumber()).isEqualTo(8075);
        InputEvent older = JsonMappers.internal().readValue("""
                {"kind":"signIn","id":"g5","createdDateTime":"2025-11-14T01:48:53Z","errorCode":0}
                """, InputEvent.class);
        assertThat(((SignInEvent) older).autonomousSystemNumber()).as("a record written before the field").isNull();
    }
}
