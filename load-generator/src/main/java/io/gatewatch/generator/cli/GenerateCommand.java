package io.gatewatch.generator.cli;

import io.gatewatch.generator.SyntheticDirectory;
import io.gatewatch.generator.format.OutputFormat;
import io.gatewatch.generator.output.EventSink;
import io.gatewatch.generator.output.FileSink;
import io.gatewatch.generator.output.KafkaSink;
import io.gatewatch.generator.scenario.ScenarioCatalog;
import io.gatewatch.generator.scenario.ScenarioType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code gatewatch generate}: synthetic sign-in traffic with labelled scenarios, to a file or Kafka. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate realistic sign-in and Dynamics 365 traffic, optionally with labelled attack "
                + "scenarios and near misses, to a file (default: standard output) or a Kafka topic.",
                "Event time starts at --start and advances at --rate events per second; with --fast the events "
                        + "are written as fast as possible, otherwise at that rate on the wall clock."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:some records could not be sent", "2:usage error"})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "azure-monitor",
            description = "graph, azure-monitor ({\"records\":[...]} batches), log-analytics (JSON rows) or csv "
                    + "(portal export, files only). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE ('-' or absent: stdout).")
    String output;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Send to Kafka instead of a file.")
    String bootstrapServers;

    @Option(names = "--topic", defaultValue = "signin-events", description = "Sign-in topic. Default: ${DEFAULT-VALUE}.")
    String topic;

    @Option(names = "--dynamics-topic", defaultValue = "dynamics-access",
            description = "Dynamics 365 access topic. Default: ${DEFAULT-VALUE}.")
    String dynamicsTopic;

    @Option(names = "--rate", defaultValue = "100", description = "Events per second. Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--fast", description = "As fast as possible (event time still advances at --rate).")
    boolean fast;

    @Option(names = "--count", paramLabel = "N", description = "Background events to generate (default 10000).")
    Long count;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Event time to cover instead of a count (90s, 10m, 2h, 2d, P2D).")
    Duration duration;

    @Option(names = "--start", paramLabel = "INSTANT", description = "First event time (ISO-8601). Default: now.")
    Instant start;

    @Option(names = "--seed", defaultValue = "42", description = "Same seed, same events. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--tenants", defaultValue = "20", description = "Tenants (sizes Zipf-skewed). Default: ${DEFAULT-VALUE}.")
    int tenants;

    @Option(names = "--users", defaultValue = "2000", description = "Users across tenants. Default: ${DEFAULT-VALUE}.")
    int users;

    @Option(names = "--batch", defaultValue = "50", description = "Records per Azure Monitor batch. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Mixin
    ScenarioOptions scenarios;

    @Option(names = "--labels", paramLabel = "FILE", description = "Write one JSON line per expectation of each scenario.")
    Path labels;

    @Option(names = "--noise", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Realistic benign noise in the background: shared proxy egress, travellers, typos then "
                    + "success, unanswered MFA prompts, a stale service account, a password-reset wave, and lookalikes "
                    + "of attacks: roaming phones, remediated risk, printers on SMTP, device-code enrolment, developers' "
                    + "tools (docs/commands.md, generate). On by default; --no-noise for the plain mix.")
    boolean noise;

    @Option(names = "--orgs", paramLabel = "FILE", description = "Write the tenants' Dynamics org directory (for --orgs of analyze).")
    Path orgs;

    @Option(names = "--watchlist-out", paramLabel = "FILE",
            description = "Write the watchlist (watchlist,user rows) of the scenarios' privileged and break-glass "
                    + "accounts, for --watchlist of analyze and evaluate.")
    Path watchlistOut;

    @Option(names = "--exceptions", paramLabel = "FILE",
            description = "Write the rule exceptions the tenants keep for their known clients (printers on SMTP, "
                    + "device-code enrolment admins, developers), as properties for --rules of evaluate and analyze.")
    Path exceptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (scenarios.list) {
            for (ScenarioType type : ScenarioCatalog.all()) {
                spec.commandLine().getOut().printf("%-38s %s%n", type.name(), type.description());
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
        GenerationPlan plan;
        EventSink sink;
        try {
            plan = plan(err);
            sink = sink();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try (sink) {
            return new GenerationRun(plan, sink, !fast, err).run() == 0 ? 0 : 1;
        }
    }

    private GenerationPlan plan(PrintWriter err) throws IOException {
        if (count != null && duration != null) {
            throw new IllegalArgumentException("give --count or --duration, not both");
        }
        if (rate <= 0 || tenants < 1 || users < tenants || batch < 1) {
            throw new IllegalArgumentException("--rate must be > 0, --tenants >= 1, --users >= --tenants, --batch >= 1");
        }
        Duration length = duration != null ? duration
                : Duration.ofNanos((long) ((count == null ? 10_000 : count) * 1e9 / rate));
        Instant first = start != null ? start : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SyntheticDirectory directory = SyntheticDirectory.generate(seed, tenants, users);
        return GenerationPlan.of(directory, seed, first, length, rate, noise, scenarios.requests(),
                new GenerationPlan.SideFiles(labels, orgs, watchlistOut, exceptions), err);
    }

    private EventSink sink() throws IOException {
        OutputFormat outputFormat = OutputFormat.parse(format);
        if (bootstrapServers != null) {
            return new KafkaSink(bootstrapServers, topic, dynamicsTopic, outputFormat, batch);
        }
        Path path = output == null || output.equals("-") ? null : Path.of(output);
        return new FileSink(path, System.out, outputFormat, batch);
    }
}
