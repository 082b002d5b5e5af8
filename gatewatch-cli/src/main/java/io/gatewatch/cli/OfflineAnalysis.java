package io.gatewatch.cli;

import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.detect.OfflineAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * What analyze, evaluate and diagnose take — the logs, the org directory, the rule settings — and the one
 * run over them: the detection core driven directly ({@link OfflineAnalyzer}), which gives the
 * streaming topology's output in memory bounded by its state, not by the file.
 */
final class OfflineAnalysis {

    @Mixin
    InputFiles input;

    @Mixin
    OrgsFile orgs;

    @Mixin
    RulesFile rules;

    /** Fails with a one-line usage error (exit 2) naming the first input, org directory or rules file that cannot be used. */
    void requireReadable(CommandLine commandLine) throws IOException {
        input.requireReadable(commandLine);
        orgs.requireReadable(commandLine);
        rules.check(commandLine);
    }

    boolean hasFiles() {
        return !input.files.isEmpty();
    }

    /** Alerts and closed windows go to {@code output} in order; returns how many records could not be analyzed. */
    long run(PrintWriter err, Consumer<Object> output) throws IOException {
        GatewatchConfig config = rules.offlineConfig();
        OfflineAnalyzer analyzer = analyzer(config);
        long[] withoutTenant = {0};
        long unreadable = input.readAll(event -> {
            if (!analyzer.process(event, output)) {
                withoutTenant[0]++; // the cluster dead-letters these (MissingTenant)
            }
        }, err);
        analyzer.finish(output);
        if (withoutTenant[0] > 0) {
            err.println("gatewatch: " + withoutTenant[0] + " record(s) carry no tenant and were skipped;"
                    + " give --tenant for Graph v1.0 exports");
            err.flush();
        }
        if (analyzer.lateDropped() > 0) {
            // an export sorted newest first, or files given out of order: the aggregates lack these
            err.println("gatewatch: " + analyzer.lateDropped() + " event(s) came more than aggregate.retention ("
                    + config.aggregateRetention() + ") behind the newest and are not in the aggregates;"
                    + " give files oldest first or raise aggregate.retention in --rules");
            err.flush();
        }
        return unreadable + withoutTenant[0];
    }

    /** The detection core as the rules file and the org directory set it up (diagnose drives one itself). */
    OfflineAnalyzer analyzer(GatewatchConfig config) throws IOException {
        return new OfflineAnalyzer(new OfflineAnalyzer.Settings(config.windowSize(), config.grace(),
                config.aggregateRetention(), config.dedupHorizon(), config.rules(), config.alertUpdateInterval()),
                ClassificationData.defaults(), orgs.regionHosts());
    }
}
