package io.gatewatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.serde.GatewatchSerdes;
import io.gatewatch.generator.demo.PlantedScenario;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.TenantAggregate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What Gatewatch made of a mirrored hub ({@link EntraHubExport}), read from its output topics:
 * every sign-in classified once, each tenant's totals exact, every planted attack alerted.
 */
final class MirroredOutputChecks {

    private MirroredOutputChecks() {
    }

    static void assertClassifiedOnce(GatewatchConfig config, Set<String> ids, SimpleMeterRegistry registry) {
        try (TopicReader<String, ClassifiedEvent> classified = new TopicReader<>(config.bootstrapServers(),
                config.topics().classified().name(), new StringDeserializer(), GatewatchSerdes.CLASSIFIED.deserializer())) {
            classified.readUntil(read -> read.size() >= ids.size(), Duration.ofMinutes(4));
            List<ConsumerRecord<String, ClassifiedEvent>> all = classified.readMore(Duration.ofSeconds(3));
            List<String> classifiedIds = all.stream().map(r -> r.value().event().id()).toList();
            assertThat(classifiedIds).as("every sign-in classified exactly once; %s", AggregateTotals.dropped(registry))
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    /**
     * {@code signin-aggregates} read as the upsert it is: per tenant, the windows' totals add up to the
     * distinct sign-ins Entra wrote, though the restarted mirror delivered some twice. The windows close
     * when stream time passes their end and the grace: a later sign-in per tenant (written to
     * {@code signin-events} directly, after the other checks) moves every tenant's task past them.
     */
    static void assertTotalsExact(GatewatchConfig config, EntraHubExport input, SimpleMeterRegistry registry) {
        Instant closing = input.end().plus(config.grace()).plus(Duration.ofMinutes(5));
        List<byte[]> ticks = input.signInsPerTenant().keySet().stream()
                .map(tenant -> TestInput.signIn("tick-" + tenant, tenant, "tick@example.com", 0, closing)).toList();
        TestInput.produce(config.bootstrapServers(), config.topics().signinEvents().name(), ticks);
        try (TopicReader<String, TenantAggregate> aggregates = new TopicReader<>(config.bootstrapServers(),
                config.topics().aggregates().name(), new StringDeserializer(), GatewatchSerdes.AGGREGATE.deserializer())) {
            List<ConsumerRecord<String, TenantAggregate>> windows = aggregates.readUntil(
                    read -> AggregateTotals.perTenant(read).equals(input.signInsPerTenant()), Duration.ofMinutes(2));
            windows = aggregates.readMore(Duration.ofSeconds(3));
            assertThat(AggregateTotals.perTenant(windows)).as("per-tenant totals across the mirror's restart; %s",
                    AggregateTotals.dropped(registry)).isEqualTo(input.signInsPerTenant());
        }
    }

    static void assertPlantedAlertsRaised(GatewatchConfig config, EntraHubExport input) {
        // the attacks on sign-ins alone (Dynamics requests are another input, not in Entra's export),
        // planted early enough to have run their course within the event time
        Instant settled = input.end().minus(Duration.ofMinutes(16));
        List<PlantedScenario> expected = input.planted().stream().filter(p -> p.at().isBefore(settled))
                .filter(p -> p.expectedRules().stream().noneMatch(rule -> rule.startsWith("DYNAMICS"))).toList();
        assertThat(expected).as("planted attacks to check").hasSizeGreaterThan(20);
        try (TopicReader<String, Alert> alerts = new TopicReader<>(config.bootstrapServers(),
                config.topics().alerts().name(), new StringDeserializer(), GatewatchSerdes.ALERT.deserializer())) {
            List<ConsumerRecord<String, Alert>> raised = alerts.readUntil(read -> silent(expected, read).isEmpty(),
                    Duration.ofMinutes(2));
            assertThat(silent(expected, raised)).as("planted attacks that raised less than they should").isEmpty();
        }
    }

    private static List<String> silent(List<PlantedScenario> planted, List<ConsumerRecord<String, Alert>> raised) {
        return planted.stream().filter(p -> p.expectedRules().stream().anyMatch(rule -> raised.stream()
                        .map(ConsumerRecord::value).noneMatch(a -> a.rule().equals(rule)
                                && p.explains(a.rule(), a.tenantId(), a.entity(), a.lastSeen()))))
                .map(p -> p.scenario() + " at " + p.at()).toList();
    }
}
