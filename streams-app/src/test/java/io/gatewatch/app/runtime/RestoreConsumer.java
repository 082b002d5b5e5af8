package io.gatewatch.app.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * What an instance's restore consumers (one per stream thread: they keep standbys up to date and
 * restore active tasks from the changelogs) have fetched, from its {@code /metrics}.
 */
final class RestoreConsumer {

    private static final String CONSUMED = "kafka_consumer_fetch_manager_records_consumed_total";
    private static final String LAG = "kafka_consumer_fetch_manager_records_lag";

    private RestoreConsumer() {
    }

    /** Changelog records the instance's restore consumers have fetched so far. */
    static double recordsFetched(ChildInstance instance) throws IOException, InterruptedException {
        return sum(series(instance.metrics(), CONSUMED));
    }

    /**
     * Waits until the restore consumers have fetched records and lag behind no changelog partition
     * they read; the records fetched.
     */
    static double awaitCaughtUp(ChildInstance instance, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String metrics = instance.metrics();
            List<Double> lags = series(metrics, LAG);
            double fetched = sum(series(metrics, CONSUMED));
            if (fetched > 0 && !lags.isEmpty() && lags.stream().allMatch(lag -> lag == 0)) {
                return fetched;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the restore consumer of " + instance.name + " did not catch up within " + timeout
                        + ": fetched " + fetched + ", lags " + lags);
            }
            Thread.sleep(500);
        }
    }

    /** The values of the restore consumers' series of {@code name} (per topic or partition, as Kafka reports it). */
    private static List<Double> series(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains("-restore-consumer\""))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).toList();
    }

    private static double sum(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }
}
