package io.gatewatch.generator.cli;

import io.gatewatch.generator.GeneratedEvent;
import io.gatewatch.generator.output.EventSink;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Sends a planned run through a sink: paced or as fast as possible, with a progress line, and a
 * summary at the end. Ctrl-C stops the run after the current event and still prints the summary.
 */
final class GenerationRun {

    private final GenerationPlan plan;
    private final EventSink sink;
    private final boolean paced;
    private final PrintWriter err;
    private volatile boolean stopRequested;

    GenerationRun(GenerationPlan plan, EventSink sink, boolean paced, PrintWriter err) {
        this.plan = plan;
        this.sink = sink;
        this.paced = paced;
        this.err = err;
    }

    /** Runs to the end (or Ctrl-C) and returns the number of records that could not be sent. */
    long run() throws Exception {
        Thread worker = Thread.currentThread();
        Thread hook = new Thread(() -> {
            stopRequested = true;
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "generate-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Pacer pacer = new Pacer(plan.start(), paced);
        ProgressLine progress = new ProgressLine(err, System.console() != null);
        long startNanos = System.nanoTime();
        long events = 0;
        long dynamics = 0;
        try {
            while (plan.traffic().hasNext() && !stopRequested) {
                GeneratedEvent event = plan.traffic().next();
                pacer.awaitTurnOf(event.time());
                sink.write(event);
                events++;
                dynamics += event instanceof GeneratedEvent.DynamicsAccess ? 1 : 0;
                progress.update(events, sink.errors());
            }
            sink.close();
        } finally {
            progress.finish();
            if (!stopRequested) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        err.printf(Locale.ROOT, "%s %,d events in %.1f s (%,.0f events/s): %,d sign-ins, %,d Dynamics accesses, "
                        + "%,d scenario events from %d scenarios (%d labels)%n", stopRequested ? "stopped after" : "generated",
                events, seconds, events / Math.max(seconds, 1e-9), events - dynamics, dynamics, plan.scenarioEvents(),
                plan.scenarios(), plan.labels());
        err.printf(Locale.ROOT, "output: %s; send errors: %,d%n", sink.describe(), sink.errors());
        err.flush();
        return sink.errors();
    }
}
