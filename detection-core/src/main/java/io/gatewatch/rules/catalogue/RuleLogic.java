package io.gatewatch.rules.catalogue;

import java.util.List;

/** What a data rule does, per shape; the numbers it uses are read from the rule settings by its id. */
public sealed interface RuleLogic {

    /** A per-event rule: the first case whose condition holds fires, with its own summary. */
    record Match(EntityKind entity, List<Case> cases) implements RuleLogic {
    }

    /**
     * One branch of a match rule; {@code summary} may name any field as {@code {field}}; a case's
     * own {@code severity} (null: the rule's) grades what it finds, as a risk pass-through grades by level.
     */
    record Case(Condition where, String summary, io.gatewatch.schema.Severity severity) {
    }

    /**
     * A counting rule: matching events per entity within {@code window}, at least {@code threshold}
     * of them and {@code distinct} distinct values of {@code distinctField}. Several groups count
     * the same matches per different entities (a disabled account on several apps; an address on
     * several disabled accounts).
     */
    record Count(Condition where, List<Group> groups) implements RuleLogic {
    }

    /** @param distinctField user, address, app or location; null counts matches only */
    record Group(EntityKind entity, String distinctField, String distinctNoun, String summary) {
    }

    /**
     * Failures against one user, then the user's success: {@code moreThan} makes the threshold
     * exclusive (Sentinel's "more than 10"); the success raises {@code escalation}'s alert.
     */
    record Burst(Condition burst, boolean moreThan, String summary, String escalation) implements RuleLogic {
    }

    /** A value of {@code term} the entity has not shown within the look-back. */
    record NewTerms(EntityKind entity, Condition where, EventField term, String summary) implements RuleLogic {
    }

    /** The alert a burst rule raises when the user then signs in. */
    record Escalation(String of, String summary) implements RuleLogic {
    }

    /** Logic in code. */
    record Java() implements RuleLogic {
    }
}
