package io.gatewatch.cli;

import io.gatewatch.cli.demo.LiveDemo;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatewatch demo}: everything on one machine, no Kafka to install. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Embedded Kafka broker + streams app + live traffic with periodic attacks; prints alerts.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--rate", defaultValue = "200", description = "Benign sign-ins per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--tenants", defaultValue = "5", description = "Tenants in the traffic (default: ${DEFAULT-VALUE}).")
    int tenants;

    @Option(names = "--http-port", defaultValue = "8080", paramLabel = "PORT",
            description = "Port of the dashboard and API; 0 takes any free one (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--duration", defaultValue = "0", paramLabel = "SECONDS",
            description = "Stop after this many seconds; 0 runs until Ctrl-C (default).")
    long durationSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        LiveDemo demo = LiveDemo.start(rate, tenants, httpPort, out, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
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

    /** Until Ctrl-C: the hook stops the demo, then counts down. */
    private static boolean awaitHook(CountDownLatch stopped) throws InterruptedException {
        stopped.await();
        return true;
    }

    private static void stop(LiveDemo demo, PrintWriter out) {
        out.println("Stopping: traffic, console, streams app, broker...");
        out.flush();
        try {
            demo.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("Stopped.");
        out.flush();
    }
}
