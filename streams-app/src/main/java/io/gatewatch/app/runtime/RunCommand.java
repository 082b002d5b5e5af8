package io.gatewatch.app.runtime;

import io.gatewatch.app.api.AccessTokens;
import io.gatewatch.app.api.ApiServer;
import io.gatewatch.app.config.ConfigCheck;
import io.gatewatch.app.config.ConfigLayers;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.InvalidConfigException;
import io.gatewatch.app.config.GatewatchConfig;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gatewatch run}: the streams app against a configured cluster until SIGTERM. Also the
 * deployable's own entry point ({@code java -cp streams-app.jar:lib/* io.gatewatch.app.runtime.RunCommand}),
 * so a production image needs neither the launcher nor its generator and embedded broker.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the streams app against a Kafka cluster (config: defaults < --config file < environment).")
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @CommandLine.Mixin
    ConfigFileOption configFile;

    @Option(names = "--check", description = "Print the effective configuration (every key, where its value came from, "
            + "secrets masked) and exit without starting: 0 when sound, 2 on a bad value, an unknown key or a GATEWATCH_ "
            + "variable that names no key. No broker needed.")
    boolean check;

    @Option(names = "--list-topics", description = "Print every topic this configuration needs on its cluster, with "
            + "partitions and cleanup policy: Gatewatch's own and the changelog and repartition topics Kafka Streams "
            + "creates (to pre-create them where topics.create=false), and exit without starting. Inputs that exist "
            + "on the cluster size the internal topics; without a broker, every topic is at topic.partitions.")
    boolean listTopics;

    @Option(names = "--metrics-port", defaultValue = "9404",
            description = "Port for Prometheus metrics at /metrics; 0 turns it off (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    /** How long {@code --list-topics} asks the cluster for the inputs that exist. */
    private static final Duration LIST_TOPICS_WAIT = Duration.ofSeconds(5);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(OneLineErrors.install(new CommandLine(new RunCommand())).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        CommandLine commandLine = spec.commandLine();
        ConfigLayers layers = configFile.read(commandLine);
        if (check) {
            return ConfigReport.print(layers, commandLine.getOut(), commandLine.getErr());
        }
        GatewatchConfig config;
        try {
            config = ConfigLoader.build(layers);
        } catch (InvalidConfigException e) {
            // every bad value at once, each naming its key and source, before any broker is contacted
            e.problems().forEach(problem -> commandLine.getErr().println("gatewatch: invalid configuration: " + problem.message()));
            commandLine.getErr().flush();
            return commandLine.getCommandSpec().exitCodeOnInvalidInput();
        }
        if (listTopics) {
            // sized from the inputs that exist (an Event Hubs hub's partitions), else as Gatewatch would create them
            Optional<Map<String, Integer>> existing = TopicList.existing(config, LIST_TOPICS_WAIT);
            if (existing.isEmpty()) {
                commandLine.getErr().println("No broker answered at bootstrap.servers within "
                        + LIST_TOPICS_WAIT.toSeconds() + " s: every topic is listed at topic.partitions ("
                        + config.partitions() + "); where an input exists already, its partitions size the internal topics");
                commandLine.getErr().flush();
            }
            TopicList.lines(config, existing.orElse(Map.of())).forEach(commandLine.getOut()::println);
            commandLine.getOut().flush();
            return 0;
        }
        ConfigCheck.unknownKeys(layers).forEach(problem ->
                LOG.warn("{}; passed to the Kafka clients as it is ('gatewatch config' lists every key)", problem.message()));
        AccessTokens tokens = config.api().httpPort() == 0 ? null : tokens(commandLine, config);
        LOG.info("Effective configuration:\n{}", ConfigPrinter.describe(config));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // heap, GC, threads and CPU beside the stream metrics: state size shows up in the heap first
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        try {
            BrokerWait.await(config);
        } catch (BrokerWait.BrokerUnavailableException e) {
            LOG.error(e.getMessage());
            return 1;
        }
        LOG.info("Topics on the cluster (run --list-topics prints them alone):\n{}",
                String.join("\n", TopicList.lines(config, TopicList.existing(config, LIST_TOPICS_WAIT).orElse(Map.of()))));
        CountDownLatch stopped = new CountDownLatch(1);
        try (MetricsEndpoint metrics = MetricsEndpoint.start(metricsPort, registry);
             GatewatchApp app = GatewatchApp.start(config, registry);
             ApiServer api = config.api().httpPort() == 0 ? null
                     : ApiServer.start(config, app.streams(), tokens, registry)) {
            Thread onSigterm = new Thread(() -> {
                LOG.info("SIGTERM: shutting down");
                app.close();
                stopped.countDown();
            }, "gatewatch-shutdown");
            Runtime.getRuntime().addShutdownHook(onSigterm);
            // a supervisor restarts what exits: an instance stopped in ERROR must not stay up doing nothing
            while (!stopped.await(1, TimeUnit.SECONDS)) {
                String failure = app.failure();
                if (failure != null) {
                    app.awaitStopped(Duration.ofSeconds(30)); // the last line is this one, naming the state it stopped in
                    LOG.error("{}; exiting with 1", app.failure());
                    Runtime.getRuntime().removeShutdownHook(onSigterm); // this exit is no SIGTERM; the app closes below
                    return 1;
                }
            }
        } catch (TopicProvisioner.TopicsRefusedException e) {
            LOG.error(e.getMessage());
            return 1;
        }
        return 0;
    }

    /**
     * The API's tokens, re-read when the file changes; without a tokens file or an OpenID Connect
     * issuer the API refuses every request, and says so once. A file that cannot be read is a
     * one-line usage error before any broker.
     */
    private static AccessTokens tokens(CommandLine commandLine, GatewatchConfig config) {
        Path file = config.api().tokensFile();
        if (file == null) {
            if (config.api().oidc() == null) {
                LOG.warn("Neither api.tokens.file nor api.oidc.issuer: the API answers 401 to every request"
                        + " (the dashboard loads but shows nothing)");
            }
            return AccessTokens.none();
        }
        ReadableFile.require(commandLine, file, "api.tokens.file");
        try {
            return AccessTokens.watch(file);
        } catch (IOException e) {
            throw new UsageError(commandLine, "api.tokens.file " + e.getMessage()); // names the line, never its content
        }
    }
}
