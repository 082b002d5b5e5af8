package io.gatewatch.cli;

import io.gatewatch.app.config.ConfigLayers;
import io.gatewatch.app.config.ConfigLoader;
import io.gatewatch.app.config.GatewatchConfig;
import io.gatewatch.app.runtime.ReadableFile;
import io.gatewatch.app.runtime.UsageError;
import io.gatewatch.rules.catalogue.CatalogueException;
import io.gatewatch.rules.catalogue.RuleCatalogue;
import io.gatewatch.rules.watchlist.WatchlistFile;
import io.gatewatch.rules.windowed.CrossTenantSprayRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --rules} and {@code --watchlist} options of analyze, evaluate and diagnose, and the
 * offline configuration they give: a properties file of settings ({@code rule.<ID>.*},
 * {@code suppress.<ID>}, window and dedup keys), rule files ({@code .yaml}/{@code .yml}) that add
 * rules to the catalogue, and watchlist files (CSV) that {@code {watchlist: NAME}} tests read —
 * {@code run}'s {@code watchlists.files}, which a properties file may give as well.
 */
final class RulesFile {

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Rule settings as properties (window.size, window.grace, suppress.<RULE>=PT1H, rule.<RULE>.<key>, "
                    + "rule.<RULE>.enabled=false; defaults: config/rules.properties), or a rule file (.yaml) adding rules "
                    + "(format: config/rules.yaml). Repeatable; one properties file at most.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--watchlist", paramLabel = "FILE",
            description = "A watchlist file: CSV with the header watchlist,user (note optional), one member a row, e.g. "
                    + "break-glass,bg1@contoso.onmicrosoft.com; rules test it with user: {watchlist: NAME} (shipped: "
                    + "BREAK_GLASS_SIGN_IN on break-glass, PRIVILEGED_ACCOUNT_FAILURES on privileged). Repeatable.")
    List<Path> watchlists = new ArrayList<>();

    private boolean optInRulesOn;

    /** Opt-in rules (CROSS_TENANT_SPRAY) on unless the rules file says otherwise: evaluate scores every rule. */
    void switchOnOptInRules() {
        optInRulesOn = true;
    }

    /**
     * Fails with a one-line usage error (exit 2) when a rules file cannot be read, holds a bad
     * value, an unknown rule key or a rule that does not check, before any input is read.
     */
    void check(CommandLine commandLine) throws IOException {
        for (Path file : files) {
            ReadableFile.require(commandLine, file, "--rules");
        }
        for (Path file : watchlists) {
            ReadableFile.require(commandLine, file, "--watchlist");
        }
        try {
            WatchlistFile.read(watchlists);
        } catch (IllegalArgumentException e) {
            throw new UsageError(commandLine, "--watchlist: " + e.getMessage()); // file, line, column; never a user
        }
        if (properties().size() > 1) {
            throw new UsageError(commandLine, "--rules: one properties file at most (rule files, .yaml, may be several)");
        }
        try {
            RuleCatalogue.shipped().plus(ruleFiles());
            offlineConfig();
        } catch (CatalogueException e) {
            throw new UsageError(commandLine, "--rules: " + e.getMessage()); // names the file, line, rule and field
        } catch (IllegalArgumentException e) {
            throw new UsageError(commandLine, "--rules: " + e.getMessage()); // names the file, key and value
        }
    }

    /** The configuration of the offline topology: the settings and rule files given (or the defaults). */
    GatewatchConfig offlineConfig() throws IOException {
        List<Path> properties = properties();
        GatewatchConfig rules = properties.isEmpty() ? ConfigLoader.build(Map.of()) : ConfigLoader.load(properties.get(0), Map.of());
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
        offline.putAll(rules.rules().toProperties()); // suppressions, rule parameters, exceptions
        if (!ruleFiles().isEmpty()) {
            offline.put(ConfigLoader.RULE_FILES, ruleFiles().stream().map(Path::toString).collect(Collectors.joining(",")));
        }
        List<String> lists = new ArrayList<>();
        if (!properties.isEmpty()) { // the properties file's own watchlists.files, which its settings above do not carry
            lists.add(ConfigLayers.read(properties.get(0), Map.of()).values().getOrDefault(ConfigLoader.WATCHLIST_FILES, ""));
        }
        watchlists.forEach(file -> lists.add(file.toString()));
        offline.put(ConfigLoader.WATCHLIST_FILES, String.join(",", lists));
        return ConfigLoader.build(offline);
    }

    private List<Path> ruleFiles() {
        return files.stream().filter(RulesFile::isRuleFile).toList();
    }

    private List<Path> properties() {
        return files.stream().filter(f -> !isRuleFile(f)).toList();
    }

    private static boolean isRuleFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
