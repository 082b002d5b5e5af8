package io.gatewatch.rules.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The shape-specific part of a rule: what it matches, groups by and says. */
final class LogicParser {

    private static final Set<String> DISTINCT = Set.of("user", "address", "app", "location");

    private LogicParser() {
    }

    static RuleLogic parse(Shape shape, JsonNode rule, Problems at) {
        return switch (shape) {
            case MATCH -> match(rule, at);
            case COUNT -> count(rule, at);
            case BURST_THEN_SUCCESS -> burst(rule, at);
            case NEW_TERMS -> newTerms(rule, at);
            case ESCALATION -> new RuleLogic.Escalation(RuleParser.text(rule, "of", at, true),
                    RuleParser.text(rule, "summary", at, true));
            case JAVA -> new RuleLogic.Java();
        };
    }

    private static RuleLogic match(JsonNode rule, Problems at) {
        EntityKind entity = entity(rule, at);
        List<RuleLogic.Case> cases = new ArrayList<>();
        JsonNode list = rule.get("cases");
        if (list != null) {
            if (!list.isArray() || list.isEmpty() || rule.has("where") || rule.has("summary")) {
                throw at.problem("cases", "a list of {where: ..., summary: ...}, instead of where and summary");
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode one = list.get(i);
                String field = "cases[" + i + "]";
                cases.add(new RuleLogic.Case(Condition.of(one.get("where"), nested(at, field)),
                        RuleParser.text(one, "summary", nested(at, field), true),
                        one.has("severity") ? RuleParser.severity(one, nested(at, field)) : null));
            }
        } else {
            cases.add(new RuleLogic.Case(Condition.of(rule.get("where"), at), RuleParser.text(rule, "summary", at, true), null));
        }
        return new RuleLogic.Match(entity, cases);
    }

    private static RuleLogic count(JsonNode rule, Problems at) {
        List<RuleLogic.Group> groups = new ArrayList<>();
        JsonNode list = rule.get("groups");
        if (list != null) {
            if (!list.isArray() || list.isEmpty() || rule.has("entity") || rule.has("summary")) {
                throw at.problem("groups", "a list of {entity, distinct, noun, summary}, instead of those fields at the top");
            }
            for (int i = 0; i < list.size(); i++) {
                groups.add(group(list.get(i), nested(at, "groups[" + i + "]")));
            }
        } else {
            groups.add(group(rule, at));
        }
        return new RuleLogic.Count(Condition.of(rule.get("where"), at), groups);
    }

    private static RuleLogic.Group group(JsonNode node, Problems at) {
        String distinct = RuleParser.text(node, "distinct", at, false);
        if (distinct != null && !DISTINCT.contains(distinct) && EventField.named(distinct) == null) {
            throw at.problem("distinct", "what to count distinct values of; allowed: user, address, app, location, "
                    + "or a field: " + EventField.allowed());
        }
        String noun = RuleParser.text(node, "noun", at, false);
        return new RuleLogic.Group(entity(node, at), distinct, noun != null ? noun : distinct == null ? "" : distinct + "s",
                RuleParser.text(node, "summary", at, true));
    }

    private static RuleLogic newTerms(JsonNode rule, Problems at) {
        String term = RuleParser.text(rule, "term", at, true);
        EventField field = EventField.named(term);
        if (field == null) {
            throw at.problem("term", "the field whose new values count; allowed: " + EventField.allowed());
        }
        return new RuleLogic.NewTerms(entity(rule, at), Condition.of(rule.get("where"), at), field,
                RuleParser.text(rule, "summary", at, true));
    }

    private static RuleLogic burst(JsonNode rule, Problems at) {
        if (rule.has("entity") && !"user".equals(rule.get("entity").asText())) {
            throw at.problem("entity", "a burst-then-success rule watches one user: entity: user");
        }
        if (!rule.has("burst")) {
            throw at.problem("burst", "required: what a failure of the burst is, e.g. {category: INVALID_CREDENTIALS}");
        }
        return new RuleLogic.Burst(Condition.of(rule.get("burst"), at), RuleParser.flag(rule, "moreThan", at, false),
                RuleParser.text(rule, "summary", at, true), RuleParser.text(rule, "escalation", at, false));
    }

    private static EntityKind entity(JsonNode node, Problems at) {
        String name = RuleParser.text(node, "entity", at, true);
        EntityKind kind = EntityKind.named(name);
        if (kind == null) {
            throw at.problem("entity", "unknown entity '" + name + "'; allowed: " + EntityKind.allowed());
        }
        return kind;
    }

    /** Problems inside a list element are named by the element, on the list's line. */
    private static Problems nested(Problems at, String element) {
        return at.within(element);
    }
}
