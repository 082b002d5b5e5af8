package io.gatewatch.cli;

import io.gatewatch.app.logging.ConsoleLogging;
import io.gatewatch.app.runtime.UsageError;
import io.gatewatch.cli.demo.LiveDemo;
import io.gatewatch.generator.demo.DemoTraffic;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatewatch demo}: everything on one machine, no Kafka to install. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Embedded Kafka broker + streams app + live traffic with an attack planted every 30 s; "
                + "prints each planted attack, the alerts and per-minute tenant summaries.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--rate", defaultValue = "" + DemoTraffic.DEFAULT_RATE,
            description = "Benign sign-ins per second; the users are scaled to it (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--tenants", defaultValue = "" + DemoTraffic.DEFAULT_TENANTS,
            description = "Tenants in the traffic (default: ${DEFAULT-VALUE}).")
    int tenants;

    @Option(names = "--http-port", defaultValue = "8080", paramLabel = "PORT",
            description = "Port of the dashboard and API; 0 takes any free one (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--http-host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address the dashboard and API listen on; 0.0.0.0 for every interface "
                    + "(default: ${DEFAULT-VALUE}, this machine only).")
    String httpHost;

    @Option(names = "--duration", defaultValue = "0", paramLabel = "SECONDS",
            description = "Stop after this many seconds; 0 runs until Ctrl-C (default).")
    long durationSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (rate < 1 || tenants < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate and --tenants must be at least 1");
        }
        requireFreePort();
        ConsoleLogging.quiet("io.micrometer", "io.javalin", "org.eclipse.jetty"); // the console is the alerts
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        LiveDemo demo = LiveDemo.start(new LiveDemo.Options(rate, tenants, httpHost, httpPort), out,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        Thread hook = new Thread(() -> {
            stop(demo, out);
            stopped.countDown();
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean stoppedByHook;
        try {
            stoppedByHook = durationSeconds > 0 ? stopped.await(durationSeconds, TimeUnit.SECONDS) : awaitHook(stopped);
        } catch (InterruptedException e) {
            stoppedByHook = false; // interrupted by whoever embeds the command (a test, an IDE's stop button): a clean stop too
        }
        if (!stoppedByHook) {
            Runtime.getRuntime().removeShutdownHook(hook);
            stop(demo, out);
        }
        return 0;
    }

    /** Before the broker starts: a port in use is a usage error, said in one line, with nothing started. */
    private void requireFreePort() {
        if (httpPort == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket(httpPort, 1, InetAddress.getByName(httpHost))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new UsageError(spec.commandLine(), "port " + httpPort + " on " + httpHost
                    + " is taken (" + e.getMessage() + "); choose another with --http-port PORT, or 0 for any free one");
        }
    }

    /** Until Ctrl-C: the hook stops the demo, then counts down. */
    private static boolean awaitHook(CountDownLatch stopped) throws InterruptedException {
        stopped.await();
        return true;
    }

    private static void stop(LiveDemo demo, PrintWriter out) {
        out.println("Stopping: traffic, console, streams app, broker...");
        out.flush();
        demo.close();
        out.println("Stopped.");
        out.flush();
    }
}
