package io.gatewatch.app.topology;

import static io.gatewatch.app.topology.TestEvents.T0;
import static io.gatewatch.app.topology.TestEvents.azureRecord;
import static io.gatewatch.app.topology.TestEvents.envelope;
import static io.gatewatch.app.topology.TestEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.logging.LogCapture;
import io.gatewatch.schema.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Input the topology cannot use as it is: unreadable records and events stamped far ahead go to
 * the dead-letter topic with their reason, records without a tenant take {@code default.tenant},
 * what no deserializer reads is skipped — and in every case the stream goes on, and no line any
 * logger writes (at the shipped levels, rendered by the shipped layout with its exceptions) quotes
 * a user, an address or the payload.
 */
class TopologyBadInputTest {

    /** A payload's own text: a line quoting the record would carry it. */
    private static final String PAYLOAD = "\"userPrincipalName\":\"";

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithHeadersAndTheStreamGoesOn() {
        try (LogCapture logs = LogCapture.allAtShippedLevels(); TopologyFixture f = new TopologyFixture()) {
            f.signIn("{\"id\":\"broken\",\"userPrincipalName\":\"victim@x.com\",\"ipAddress\":\"198.51.100.66\"");
            f.signIn(envelope(azureRecord("ok", "t1", "u@x.com", 50053, T0), "{\"properties\":{\"id\":\"bad\"},\"category\":\"SignInLogs\"}"));
            f.signIn("{\"id\":\"g\",\"createdDateTime\":\"" + T0 + "\",\"status\":{\"errorCode\":0}}");

            List<TestRecord<byte[], byte[]>> dead = f.deadLetters.readRecordsToList();
            assertThat(dead).hasSize(3);
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).startsWith("{\"id\":\"broken\"");
            assertThat(header(dead.get(0), DeadLetterHeaders.EXCEPTION)).isEqualTo("UnreadableRecord");
            assertThat(header(dead.get(0), DeadLetterHeaders.MESSAGE)).contains("truncated JSON").doesNotContain("victim");
            assertThat(header(dead.get(0), DeadLetterHeaders.TOPIC)).isEqualTo("signin-events");
            assertThat(header(dead.get(0), DeadLetterHeaders.PARTITION)).isEqualTo("0");
            assertThat(header(dead.get(0), DeadLetterHeaders.OFFSET)).isEqualTo("0");
            assertThat(header(dead.get(1), DeadLetterHeaders.MESSAGE)).contains("record 2").contains("no time");
            assertThat(header(dead.get(2), DeadLetterHeaders.EXCEPTION)).isEqualTo("MissingTenant");
            assertThat(f.alerts.readValuesToList()).extracting(Alert::rule).containsExactly("ACCOUNT_LOCKOUT");
            assertThat(f.registry.get("gatewatch.ingest.unreadable").tag("error", "UnreadableRecord").counter().count())
                    .isEqualTo(2.0);
            assertThat(logs.lines()).as("log lines").anyMatch(line -> line.contains("truncated JSON"));
            assertNoLineQuotes(logs, "victim", "198.51.100.66", "u@x.com", PAYLOAD, "SignInLogs");
        }
    }

    /**
     * What slips past the topology's own routing (here an org-directory record no deserializer
     * reads) meets the built-in log-and-continue handlers: skipped, and the stream goes on.
     */
    @Test
    void aRecordNoDeserializerReadsIsSkippedAndTheStreamGoesOn() {
        try (LogCapture logs = LogCapture.allAtShippedLevels(); TopologyFixture f = new TopologyFixture()) {
            var rawOrgs = f.driver.createInputTopic(f.config.topics().dynamicsOrgs().name(), new ByteArraySerializer(),
                    new ByteArraySerializer());
            rawOrgs.pipeInput("contoso".getBytes(StandardCharsets.UTF_8), "{\"orgName\":\"victim-org".getBytes(StandardCharsets.UTF_8));
            f.signIn(signIn("after", "t1", "u@x.com", 50053, T0));

            assertThat(f.alerts.readValuesToList()).extracting(Alert::rule).containsExactly("ACCOUNT_LOCKOUT");
            assertThat(logs.lines()).as("log lines")
                    .anyMatch(line -> line.contains("Deserialization") && line.contains("dynamics-orgs"));
            assertThat(logs.written()).as("lines written, with the handler's exception")
                    .anyMatch(line -> line.contains("SerializationException") || line.contains("JsonEOFException"));
            assertNoLineQuotes(logs, "victim", "orgName", "contoso", "u@x.com", "203.0.113.7", PAYLOAD);
        }
    }

    /** Graph v1.0 records carry no tenant: {@code default.tenant} names one, instead of the dead-letter topic. */
    @Test
    void recordsWithoutATenantTakeTheDefaultTenant() {
        try (LogCapture logs = LogCapture.allAtShippedLevels();
             TopologyFixture f = new TopologyFixture(Map.of("default.tenant", "fallback-tenant"))) {
            f.signIn("{\"id\":\"g\",\"createdDateTime\":\"" + T0 + "\",\"userPrincipalName\":\"a@x.com\","
                    + "\"ipAddress\":\"198.51.100.67\",\"status\":{\"errorCode\":50053}}");
            assertThat(f.deadLetters.isEmpty()).isTrue();
            assertThat(f.alerts.readValuesToList()).extracting(Alert::tenantId).containsExactly("fallback-tenant");
            assertNoLineQuotes(logs, "a@x.com", "198.51.100.67", PAYLOAD);
        }
    }

    @Test
    void anEventStampedFarInTheFutureIsDeadLetteredInsteadOfStoppingTheTask() {
        try (LogCapture logs = LogCapture.allAtShippedLevels();
             TopologyFixture f = new TopologyFixture(Map.of("event.max-future", "PT15M"))) {
            f.signIn(azureRecord("ahead", "t1", "skewed@x.com", 50053, TopologyFixture.WALL_CLOCK.plus(Duration.ofHours(2))));
            f.signIn(azureRecord("fine", "t1", "u@x.com", 50053, TopologyFixture.WALL_CLOCK.plus(Duration.ofMinutes(5))));

            List<TestRecord<byte[], byte[]>> dead = f.deadLetters.readRecordsToList();
            assertThat(dead).hasSize(1);
            assertThat(header(dead.get(0), DeadLetterHeaders.EXCEPTION)).isEqualTo("EventTimeInFuture");
            assertThat(header(dead.get(0), DeadLetterHeaders.MESSAGE)).contains("120 min ahead").doesNotContain("skewed");
            assertThat(f.alerts.readValuesToList()).extracting(a -> a.entity().value()).containsExactly("u@x.com");
            assertNoLineQuotes(logs, "skewed", "u@x.com", PAYLOAD);
        }
    }

    /** Every line written so far, as the shipped layout renders it with its exceptions, names none of {@code planted}. */
    private static void assertNoLineQuotes(LogCapture logs, String... planted) {
        assertThat(logs.written()).as("lines written by any logger").allSatisfy(line -> assertThat(line)
                .doesNotContain(planted));
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
