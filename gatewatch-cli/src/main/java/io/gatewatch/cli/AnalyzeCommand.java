package io.gatewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.schema.TenantAggregate;
import io.gatewatch.schema.read.JsonMappers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gatewatch analyze}: the streaming topology and rules over exported logs, offline. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Run the streaming topology and rules over exported logs; print alerts and closed aggregates.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every record was read", "2:usage error", "3:some records were unreadable (reported on stderr)"})
final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    InputFiles input;

    @Mixin
    OrgsFile orgs;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Rule settings as properties (window.size, window.grace, suppress.<RULE>=PT1H, ...).")
    Path rulesFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        input.requireReadable(spec.commandLine());
        GatewatchConfig config = offlineConfig(rulesFile);
        ObjectMapper mapper = JsonMappers.internal();
        Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
        long unreadable;
        try {
            unreadable = OfflineTopology.run(config, input, orgs.entries(), spec.commandLine().getErr(),
                    value -> print(mapper, out, value));
        } finally {
            out.flush();
        }
        return unreadable == 0 ? 0 : Gatewatch.EXIT_UNREADABLE_RECORDS;
    }

    /** The configuration of the offline topology: the rule settings of {@code rulesFile} (or the defaults). */
    static GatewatchConfig offlineConfig(Path rulesFile) throws IOException {
        GatewatchConfig rules = rulesFile == null ? ConfigLoader.build(Map.of()) : ConfigLoader.load(rulesFile, Map.of());
        Map<String, String> offline = new HashMap<>();
        offline.put("application.id", "gatewatch-analyze");
        offline.put("bootstrap.servers", "offline:9092");
        offline.put("processing.guarantee", "at_least_once");
        offline.put("window.size", rules.windowSize().toString());
        offline.put("window.grace", rules.grace().toString());
        offline.put("dedup.horizon", rules.dedupHorizon().toString());
        offline.put("event.max-future", "P36500D"); // no broker to refuse timestamps, and exports may be replayed anywhere
        offline.put("aggregate.retention", rules.aggregateRetention().toString());
        rules.rules().suppressions().forEach((rule, period) -> offline.put("suppress." + rule, period.toString()));
        rules.rules().parameters().forEach((key, value) -> offline.put("rule." + key, value));
        return ConfigLoader.build(offline);
    }

    private static void print(ObjectMapper mapper, Writer out, Object value) {
        ObjectNode line = mapper.createObjectNode();
        line.put("type", value instanceof TenantAggregate ? "aggregate" : "alert");
        line.setAll((ObjectNode) mapper.valueToTree(value));
        try {
            out.write(mapper.writeValueAsString(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
