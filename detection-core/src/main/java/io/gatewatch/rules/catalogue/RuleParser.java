package io.gatewatch.rules.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.schema.Severity;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** One rule's mapping checked field by field and turned into a {@link RuleDefinition}. */
final class RuleParser {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    private static final Pattern TACTIC = Pattern.compile("TA\\d{4}");
    private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static final Set<String> FIELDS = Set.of("id", "title", "description", "severity", "attack", "operational",
            "anchors", "falsePositives", "enabled", "shape", "entity", "where", "cases", "summary", "groups",
            "distinct", "noun", "burst", "moreThan", "escalation", "of", "params", "term",
            "triage", "response");
    private static final Set<String> NUMBERS = Set.of("threshold", "distinct");
    private static final Set<String> PERIODS = Set.of("window", "success-window", "suppress", "history");

    private RuleParser() {
    }

    static RuleDefinition parse(JsonNode rule, Problems at) {
        for (Iterator<String> names = rule.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw at.problem(name, "unknown field; allowed: " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        String id = text(rule, "id", at, true);
        if (!ID.matcher(id).matches()) {
            throw at.problem("id", "upper case letters, digits and _ , starting with a letter (e.g. MY_RULE), was '" + id + "'");
        }
        Shape shape = Shape.parse(text(rule, "shape", at, true));
        if (shape == null) {
            throw at.problem("shape", "allowed: " + Shape.allowed());
        }
        boolean operational = flag(rule, "operational", at, false);
        List<String> tactics = List.of();
        List<String> techniques = List.of();
        JsonNode attack = rule.get("attack");
        if (attack != null) {
            tactics = ids(attack.get("tactics"), TACTIC, "attack.tactics", "TA and four digits, e.g. TA0006", at);
            techniques = ids(attack.get("techniques"), TECHNIQUE, "attack.techniques",
                    "T and four digits, with .NNN for a sub-technique, e.g. T1110.003", at);
        }
        if (!operational && shape != Shape.ESCALATION && techniques.isEmpty()) {
            throw at.problem("attack", "a rule that detects an attack names its MITRE ATT&CK techniques "
                    + "(attack: {tactics: [TA0006], techniques: [T1110]}); a rule about configuration says operational: true");
        }
        return new RuleDefinition(id, text(rule, "title", at, true), text(rule, "description", at, false),
                severity(rule, at), operational, tactics, techniques, list(rule, "anchors"), list(rule, "falsePositives"),
                flag(rule, "enabled", at, true), shape, LogicParser.parse(shape, rule, at), params(rule, id, at),
                at.source() + ":" + at.ruleLine(), id, guide(rule, at));
    }

    /**
     * {@code triage}: a list of questions, each a text or {ask: ..., answer: FACT}; {@code response}:
     * a list of steps.
     */
    private static RuleGuide guide(JsonNode rule, Problems at) {
        List<RuleGuide.Question> triage = new ArrayList<>();
        JsonNode questions = rule.get("triage");
        if (questions != null && !questions.isNull()) {
            if (!questions.isArray()) {
                throw at.problem("triage", "a list of questions, each a text or {ask: ..., answer: " + TriageFact.allowed() + "}");
            }
            for (JsonNode question : questions) {
                if (question.isValueNode()) {
                    triage.add(new RuleGuide.Question(question.asText().strip(), null));
                    continue;
                }
                JsonNode ask = question.get("ask");
                if (ask == null || !ask.isValueNode() || ask.asText().isBlank()) {
                    throw at.problem("triage", "each question is a text or {ask: ..., answer: ...}; 'ask' is required");
                }
                JsonNode answer = question.get("answer");
                TriageFact fact = answer == null ? null : TriageFact.named(answer.asText().strip());
                if (answer != null && fact == null) {
                    throw at.problem("triage", "answer '" + answer.asText() + "' is no fact Gatewatch knows; allowed: "
                            + TriageFact.allowed());
                }
                triage.add(new RuleGuide.Question(ask.asText().strip(), fact));
            }
        }
        return new RuleGuide(triage, list(rule, "response"));
    }

    static Severity severity(JsonNode rule, Problems at) {
        String value = text(rule, "severity", at, true);
        try {
            return Severity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw at.problem("severity", "allowed: INFO, LOW, MEDIUM, HIGH, CRITICAL; was '" + value + "'");
        }
    }

    /** A rule file's own numbers, as the rule settings' keys: {@code rule.<id>.threshold}, {@code suppress.<id>}. */
    private static Map<String, String> params(JsonNode rule, String id, Problems at) {
        JsonNode params = rule.get("params");
        Map<String, String> defaults = new HashMap<>();
        if (params == null) {
            return defaults;
        }
        if (!params.isObject()) {
            throw at.problem("params", "a mapping such as {threshold: 10, window: PT10M, suppress: PT1H}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            String value = entry.getValue().asText().strip();
            if (NUMBERS.contains(name)) {
                if (!value.matches("\\d{1,9}")) {
                    throw at.problem("params." + name, "a whole number, was '" + value + "'");
                }
            } else if (PERIODS.contains(name)) {
                try {
                    Duration.parse(value);
                } catch (DateTimeParseException e) {
                    throw at.problem("params." + name, "an ISO-8601 duration such as PT10M, was '" + value + "'");
                }
            } else {
                throw at.problem("params." + name, "unknown; allowed: threshold, distinct, window, success-window, history, suppress");
            }
            defaults.put(name.equals("suppress") ? "suppress." + id : "rule." + id + "." + name, value);
        }
        return defaults;
    }

    static String text(JsonNode rule, String field, Problems at, boolean required) {
        JsonNode node = rule.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw at.problem(field, "required");
            }
            return null;
        }
        if (!node.isValueNode()) {
            throw at.problem(field, "expected text");
        }
        return node.asText().strip();
    }

    static boolean flag(JsonNode rule, String field, Problems at, boolean otherwise) {
        JsonNode node = rule.get(field);
        if (node == null) {
            return otherwise;
        }
        if (!node.isBoolean()) {
            throw at.problem(field, "true or false");
        }
        return node.booleanValue();
    }

    private static List<String> list(JsonNode rule, String field) {
        List<String> values = new ArrayList<>();
        JsonNode node = rule.get(field);
        if (node != null && node.isArray()) {
            node.forEach(v -> values.add(v.asText().strip()));
        } else if (node != null && !node.isNull()) {
            values.add(node.asText().strip());
        }
        return values;
    }

    private static List<String> ids(JsonNode node, Pattern form, String field, String allowed, Problems at) {
        List<String> ids = new ArrayList<>();
        if (node == null) {
            return ids;
        }
        for (JsonNode id : node.isArray() ? node : List.of(node)) {
            String value = id.asText().strip();
            if (!form.matcher(value).matches()) {
                throw at.problem(field, "'" + value + "' is not an ATT&CK id: " + allowed);
            }
            ids.add(value);
        }
        return ids;
    }
}
