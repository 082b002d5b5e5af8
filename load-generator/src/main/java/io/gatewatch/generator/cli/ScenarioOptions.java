package io.gatewatch.generator.cli;

import io.gatewatch.generator.scenario.ScenarioCatalog;
import io.gatewatch.generator.scenario.ScenarioSchedule;
import io.gatewatch.generator.scenario.ScenarioType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which scenarios to inject: a set placed automatically, and single ones at a chosen time and tenant. */
final class ScenarioOptions {

    @Option(names = "--scenarios", paramLabel = "SET", split = ",",
            description = "Scenarios spread over the run: all, attacks, near-misses, or names (see --list-scenarios).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "NAME@OFFSET[/TENANT]",
            description = "One scenario at an offset from the start (90s, 10m, 2h, PT26H) and optionally a tenant "
                    + "(3 = tenant3.example.com); repeatable.")
    List<String> placed = new ArrayList<>();

    @Option(names = "--list-scenarios", description = "Print the scenarios that can be injected and exit.")
    boolean list;

    List<ScenarioSchedule.Request> requests() {
        List<ScenarioSchedule.Request> requests = new ArrayList<>();
        for (String set : sets) {
            switch (set) {
                case "all" -> ScenarioCatalog.all().forEach(t -> requests.add(new ScenarioSchedule.Request(t, null, null)));
                case "attacks" -> ScenarioCatalog.all().stream().filter(t -> !t.nearMiss())
                        .forEach(t -> requests.add(new ScenarioSchedule.Request(t, null, null)));
                case "near-misses" -> ScenarioCatalog.all().stream().filter(ScenarioType::nearMiss)
                        .forEach(t -> requests.add(new ScenarioSchedule.Request(t, null, null)));
                default -> requests.add(new ScenarioSchedule.Request(type(set), null, null));
            }
        }
        for (String spec : placed) {
            int at = spec.indexOf('@');
            if (at < 0) {
                throw new IllegalArgumentException("--scenario wants NAME@OFFSET[/TENANT], e.g. brute-force@2h/3");
            }
            String rest = spec.substring(at + 1);
            int slash = rest.indexOf('/');
            Duration offset = DurationConverter.parse(slash < 0 ? rest : rest.substring(0, slash));
            Integer tenant = slash < 0 ? null : Integer.valueOf(rest.substring(slash + 1));
            requests.add(new ScenarioSchedule.Request(type(spec.substring(0, at)), offset, tenant));
        }
        return requests;
    }

    private static ScenarioType type(String name) {
        return ScenarioCatalog.named(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown scenario '" + name + "'; --list-scenarios shows them"));
    }
}
