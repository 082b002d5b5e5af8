package io.gatewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.generator.evaluate.DetectionScorer;
import io.gatewatch.generator.evaluate.Scorecard;
import io.gatewatch.generator.scenario.Label;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.read.JsonMappers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gatewatch evaluate}: detection quality against the generator's labels — per rule true
 * positives, false positives, misses, near misses and detection delay in event time.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score alerts against the labels of 'generate --labels': run the rules over the generated "
                + "logs (like analyze, with opt-in rules such as CROSS_TENANT_SPRAY switched on unless --rules says "
                + "otherwise), or read alerts already produced (--alerts), and print a table per rule."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scored", "2:usage error", "3:some records were unreadable (reported on stderr)"})
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    OfflineAnalysis analysis;

    @Option(names = "--labels", paramLabel = "FILE", required = true, description = "Label file of 'generate --labels'.")
    Path labelsFile;

    @Option(names = "--alerts", paramLabel = "FILE",
            description = "Alerts as JSON lines (analyze output or the alert topic) instead of running the rules.")
    Path alertsFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        if (alertsFile != null && analysis.hasFiles()) {
            throw new CommandLine.ParameterException(commandLine, "give --alerts or log files, not both");
        }
        analysis.requireReadable(commandLine);
        ObjectMapper mapper = JsonMappers.internal();
        List<Label> labels = new ArrayList<>();
        for (JsonNode line : lines(labelsFile, commandLine)) {
            labels.add(mapper.treeToValue(line, Label.class));
        }
        List<Alert> alerts = new ArrayList<>();
        long unreadable = 0;
        if (alertsFile != null) {
            for (JsonNode line : lines(alertsFile, commandLine)) {
                if (!line.has("type") || line.get("type").asText().equals("alert")) {
                    ((ObjectNode) line).remove("type");
                    alerts.add(mapper.treeToValue(line, Alert.class));
                }
            }
        } else {
            unreadable = runRules(alerts);
        }
        Scorecard scorecard = DetectionScorer.score(labels, alerts);
        scorecard.print(new PrintWriter(commandLine.getOut()));
        return unreadable == 0 ? 0 : Gatewatch.EXIT_UNREADABLE_RECORDS;
    }

    private long runRules(List<Alert> alerts) throws IOException {
        analysis.rules.switchOnOptInRules();
        return analysis.run(spec.commandLine().getErr(), value -> {
            if (value instanceof Alert alert) {
                alerts.add(alert);
            }
        });
    }

    private static List<JsonNode> lines(Path file, CommandLine commandLine) throws IOException {
        if (!Files.isReadable(file)) {
            throw new CommandLine.ParameterException(commandLine, "cannot read " + file);
        }
        ObjectMapper mapper = JsonMappers.internal();
        List<JsonNode> nodes = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    nodes.add(mapper.readTree(line));
                }
            }
        }
        return nodes;
    }
}
