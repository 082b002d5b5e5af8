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
 * @param stateKey    what the rule's windows and incidents are stored under: the id for Gatewatch's
 *                    own rules (versioned with the code, so an upgrade keeps in-flight state), the id
 *                    and a fingerprint of what the state means for a rule file's ({@link StateFingerprint})
 * @param guide       the triage questions and response steps its alerts carry
 */
public record RuleDefinition(String id, String title, String description, Severity severity, boolean operational,
                             List<String> tactics, List<String> techniques, List<String> anchors,
                             List<String> falsePositives, boolean enabled, Shape shape, RuleLogic logic,
                             Map<String, String> defaults, String source, String stateKey, RuleGuide guide) {

    public RuleDefinition {
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
        anchors = List.copyOf(anchors);
        falsePositives = List.copyOf(falsePositives);
        defaults = Map.copyOf(defaults);
        stateKey = stateKey == null ? id : stateKey;
        guide = guide == null ? RuleGuide.NONE : guide;
    }

    /** A rule without triage or response, its state kept under {@code stateKey}. */
    public RuleDefinition(String id, String title, String description, Severity severity, boolean operational,
                          List<String> tactics, List<String> techniques, List<String> anchors,
                          List<String> falsePositives, boolean enabled, Shape shape, RuleLogic logic,
                          Map<String, String> defaults, String source, String stateKey) {
        this(id, title, description, severity, operational, tactics, techniques, anchors, falsePositives, enabled,
                shape, logic, defaults, source, stateKey, RuleGuide.NONE);
    }

    /** A rule whose state is kept under its id. */
    public RuleDefinition(String id, String title, String description, Severity severity, boolean operational,
                          List<String> tactics, List<String> techniques, List<String> anchors,
                          List<String> falsePositives, boolean enabled, Shape shape, RuleLogic logic,
                          Map<String, String> defaults, String source) {
        this(id, title, description, severity, operational, tactics, techniques, anchors, falsePositives, enabled,
                shape, logic, defaults, source, id, RuleGuide.NONE);
    }

    /** The same rule, its state kept under {@code key}. */
    RuleDefinition withStateKey(String key) {
        return new RuleDefinition(id, title, description, severity, operational, tactics, techniques, anchors,
                falsePositives, enabled, shape, logic, defaults, source, key, guide);
    }
}
