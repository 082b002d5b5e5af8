package io.gatewatch.cli.demo;

import io.gatewatch.app.api.AccessTokens;
import io.gatewatch.app.api.ApiServer;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.config.Topic;
import io.gatewatch.app.runtime.GatewatchApp;
import io.gatewatch.generator.demo.DemoTraffic;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.kafka.EmbeddedKafkaBroker;
import io.gatewatch.kafka.TempDirectories;
import io.gatewatch.schema.DynamicsOrg;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The live demo: a real Kafka broker in-process, the streams app with exactly-once, demo traffic
 * with an attack every half minute, and a console printing alerts and per-minute tenant summaries.
 * {@link #close()} stops them in reverse order.
 */
public final class LiveDemo implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final GatewatchApp app;
    private final TrafficLoop traffic;
    private final DemoConsole console;
    private final Thread consoleThread;
    private final Path stateDir;
    private final ApiServer api;
    private final String dashboard;

    private LiveDemo(EmbeddedKafkaBroker broker, GatewatchApp app, ApiServer api, String dashboard, TrafficLoop traffic,
                     DemoConsole console, Path stateDir) {
        this.stateDir = stateDir;
        this.api = api;
        this.dashboard = dashboard;
        this.broker = broker;
        this.app = app;
        this.traffic = traffic;
        this.console = console;
        this.consoleThread = new Thread(console, "demo-console");
        consoleThread.start();
    }

    /** @param httpPort the dashboard and API's port; 0 takes any free one */
    public static LiveDemo start(int eventsPerSecond, int tenants, int httpPort, PrintWriter out, MeterRegistry registry)
            throws IOException, InterruptedException {
        out.println("Starting an embedded Kafka broker (KRaft, single node)...");
        out.flush();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        Path stateDir = Files.createTempDirectory("gatewatch-demo-state-");
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", broker.bootstrapServers());
        values.put("application.id", "gatewatch-demo");
        values.put("topic.partitions", "2");
        // demo traffic is produced live and in order, so a short grace shows summaries promptly
        values.put("window.grace", "PT10S");
        values.put("state.dir", stateDir.toString());
        GatewatchConfig config = ConfigLoader.build(values);
        out.println("Starting the Gatewatch streams app (exactly-once) on " + broker.bootstrapServers() + "...");
        out.flush();
        GatewatchApp app = GatewatchApp.start(config, registry);
        app.awaitRunning(Duration.ofSeconds(60));
        publishOrgs(config);
        String token = DemoToken.generate();
        Path tokens = stateDir.resolve("api-tokens");
        Files.writeString(tokens, AccessTokens.fileLine(token, "*") + "\n");
        ApiServer api = ApiServer.start(config, httpPort, app.streams(), AccessTokens.load(tokens),
                registry instanceof PrometheusMeterRegistry prometheus ? prometheus : null);
        String dashboard = "http://127.0.0.1:" + api.port() + "/#token=" + token;
        SyntheticDirectory directory = SyntheticDirectory.generate(7, tenants, 40 * tenants);
        DemoTraffic demoTraffic = new DemoTraffic(directory, 7, eventsPerSecond, 30);
        DemoConsole console = new DemoConsole(config, out, tenantLabels(directory));
        out.println("Sending " + eventsPerSecond + " sign-ins/s across " + tenants
                + " tenants, an attack every 30 s. Alerts and per-minute tenant summaries follow; Ctrl-C stops.");
        out.println("Dashboard: " + dashboard);
        out.flush();
        return new LiveDemo(broker, app, api, dashboard, new TrafficLoop(config, demoTraffic), console, stateDir);
    }

    /** The dashboard's address with a fresh admin token in the fragment (never sent to the server). */
    public String dashboard() {
        return dashboard;
    }

    private static void publishOrgs(GatewatchConfig config) {
        Topic<String, DynamicsOrg> orgs = config.topics().dynamicsOrgs();
        try (KafkaProducer<String, DynamicsOrg> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", config.bootstrapServers()), orgs.keySerde().serializer(),
                orgs.valueSerde().serializer())) {
            for (String[] org : DemoTraffic.orgs()) {
                producer.send(new ProducerRecord<>(orgs.name(), org[0],
                        new DynamicsOrg(org[0], null, org[1])));
            }
        }
    }

    private static Function<String, String> tenantLabels(SyntheticDirectory directory) {
        Map<String, String> labels = new HashMap<>();
        for (int t = 0; t < directory.tenantCount(); t++) {
            String upn = directory.users(t).get(0).userPrincipalName();
            labels.put(directory.tenantId(t), upn.substring(upn.indexOf('@') + 1));
        }
        return tenant -> labels.getOrDefault(tenant, tenant);
    }

    @Override
    public void close() throws InterruptedException {
        traffic.close();
        console.close();
        consoleThread.join(5_000);
        api.close();
        app.close();
        broker.close();
        TempDirectories.deleteQuietly(stateDir);
    }
}
