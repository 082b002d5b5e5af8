package io.gatewatch.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.app.logging.ConsoleLogging;
import io.gatewatch.kafka.EmbeddedKafkaBroker;
import io.gatewatch.schema.read.JsonMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code ./gatewatch bench}: on the embedded broker, in one run, side by side — the raw consumer
 * ceiling on a preloaded topic, a reference pipeline ({@link ReferenceRun}) and Gatewatch
 * (exactly-once) over the same topic from offset 0, their ratios and changelog records per event,
 * the cores each run used by thread group ({@link ThreadCpu}),
 * alert latency at half of Gatewatch's measured maximum, and peak heap and RSS. Prints a
 * table and writes {@code target/bench-result.json}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "End-to-end benchmark on the embedded broker.")
public final class EndToEndBenchmark implements Callable<Integer> {

    @Option(names = "--events", defaultValue = "2000000", description = "Events to preload (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--partitions", defaultValue = "2", description = "Input partitions (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--threads", defaultValue = "2", description = "Stream threads (default: ${DEFAULT-VALUE}, one per core).")
    int threads;

    @Option(names = "--latency-seconds", defaultValue = "60", description = "Length of the latency run (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--rounds", defaultValue = "1", paramLabel = "N",
            description = "Run the reference and Gatewatch in turn N times over the same input and report the means "
                    + "(default: ${DEFAULT-VALUE}); compare code with 3 or more.")
    int rounds;

    @Option(names = "--warmup", defaultValue = "300000", paramLabel = "N",
            description = "Events both pipelines process, untimed, before the first timed round, so that neither is timed "
                    + "while the JIT compiles its code (default: ${DEFAULT-VALUE}; 0: none).")
    long warmup;

    private long warmupEvents() {
        if (warmup < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--warmup must be 0 or more");
        }
        return Math.min(warmup, events / 2);
    }

    @Option(names = "--rate", defaultValue = "0", description = "Latency-run input rate; 0 = half the measured maximum.")
    int rate;

    @Option(names = "--state-users", defaultValue = "0", paramLabel = "N",
            description = "State-at-scale mode instead: N distinct users, each failing twice then signing in, "
                    + "Gatewatch in its own JVM with -Xmx1g; writes target/bench-state-result.json.")
    int stateUsers;

