package io.gatewatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.api.AccessTokens;
import io.gatewatch.app.api.ApiServer;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.runtime.GatewatchApp;
import io.gatewatch.kafka.EmbeddedKafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * An admin who opens the dashboard before the first sign-in has arrived (a new deployment, a quiet
 * tenant at night) sees "No sign-ins yet." and, without reloading, the tenant once its first
 * sign-in is processed: the page keeps asking while it has no tenant to show.
 */
class DashboardBeforeFirstSignInIT {

    private static final String TENANT = "0b6f6c2e-5f43-4a57-9b9e-2d1f5e2c9a10";

    @Test
    void anEmptyDashboardShowsTheFirstTenantWithoutAReload(@TempDir Path stateDir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            GatewatchConfig config = ConfigLoader.build(Map.of("bootstrap.servers", broker.bootstrapServers(),
                    "application.id", "dashboard-empty-it", "topic.partitions", "1", "state.dir", stateDir.toString()));
            String token = "dashboard-empty-it-token-0123456789";
            Path tokens = Files.writeString(stateDir.resolve("api-tokens"), AccessTokens.fileLine(token, "*") + "\n");
            try (GatewatchApp app = GatewatchApp.start(config, new SimpleMeterRegistry());
                 ApiServer api = ApiServer.start(config, "127.0.0.1", 0, app.streams(), AccessTokens.load(tokens), null)) {
                assertThat(app.awaitRunning(Duration.ofSeconds(60))).as("streams RUNNING").isTrue();
                try (DashboardBrowser browser = DashboardBrowser.at(
                        "http://127.0.0.1:" + api.port() + "/#token=" + token, 1280, 900, null)) {
                    browser.waitUntil(Duration.ofSeconds(30),
                            b -> b.findElement(By.id("status")).getText().equals("No sign-ins yet."));

                    produceOneSignIn(broker.bootstrapServers(), config.topics().signinEvents().name());

                    browser.waitUntil(Duration.ofSeconds(60),
                            b -> !b.findElements(By.cssSelector("#tenant option[value='" + TENANT + "']")).isEmpty());
                    assertThat(browser.driver.findElement(By.id("status")).getText()).as("status")
                            .isNotEqualTo("No sign-ins yet.");
                }
            }
        }
    }

    private static void produceOneSignIn(String bootstrap, String topic) {
        Instant now = Instant.now();
        String signIn = "{\"time\":\"" + now + "\",\"category\":\"SignInLogs\",\"tenantId\":\"" + TENANT
                + "\",\"resultType\":\"50126\",\"properties\":{\"id\":\"first-sign-in\",\"createdDateTime\":\"" + now
                + "\",\"userPrincipalName\":\"first@contoso.example\",\"ipAddress\":\"203.0.113.7\","
                + "\"status\":{\"errorCode\":50126}}}";
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, signIn.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
