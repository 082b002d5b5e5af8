package io.gatewatch.rules.exceptions;

import io.gatewatch.schema.ClassifiedEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which events the rules leave out before they keep any state for them: the global exceptions
 * ({@code exceptions.addresses}, {@code .asns}, {@code .users}, {@code .apps}) apply to every rule,
 * a rule's own ({@code rule.<RULE>.except-addresses}, ...) to that rule, in addition.
 *
 * <p>An engine asks {@link #forRule} once, when it is built, and tests each event against that
 * list; {@link #excepts(String, ClassifiedEvent)} does both in one call (a map look-up more).
 * Neither allocates; with no exceptions at all the answer is a constant false.
 */
public final class RuleExceptions {

    /** No exceptions anywhere. */
    public static final RuleExceptions NONE = new RuleExceptions(ExceptionList.NONE, Map.of());

    private final ExceptionList global;
    private final Map<String, ExceptionList> own;
    private final Map<String, ExceptionList> merged;
    private final boolean empty;

    private RuleExceptions(ExceptionList global, Map<String, ExceptionList> own) {
        this.global = global;
        Map<String, ExceptionList> kept = new TreeMap<>();
        Map<String, ExceptionList> both = new HashMap<>();
        own.forEach((rule, list) -> {
            if (!list.isEmpty()) {
                kept.put(rule, list);
                both.put(rule, global.plus(list));
            }
        });
        this.own = Map.copyOf(kept);
        this.merged = Map.copyOf(both);
        this.empty = global.isEmpty() && kept.isEmpty();
    }

    /** The global list and each rule's own (by rule name, e.g. {@code ACCOUNT_LOCKOUT}). */
    public static RuleExceptions of(ExceptionList global, Map<String, ExceptionList> perRule) {
        RuleExceptions exceptions = new RuleExceptions(global, perRule);
        return exceptions.empty ? NONE : exceptions;
    }

    /** Whether {@code rule} leaves the event out: a global exception or the rule's own matches it. */
    public boolean excepts(String rule, ClassifiedEvent event) {
        if (empty) {
            return false;
        }
        ExceptionList list = merged.get(rule);
        return (list == null ? global : list).excepts(event);
    }

    /** Everything that excepts an event from {@code rule}: the global list and the rule's own together. */
    public ExceptionList forRule(String rule) {
        if (empty) {
            return ExceptionList.NONE;
        }
        return merged.getOrDefault(rule, global);
    }

    /** The exceptions every rule applies. */
    public ExceptionList global() {
        return global;
    }

    /** Each rule's own exceptions (rules that have some), by rule name, sorted. */
    public Map<String, ExceptionList> perRule() {
        return new TreeMap<>(own);
    }

    public boolean isEmpty() {
        return empty;
    }

    @Override
    public String toString() {
        return empty ? "none" : "global: " + global + "; per rule: " + new TreeMap<>(own);
    }
}
