package io.gatewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.generator.evaluate.DetectionScorer;
import io.gatewatch.generator.evaluate.Scorecard;
import io.gatewatch.generator.scenario.Label;
import io.gatewatch.schema.Alert;
import java.io.IOException;
import java.io.PrintWriter;
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
        JsonLinesFile labelLines = new JsonLinesFile(labelsFile, "--labels");
        List<Label> labels = new ArrayList<>();
        for (JsonLinesFile.Line line : labelLines.read(commandLine)) {
            labels.add(labelLines.convert(commandLine, line, Label.class, "a label of 'generate --labels'"));
        }
        List<Alert> alerts = new ArrayList<>();
        long unreadable = 0;
        if (alertsFile != null) {
            JsonLinesFile alertLines = new JsonLinesFile(alertsFile, "--alerts");
            for (JsonLinesFile.Line line : alertLines.read(commandLine)) {
                JsonNode json = line.json();
                if (!json.has("type") || json.get("type").asText().equals("alert")) {
                    if (json instanceof ObjectNode object) {
                        object.remove("type"); // analyze's output tags each line
                    }
                    alerts.add(alertLines.convert(commandLine, line, Alert.class, "an alert"));
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
}
