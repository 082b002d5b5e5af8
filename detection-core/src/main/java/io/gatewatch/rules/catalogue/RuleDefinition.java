package io.gatewatch.rules.catalogue;

import io.gatewatch.schema.Severity;
import java.util.List;
import java.util.Map;

/**
 * One rule of the catalogue: what an analyst reads (title, description, ATT&CK ids, the public
 * rules it follows, known false positives) and, for the shapes that are data, what it matches.
 *
 * @param operational a rule about configuration or hygiene (a Dynamics role, an expiry wave), not
 *                    an attack: it carries no ATT&CK ids
 * @param defaults    the rule's numbers as {@code rule.<id>.<name>} / {@code suppress.<id>} defaults, for
 *                    a rule file's own rules (the shipped rules' numbers are in rules.properties)
 * @param source      the file and line it was read from, for messages
 */
public record RuleDefinition(String id, String title, String description, Severity severity, boolean operational,
                             List<String> tactics, List<String> techniques, List<String> anchors,
                             List<String> falsePositives, boolean enabled, Shape shape, RuleLogic logic,
                             Map<String, String> defaults, String source) {

    public RuleDefinition {
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
        anchors = List.copyOf(anchors);
        falsePositives = List.copyOf(falsePositives);
        defaults = Map.copyOf(defaults);
    }
}
