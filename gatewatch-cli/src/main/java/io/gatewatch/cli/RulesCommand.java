package io.gatewatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.app.runtime.ReadableFile;
import io.gatewatch.app.runtime.UsageError;
import io.gatewatch.rules.catalogue.CatalogueException;
import io.gatewatch.rules.catalogue.RuleCatalogue;
import io.gatewatch.rules.catalogue.RuleDefinition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatewatch rules}: the rule catalogue as an analyst reads it, and a rule author's check. */
@Command(name = "rules", mixinStandardHelpOptions = true, subcommands = RulesCommand.Check.class,
        description = {"Lists every rule: id, shape, severity, whether it runs, MITRE ATT&CK techniques, title.",
                "The shipped catalogue is config/rules.yaml; --rules adds a rule file of the same form."})
final class RulesCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Every rule with all it says (description, anchors, false positives...).")
    boolean json;

    @Option(names = "--rules", paramLabel = "FILE", description = "A rule file (.yaml) to list beside the shipped rules.")
    List<Path> files = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RuleCatalogue catalogue = load(spec.commandLine(), files);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode rules = JsonNodeFactory.instance.arrayNode();
            catalogue.all().forEach(rule -> rules.add(json(rule)));
            out.println(rules.toPrettyString());
        } else {
            out.println(String.format(Locale.ROOT, "%-36s %-18s %-8s %-3s %-28s %s", "ID", "SHAPE", "SEVERITY", "ON",
                    "ATT&CK", "TITLE"));
            for (RuleDefinition rule : catalogue.all()) {
                out.println(String.format(Locale.ROOT, "%-36s %-18s %-8s %-3s %-28s %s", rule.id(), rule.shape().yamlName(),
                        rule.severity(), rule.enabled() ? "yes" : "no",
                        rule.operational() ? "(operational)" : String.join(",", rule.techniques()), rule.title()));
            }
        }
        out.flush();
        return 0;
    }

    static RuleCatalogue load(CommandLine commandLine, List<Path> files) {
        for (Path file : files) {
            ReadableFile.require(commandLine, file, "--rules");
        }
        try {
            return RuleCatalogue.shipped().plus(files);
        } catch (CatalogueException e) {
            throw new UsageError(commandLine, e.getMessage());
        }
    }

    private static ObjectNode json(RuleDefinition rule) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", rule.id()).put("title", rule.title()).put("description", rule.description());
        node.put("severity", rule.severity().name()).put("enabled", rule.enabled()).put("shape", rule.shape().yamlName());
        node.put("operational", rule.operational());
        ObjectNode attack = node.putObject("attack");
        rule.tactics().forEach(attack.putArray("tactics")::add);
        rule.techniques().forEach(attack.putArray("techniques")::add);
        rule.anchors().forEach(node.putArray("anchors")::add);
        rule.falsePositives().forEach(node.putArray("falsePositives")::add);
        node.put("source", rule.source());
        // what its windows and incidents are stored under: an edit that changes it starts the rule afresh
        node.put("stateKey", rule.stateKey());
        return node;
    }

    /** {@code gatewatch rules check FILE...}: a rule file checked as {@code run} and {@code analyze} would read it. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Checks rule files: an error names the file, line, rule and field and says what is allowed (exit 2).")
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rule files (.yaml).")
        List<Path> files;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            RuleCatalogue catalogue = load(spec.commandLine(), files);
            long added = catalogue.all().size() - RuleCatalogue.shipped().all().size();
            spec.commandLine().getOut().println("ok: " + added + " rule(s) in " + files.size() + " file(s), "
                    + catalogue.all().size() + " with the shipped ones");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