    @Option(names = "--soak", paramLabel = "DURATION",
            description = "Instead: a long run at half the measured maximum (or --rate), sampling Gatewatch's memory, "
                    + "state and lag each minute, e.g. PT1H.")
    Duration soak;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A Gatewatch or Kafka Streams setting for both runs, e.g. commit.interval.ms=500; repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new EndToEndBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ConsoleLogging.quiet(); // the console is the progress and the table
        warmupEvents(); // a bad --warmup is refused before anything starts
        if (stateUsers > 0) {
            return stateAtScale();
        }
        if (soak != null) {
            return soak();
        }
        try (MemoryWatch memory = new MemoryWatch(); EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            String input = "tp-signin-events";
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic(input, partitions, (short) 1))).all().get();
            }
            say("Preloading %,d Azure Monitor sign-in records into %s (%d partitions)...", events, input, partitions);
            long bytes = Preloader.preload(bootstrap, input, events, 1);
            say("Preloaded %,d bytes (mean %,d bytes/record). Raw consumer ceiling...", bytes, bytes / events);
            RawConsumerCeiling.Result ceiling = RawConsumerCeiling.measure(bootstrap, input, events);
            long warmupEvents = warmupEvents();
            if (warmupEvents > 0) {
                // the first pipeline to run would otherwise pay for compiling the code both share (decoder, serde, Kafka Streams)
                say("Warming up: the reference pipeline, then Gatewatch, over the first %,d events (not timed)...", warmupEvents);
                ReferenceRun.warmUp(bootstrap, "tp-", warmupEvents, partitions, threads, settings);
                ThroughputRun.warmUp(bootstrap, "tp-", warmupEvents, partitions, threads, settings);
            }
            ThroughputRounds throughput = new ThroughputRounds();
            for (int round = 1; round <= Math.max(1, rounds); round++) {
                String of = rounds > 1 ? " (round " + round + " of " + rounds + ")" : "";
                say("Reference pipeline (decode, re-key by tenant, count per minute), same guarantee, from offset 0%s...", of);
                ThroughputRun.Result reference = ReferenceRun.run(bootstrap, "tp-", events, partitions, threads, settings);
                say("Gatewatch, exactly-once, from offset 0%s...", of);
                throughput.add(reference, ThroughputRun.run(bootstrap, "tp-", events, partitions, threads, settings));
            }
            int latencyRate = rate > 0 ? rate : Math.max(100, (int) (throughput.gatewatchMean() / 2) / 100 * 100);
            say("Alert latency at %,d events/s for %d s...", latencyRate, latencySeconds);
            LatencyRun.Result latency = LatencyRun.run(bootstrap, latencyRate, Duration.ofSeconds(latencySeconds), partitions,
                    threads, settings);
            report(ceiling, throughput, latency, memory.peakHeapBytes(), MemoryWatch.peakRssBytes(), bytes);
        }
        return 0;
    }

    /** Rates are the rounds' means; per-store figures and cores are the last round's. */
    private void report(RawConsumerCeiling.Result ceiling, ThroughputRounds throughput, LatencyRun.Result latency,
                        long heap, long rss, long bytes) throws Exception {
        ThroughputRun.Result reference = throughput.last().reference();
        ThroughputRun.Result gatewatch = throughput.last().gatewatch();
        double ratio = throughput.gatewatchMean() / ceiling.recordsPerSecond();
        double ratioToReference = throughput.ratioOfMeans();
        String table = String.format(Locale.ROOT, """

                | measure | value |
                |---|---|
                | machine | %d cores, %s %s |
                | events preloaded | %,d (%,d bytes/record); warm-up %,d events, untimed |
                | raw consumer ceiling | %,.0f records/s (%,.1f MB/s) |
                | reference pipeline, same guarantee and threads | %,.0f events/s, %.3f changelog records/event |
                | Gatewatch, %d stream threads | %,.0f events/s, %.3f changelog records/event |
                | ratio Gatewatch / reference | %.3f (target >= 0.5) |
                | rounds: reference / Gatewatch events/s (ratio) | %s |
                | ratio Gatewatch / ceiling | %.3f (target >= 0.03) |
                | Gatewatch changelog records/event by store | %s |
                | Gatewatch changelog bytes/event by store | %s (total %,.0f; the input is %,d bytes/event) |
                | Gatewatch reads served decoded, by store | %s |
                | cores used during the reference run, by threads | %s |
                | cores used during the Gatewatch run, by threads | %s |
                | alert latency at %,d events/s | p50 %d ms, p95 %d ms, p99 %d ms, max %d ms over %d alerts (target p99 < 1000 ms) |
                | peak heap / peak RSS (broker + app + generator, one JVM) | %,d MiB / %,d MiB |
                """, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), events, bytes / events, warmupEvents(), ceiling.recordsPerSecond(),
                ceiling.megabytesPerSecond(), throughput.referenceMean(), reference.changelogRecordsPerEvent(), threads,
                throughput.gatewatchMean(), gatewatch.changelogRecordsPerEvent(), ratioToReference, throughput.describe(), ratio,
                perEvent(gatewatch.changelogRecords(), gatewatch.events(), "%s %.3f"),
                perEvent(gatewatch.changelogBytes(), gatewatch.events(), "%s %.0f"), gatewatch.changelogBytesPerEvent(),
                bytes / events, perEvent(gatewatch.decodedHitRatio(), 1, "%s %.3f"),
                perEvent(reference.coresByThreads(), 1, "%s %.2f"), perEvent(gatewatch.coresByThreads(), 1, "%s %.2f"),
                latency.rate(), latency.p50Ms(),
                latency.p95Ms(), latency.p99Ms(), latency.maxMs(), latency.alerts(), heap >> 20, rss >> 20);
        System.out.println(table);
        ObjectNode json = JsonMappers.internal().createObjectNode();
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("events", events);
        json.put("warmupEvents", warmupEvents());
        json.put("bytesPerRecord", bytes / events);
        json.put("ceilingRecordsPerSecond", ceiling.recordsPerSecond());
        json.put("ceilingMegabytesPerSecond", ceiling.megabytesPerSecond());
        json.put("streamThreads", threads);
        json.putPOJO("settings", settings);
        json.put("referenceEventsPerSecond", throughput.referenceMean());
        json.put("gatewatchEventsPerSecond", throughput.gatewatchMean());
        json.put("referenceSpread", throughput.referenceSpread());
        json.put("gatewatchSpread", throughput.gatewatchSpread());
        ArrayNode runs = json.putArray("rounds");
        throughput.rounds().forEach(round -> runs.addObject().put("referenceEventsPerSecond", round.reference().eventsPerSecond())
                .put("gatewatchEventsPerSecond", round.gatewatch().eventsPerSecond()).put("ratioToReference", round.ratio()));
        json.put("ratio", ratio);
        json.put("ratioToReference", ratioToReference);
        json.put("referenceChangelogRecordsPerEvent", reference.changelogRecordsPerEvent());
        json.put("changelogRecordsPerEvent", gatewatch.changelogRecordsPerEvent());
        ObjectNode stores = json.putObject("changelogRecordsPerEventByStore");
        gatewatch.changelogRecords().forEach((store, records) -> stores.put(store, records / gatewatch.events()));
        json.put("changelogBytesPerEvent", gatewatch.changelogBytesPerEvent());
        ObjectNode storeBytes = json.putObject("changelogBytesPerEventByStore");
        gatewatch.changelogBytes().forEach((store, sent) -> storeBytes.put(store, sent / gatewatch.events()));
        ObjectNode hitRatio = json.putObject("decodedHitRatioByStore");
        gatewatch.decodedHitRatio().forEach(hitRatio::put);
        ObjectNode referenceCores = json.putObject("referenceCoresByThreads");
        reference.coresByThreads().forEach(referenceCores::put);
        ObjectNode gatewatchCores = json.putObject("gatewatchCoresByThreads");
        gatewatch.coresByThreads().forEach(gatewatchCores::put);
        json.put("latencyRate", latency.rate());
        json.put("latencyAlerts", latency.alerts());
        json.put("latencyP50Ms", latency.p50Ms());
        json.put("latencyP95Ms", latency.p95Ms());
        json.put("latencyP99Ms", latency.p99Ms());
        json.put("latencyMaxMs", latency.maxMs());
        json.put("peakHeapBytes", heap);
        json.put("peakRssBytes", rss);
        write(Path.of("target", "bench-result.json"), json);
    }

    private int soak() throws Exception {
        SoakRun.Result result;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            int soakRate = rate;
            if (soakRate <= 0) {
                String input = "tp-signin-events";
                try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                    admin.createTopics(List.of(new NewTopic(input, partitions, (short) 1))).all().get();
                }
                say("Measuring the maximum: %,d events preloaded, Gatewatch from offset 0...", events);
                Preloader.preload(broker.bootstrapServers(), input, events, 1);
                double maximum = ThroughputRun.run(broker.bootstrapServers(), "tp-", events, partitions, threads, settings)
                        .eventsPerSecond();
                soakRate = Math.max(100, (int) (maximum / 2) / 100 * 100);
            }
            say("Soak: %,d events/s for %s, Gatewatch in its own JVM (-Xmx1g), sampled each minute...", soakRate, soak);
            result = SoakRun.run(broker.bootstrapServers(), soakRate, soak, partitions, threads, settings);
        }
        System.out.println(SoakReport.table(result));
        write(Path.of("target", "bench-soak-result.json"), SoakReport.json(result));
        return result.died() || SoakReport.fellBehind(result) ? 1 : 0;
    }

    private int stateAtScale() throws Exception {
        StateScaleRun.Result result;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            say("State at scale: %,d users x %d events, Gatewatch in its own JVM (-Xmx1g)...", stateUsers,
                    StateScaleRun.EVENTS_PER_USER);
            result = StateScaleRun.run(broker.bootstrapServers(), stateUsers, partitions, threads, settings);
        }
        System.out.println(StateScaleReport.table(result, threads));
        write(Path.of("target", "bench-state-result.json"), StateScaleReport.json(result));
        return result.outOfMemory() ? 1 : 0;
    }

    private static void write(Path out, ObjectNode json) throws IOException {
        Files.createDirectories(out.getParent());
        Files.writeString(out, JsonMappers.internal().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        System.out.println("Written to " + out.toAbsolutePath());
    }

    private static String perEvent(Map<String, Double> byStore, long events, String format) {
        StringBuilder text = new StringBuilder();
        byStore.forEach((store, sum) -> text.append(text.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, format, store, sum / events)));
        return text.toString();
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
