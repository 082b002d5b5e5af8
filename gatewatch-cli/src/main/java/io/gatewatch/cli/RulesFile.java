package io.gatewatch.cli;

import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.runtime.ReadableFile;
import io.gatewatch.app.runtime.UsageError;
import io.gatewatch.rules.windowed.CrossTenantSprayRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --rules} option of analyze and evaluate, and the offline configuration it gives. */
final class RulesFile {

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Rule settings as properties (window.size, window.grace, suppress.<RULE>=PT1H, rule.<RULE>.<key>; "
                    + "defaults: config/rules.properties).")
    Path file;

    private boolean optInRulesOn;

    /** Opt-in rules (CROSS_TENANT_SPRAY) on unless the rules file says otherwise: evaluate scores every rule. */
    void switchOnOptInRules() {
        optInRulesOn = true;
    }

    /**
     * Fails with a one-line usage error (exit 2) when the rules file cannot be read or holds a bad
     * value or an unknown rule key, before any input is read rather than as a trace part-way.
     */
    void check(CommandLine commandLine) throws IOException {
        if (file != null) {
            ReadableFile.require(commandLine, file, "--rules");
            try {
                ConfigLoader.load(file, Map.of());
            } catch (IllegalArgumentException e) {
                throw new UsageError(commandLine, "--rules: " + e.getMessage()); // names the file, key and value
            }
        }
    }

    /** The configuration of the offline topology: the settings of the rules file (or the defaults). */
    GatewatchConfig offlineConfig() throws IOException {
        GatewatchConfig rules = file == null ? ConfigLoader.build(Map.of()) : ConfigLoader.load(file, Map.of());
        Map<String, String> offline = new HashMap<>();
        offline.put("application.id", "gatewatch-analyze");
        offline.put("bootstrap.servers", "offline:9092");
        offline.put("processing.guarantee", "at_least_once");
        offline.put("window.size", rules.windowSize().toString());
        offline.put("window.grace", rules.grace().toString());
        offline.put("dedup.horizon", rules.dedupHorizon().toString());
        offline.put("event.max-future", "P36500D"); // no broker to refuse timestamps, and exports may be replayed anywhere
        offline.put("aggregate.retention", rules.aggregateRetention().toString());
        if (optInRulesOn) {
            offline.put("rule." + CrossTenantSprayRule.NAME + ".enabled", "true");
        }
        rules.rules().suppressions().forEach((rule, period) -> offline.put("suppress." + rule, period.toString()));
        rules.rules().parameters().forEach((key, value) -> offline.put("rule." + key, value));
        return ConfigLoader.build(offline);
    }
}
