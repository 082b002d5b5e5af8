package io.gatewatch.cli.demo;

import io.gatewatch.app.api.AccessTokens;
import io.gatewatch.app.api.ApiServer;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.config.Topic;
import io.gatewatch.app.runtime.GatewatchApp;
import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.generator.TenantOrgs;
import io.gatewatch.generator.demo.DemoTraffic;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The live demo: a real Kafka broker in-process, the streams app with exactly-once, demo traffic
 * with an attack planted every half minute, and a console printing each planted attack, alerts
 * and per-minute tenant summaries. {@link #close()} stops them in reverse order; a start that
 * fails part way stops what it had started and leaves no directory behind.
 */
public final class LiveDemo implements AutoCloseable {

    /** What a demo run is asked for: rate, tenants, and where the dashboard listens. */
    public record Options(int eventsPerSecond, int tenants, String httpHost, int httpPort) {
    }

    private final Deque<AutoCloseable> parts;
    private final String dashboard;

    private LiveDemo(Deque<AutoCloseable> parts, String dashboard) {
        this.parts = parts;
        this.dashboard = dashboard;
    }

    /**
     * The demo's settings over the defaults: what the test of its traffic runs the rules with too.
     * The demo's tenants keep exception lists for their known clients (printers on SMTP, meeting-room
     * enrolment admins, developers), as real tenants do after the first alert, so the console shows
     * the planted attacks rather than a printer's daily mail.
     */
    public static Map<String, String> settings(String bootstrapServers, Path stateDir, SyntheticDirectory directory) {
        Map<String, String> values = new HashMap<>(BenignTraffic.knownClientExceptions(directory));
        values.put("bootstrap.servers", bootstrapServers);
        values.put("application.id", "gatewatch-demo");
        values.put("topic.partitions", "2");
        // demo traffic is produced live and in order, so a short grace shows summaries promptly
        values.put("window.grace", "PT10S");
        values.put("state.dir", stateDir.toString());
        // the dashboard and API name each tenant by its domain, as tenant.<id>.name does in production
        for (int t = 0; t < directory.tenantCount(); t++) {
            values.put("tenant." + directory.tenantId(t) + ".name", tenantLabels(directory).apply(directory.tenantId(t)));
        }
        return values;
    }

    public static LiveDemo start(Options options, PrintWriter out, MeterRegistry registry)
            throws IOException, InterruptedException {
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        try {
            return start(options, out, registry, parts);
        } catch (IOException | InterruptedException | RuntimeException e) {
            closeAll(parts);
            throw e;
        }
    }

    private static LiveDemo start(Options options, PrintWriter out, MeterRegistry registry, Deque<AutoCloseable> parts)
            throws IOException, InterruptedException {
        DemoTraffic traffic = new DemoTraffic(options.tenants(), 7, options.eventsPerSecond(),
                DemoTraffic.ATTACK_EVERY_SECONDS);
        say(out, "Starting an embedded Kafka broker (KRaft, single node, loopback)...");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        parts.push(broker);
        Path stateDir = Files.createTempDirectory("gatewatch-demo-state-");
        parts.push(() -> TempDirectories.deleteQuietly(stateDir));
        GatewatchConfig config = ConfigLoader.build(settings(broker.bootstrapServers(), stateDir, traffic.directory()));
        say(out, "Starting the Gatewatch streams app (exactly-once)...");
        GatewatchApp app = GatewatchApp.start(config, registry);
        parts.push(app);
        app.awaitRunning(Duration.ofSeconds(60));
        publishOrgs(config, traffic);
        String token = DemoToken.generate();
        Path tokens = stateDir.resolve("api-tokens");
        Files.writeString(tokens, AccessTokens.fileLine(token, "*") + "\n");
        ApiServer api = ApiServer.start(config, options.httpHost(), options.httpPort(), app.streams(),
                AccessTokens.load(tokens), registry instanceof PrometheusMeterRegistry prometheus ? prometheus : null);
        parts.push(api);
        // bound to every interface, the demo is still reached on loopback from this machine
        String host = options.httpHost().equals("0.0.0.0") ? "127.0.0.1" : options.httpHost();
        String dashboard = "http://" + host + ":" + api.port() + "/#token=" + token;
        Function<String, String> labels = tenantLabels(traffic.directory());
        DemoConsole console = new DemoConsole(config, out, labels);
        Thread consoleThread = new Thread(console, "demo-console");
        consoleThread.start();
        parts.push(() -> {
            console.close();
            consoleThread.join(5_000);
        });
        say(out, "Sending " + options.eventsPerSecond() + " sign-ins/s from "
                + String.format(Locale.ROOT, "%,d", traffic.directory().totalUsers()) + " users in "
                + options.tenants() + " tenants (each user signs in about every "
                + DemoTraffic.SIGN_IN_INTERVAL.toMinutes() + " min), an attack planted every "
                + DemoTraffic.ATTACK_EVERY_SECONDS + " s. Tenants:");
        for (int t = 0; t < traffic.directory().tenantCount(); t++) {
            String id = traffic.directory().tenantId(t);
            say(out, "  " + labels.apply(id) + " = " + id);
        }
        say(out, "Each planted attack, each alert and a per-minute summary per tenant follow; Ctrl-C stops.");
        say(out, "Dashboard: " + dashboard);
        parts.push(new TrafficLoop(config, traffic, planted -> out.println(AlertLine.planted(planted, labels))));
        return new LiveDemo(parts, dashboard);
    }

    /** The dashboard's address with a fresh admin token in the fragment (never sent to the server). */
    public String dashboard() {
        return dashboard;
    }

    private static void say(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }

    private static void publishOrgs(GatewatchConfig config, DemoTraffic traffic) {
        Topic<String, DynamicsOrg> orgs = config.topics().dynamicsOrgs();
        try (KafkaProducer<String, DynamicsOrg> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", config.bootstrapServers()), orgs.keySerde().serializer(),
                orgs.valueSerde().serializer())) {
            for (TenantOrgs.Org org : traffic.orgs()) {
                producer.send(new ProducerRecord<>(orgs.name(), org.orgName(),
                        new DynamicsOrg(org.orgName(), org.tenantId(), org.regionHost())));
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
    public void close() {
        closeAll(parts);
    }

    /** Newest first: traffic, console, API, app, state directory, broker; an interrupt is kept for after. */
    private static void closeAll(Deque<AutoCloseable> parts) {
        boolean interrupted = false;
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (Exception e) {
                // keep stopping the rest: a part that fails to stop must not leave the others running
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
