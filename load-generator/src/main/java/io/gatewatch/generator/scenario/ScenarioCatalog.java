package io.gatewatch.generator.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every scenario the generator can inject, by name. */
public final class ScenarioCatalog {

    private static final List<ScenarioType> ALL;

    static {
        List<ScenarioType> all = new ArrayList<>();
        all.addAll(CredentialScenarios.all());
        all.addAll(MfaScenarios.all());
        all.addAll(AccessScenarios.all());
        all.addAll(CorrelationScenarios.all());
        all.addAll(BaselineScenarios.all());
        all.addAll(ModernScenarios.all());
        all.addAll(TokenScenarios.all());
        all.addAll(CredentialUseScenarios.all());
        all.addAll(PrivilegedScenarios.all());
        ALL = List.copyOf(all);
    }

    private ScenarioCatalog() {
    }

    public static List<ScenarioType> all() {
        return ALL;
    }

    public static Optional<ScenarioType> named(String name) {
        return ALL.stream().filter(type -> type.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(ScenarioType::name).toList();
    }
}
