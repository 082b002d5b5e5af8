package io.gatewatch.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.gatewatch.aggregate.Dimension;
import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.topology.GatewatchTopology;
import io.gatewatch.app.topology.StreamsSettings;
import io.gatewatch.classify.ClassificationData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's drill-down ({@code /breakdown?by=user&where=app:...}) and its default range over
 * the real topology's stores: an app's failing users, each with its failures, equal an independent
 * count, other apps' users left out; and "the last 6 hours" of a fresh tenant, whose minutes are
 * still open and so not yet in the hour roll-ups, is answered from the minutes.
 */
class FailingUsersTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> signIns;
    private GatewatchConfig config;
    private int sequence;

    @BeforeEach
    void start() {
        Map<String, String> values = new HashMap<>();
        values.put("application.id", "failing-users-test");
        values.put("bootstrap.servers", "unused:9092");
        values.put("processing.guarantee", "at_least_once");
        values.put("window.grace", "PT30S");
        values.put("event.max-future", "P3650D");
        config = ConfigLoader.build(values);
        driver = new TopologyTestDriver(GatewatchTopology.build(config, ClassificationData.defaults(),
                new SimpleMeterRegistry()), StreamsSettings.of(config), Instant.parse("2025-11-14T00:00:00Z"));
        signIns = driver.createInputTopic(config.topics().signinEvents().name(), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void anAppsFailingUsersEqualAnIndependentCount() {
        Map<String, Long> teamsFailures = new HashMap<>();
        for (int i = 0; i < 120; i++) {
            String app = i % 3 == 0 ? "Teams" : "Outlook";
            String user = "user" + i % 5 + "@contoso.com";
            int code = i % 2 == 0 ? 50126 : 0;
            signIn(app, user, code, START.plusSeconds(i * 30L));
            if (app.equals("Teams") && code != 0) {
                teamsFailures.merge(user, 1L, Long::sum);
            }
        }
        Instant end = START.plus(Duration.ofHours(1));
        ApiViews.Breakdown users = answers(end).failingUsers("t1", Dimension.APP, "Teams", START, end, 20);

        Map<String, Long> listed = new HashMap<>();
        users.rows().forEach(row -> listed.put(row.value(), row.failures()));
        assertThat(listed).isEqualTo(teamsFailures);
        assertThat(users.rows()).allSatisfy(row -> assertThat(row.failuresError()).isZero());
        assertThat(users.where()).isEqualTo("app:Teams");
        assertThat(users.by()).isEqualTo("user");
        assertThat(users.approximate()).isFalse();
        assertThat(answers(end).failingUsers("t1", Dimension.APP, "Yammer", START, end, 20).rows())
                .as("an app nobody failed on").isEmpty();
        ApiViews.Breakdown codes = answers(end).failingUsers("t1", Dimension.ERROR_CODE, "50126", START, end, 2);
        assertThat(codes.rows()).as("the limit holds").hasSize(2);
    }

    @Test
    void theLastSixHoursOfAFreshTenantComeFromItsOpenMinutes() {
        for (int i = 0; i < 6; i++) {
            signIn("Outlook", "fresh" + i + "@contoso.com", 50053, START.plusSeconds(i * 10L));
        }
        Instant now = START.plusSeconds(70); // the minute is open: nothing has reached the hour roll-up yet
        // as a browser asks: its clock a few seconds behind the server's makes the range a little longer than 6 h
        ApiViews.Breakdown lastSixHours = answers(now).breakdown("t1", Dimension.APP,
                now.minus(Duration.ofHours(6)).minusSeconds(5), now, 10, false);
        assertThat(lastSixHours.rows()).extracting(ApiViews.BreakdownRow::value, ApiViews.BreakdownRow::failures)
                .containsExactly(tuple("Outlook", 6L));
        assertThat(lastSixHours.from()).as("starts at the oldest minute kept")
                .isEqualTo(now.minus(config.aggregateRetention()).plusSeconds(50));
        assertThat(answers(now).failingUsers("t1", Dimension.APP, "Outlook", now.minus(Duration.ofHours(6)), now, 10)
                .rows()).hasSize(6);
        assertThat(answers(now).breakdown("t1", Dimension.APP, now.minus(Duration.ofHours(24)), now, 10, false).rows())
                .as("a day comes from the hours, which hold closed minutes only").isEmpty();
    }

    private BreakdownAnswers answers(Instant now) {
        ReadOnlyWindowStore<String, TenantWindowCounts> minutes = driver.getWindowStore(GatewatchTopology.AGGREGATE_STORE);
        ReadOnlyWindowStore<String, TenantWindowCounts> hours = driver.getWindowStore(GatewatchTopology.HOURS_STORE);
        ReadOnlyWindowStore<String, TenantWindowCounts> days = driver.getWindowStore(GatewatchTopology.DAYS_STORE);
        Map<String, ReadOnlyWindowStore<String, TenantWindowCounts>> stores = Map.of(GatewatchTopology.AGGREGATE_STORE,
                minutes, GatewatchTopology.HOURS_STORE, hours, GatewatchTopology.DAYS_STORE, days);
        return new BreakdownAnswers(new BreakdownQuery(stores::get, config.windowSize(), config.aggregateRetention(),
                config.api().hourRetention(), Clock.fixed(now, ZoneOffset.UTC)), config.api().tenantNames());
    }

    private void signIn(String app, String user, int code, Instant time) {
        String json = "{\"id\":\"e" + sequence++ + "\",\"createdDateTime\":\"" + time + "\",\"resourceTenantId\":\"t1\","
                + "\"userPrincipalName\":\"" + user + "\",\"ipAddress\":\"203.0.113.7\",\"appDisplayName\":\"" + app
                + "\",\"location\":{\"city\":\"Paris\",\"countryOrRegion\":\"FR\"},\"status\":{\"errorCode\":" + code + "}}";
        signIns.pipeInput(null, json.getBytes(StandardCharsets.UTF_8));
    }
}
