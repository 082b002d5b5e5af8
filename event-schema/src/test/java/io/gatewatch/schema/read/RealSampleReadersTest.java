package io.gatewatch.schema.read;

import static io.gatewatch.schema.read.TestInputs.failures;
import static io.gatewatch.schema.read.TestInputs.readResource;
import static io.gatewatch.schema.read.TestInputs.reads;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.schema.SignInEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readers on real exported records (see src/test/resources/samples/README.md for sources). */
class RealSampleReadersTest {

    @Test
    void azureMonitorRecordFromMicrosoftDocs() {
        List<ReadResult> results = readResource("azure-monitor-signin-example.json");

        assertThat(failures(results)).isEmpty();
        assertThat(reads(results)).hasSize(1);
        SignInEvent event = (SignInEvent) reads(results).get(0).event();
        assertThat(event.id()).isEqualTo("0231f922-93fa-4005-bb11-b344eca03c01");
        assertThat(event.sourceFormat()).isEqualTo("azure-monitor");
        assertThat(event.logCategory()).isEqualTo("SignInLogs");
        assertThat(event.tenantId()).as("the envelope's tenantId wins").isEqualTo("<TENANT ID>");
        assertThat(event.errorCode()).isEqualTo(50140);
        assertThat(event.createdDateTime()).isEqualTo(Instant.parse("2019-03-12T16:02:15.5522137Z"));
        assertThat(event.correlationId()).as("the sign-in's own correlationId, not the envelope's")
                .isEqualTo("bbbb1111-cc22-3333-44dd-555555eeeeee");
        assertThat(event.location().city()).isEqualTo("Bellevue");
        assertThat(event.location().latitude()).isEqualTo(45.0);
        assertThat(event.deviceDetail().browser()).isEqualTo("Chrome 72.0.3626");
        assertThat(event.appliedConditionalAccessPolicies()).hasSize(5);
        assertThat(event.authenticationDetails()).hasSize(2);
        assertThat(event.isInteractive()).isTrue();
        assertThat(event.resourceTenantId()).isEqualTo("72f988bf-86f1-41af-91ab-2d7cd011db47");
    }

    @Test
    void eventHubsEnvelopeIsSplitIntoItsRecords() {
        List<ReadResult> results = readResource("eventhub-envelope-example.constructed.json");

        assertThat(failures(results)).isEmpty();
        assertThat(reads(results)).singleElement()
                .satisfies(read -> assertThat(read.event().id()).isEqualTo("0231f922-93fa-4005-bb11-b344eca03c01"));
    }

    @Test
    void logAnalyticsCsvExportWithDynamicColumnPairs() {
        List<ReadResult> results = readResource("sentinel-training-lab_sign-in_adelete_excerpt.csv");

        assertThat(failures(results)).isEmpty();
        List<SignInEvent> events = reads(results).stream().map(r -> (SignInEvent) r.event()).toList();
        assertThat(events).extracting(SignInEvent::errorCode).containsExactly(0, 16000, 50058);
        SignInEvent first = events.get(0);
        assertThat(first.tenantId()).as("AADTenantId, not the workspace TenantId")
                .isEqualTo("2ad3fc79-1859-42fa-9011-6f8df2251b22");
        assertThat(first.resourceId()).as("ResourceIdentity, not the ARM path")
                .isEqualTo("797f4846-ba00-4fd7-ba43-dac1f8f63013");
        assertThat(first.createdDateTime()).isEqualTo(Instant.parse("2021-04-28T14:08:45.221Z"));
        assertThat(first.sourceFormat()).isEqualTo("log-analytics-csv");
        assertThat(first.isInteractive()).isTrue();
        assertThat(first.location().city()).isEqualTo("Azor");
        assertThat(first.deviceDetail().browser()).isEqualTo("Edge 90.0.818");
        assertThat(first.authenticationDetails()).isNotEmpty();
        assertThat(events.get(1).failureReason()).isEqualTo("Other");
        assertThat(results).extracting(ReadResult::position).containsExactly("row 1", "row 2", "row 3");
    }
}
