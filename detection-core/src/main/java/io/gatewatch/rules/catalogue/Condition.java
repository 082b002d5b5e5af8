package io.gatewatch.rules.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.rules.watchlist.WatchlistLookup;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.ClassifiedEvent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A rule file's {@code where:}: every field test must hold. A test is a value (equals), a list
 * (one of), or one of {@code contains}, {@code not}, {@code present}, {@code watchlist}; text
 * compares without case. The category test, which nearly every rule starts with, compares enums, so
 * a rule that does not match an event costs one comparison.
 *
 * <p>A catalogue is parsed once and shared, but watchlists change while Gatewatch runs: a
 * {@code watchlist} test asks the lookup a rule {@link #bind binds} when it is built, at each event.
 */
public final class Condition implements Predicate<ClassifiedEvent> {

    public static final Condition ALWAYS = new Condition(List.of());

    private final List<FieldTest> tests;

    private Condition(List<FieldTest> tests) {
        this.tests = List.copyOf(tests);
    }

    /** Without watchlists: a {@code watchlist} test is false. A rule tests through {@link #bind}. */
    @Override
    public boolean test(ClassifiedEvent event) {
        return test(event, WatchlistLookup.NONE);
    }

    /** This condition asking {@code lists}, as they stand at each event, for its {@code watchlist} tests. */
    public Predicate<ClassifiedEvent> bind(WatchlistLookup lists) {
        return event -> test(event, lists);
    }

    private boolean test(ClassifiedEvent event, WatchlistLookup lists) {
        for (FieldTest test : tests) {
            if (!test.test(event, lists)) {
                return false;
            }
        }
        return true;
    }

    /** Compiles a {@code where:} mapping; {@code at} says where a problem is. */
    static Condition of(JsonNode where, Problems at) {
        if (where == null || where.isNull()) {
            return ALWAYS;
        }
        if (!where.isObject()) {
            throw at.problem("where", "expected a mapping of field: test, e.g. {category: ACCOUNT_LOCKED}");
        }
        List<FieldTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = where.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            EventField field = EventField.named(entry.getKey());
            if (field == null) {
                throw at.problem("where." + entry.getKey(), "unknown field; allowed: " + EventField.allowed());
            }
            tests.add(test(field, entry.getValue(), at, "where." + entry.getKey()));
        }
        return new Condition(tests);
    }

    private static FieldTest test(EventField field, JsonNode spec, Problems at, String name) {
        if (spec.isObject()) {
            if (spec.size() != 1) {
                throw at.problem(name, "a test is one of: a value, a list, {contains: ...}, {not: ...}, {present: true|false}, "
                        + "{watchlist: ...}");
            }
            String op = spec.fieldNames().next();
            JsonNode arg = spec.get(op);
            return switch (op) {
                case "contains" -> {
                    List<String> parts = values(arg).stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
                    yield (e, lists) -> {
                        String value = field.read(e);
                        return value != null && parts.stream().anyMatch(value.toLowerCase(Locale.ROOT)::contains);
                    };
                }
                case "not" -> test(field, arg, at, name + ".not").negate();
                case "present" -> {
                    if (!arg.isBoolean()) {
                        throw at.problem(name + ".present", "true or false");
                    }
                    boolean present = arg.booleanValue();
                    yield (e, lists) -> (field.read(e) != null) == present;
                }
                case "watchlist" -> FieldTest.watchlist(field, arg, at, name + ".watchlist");
                default -> throw at.problem(name + "." + op,
                        "unknown test; allowed: contains, not, present, watchlist (or a value, or a list)");
            };
        }
        if (!spec.isValueNode() && !spec.isArray()) {
            throw at.problem(name, "a value, a list, or a test such as {contains: ...}");
        }
        List<String> values = values(spec);
        if (field == EventField.CATEGORY) {
            Set<Category> categories = EnumSet.noneOf(Category.class);
            for (String value : values) {
                try {
                    categories.add(Category.valueOf(value.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw at.problem(name, "unknown category " + value + "; allowed: " + List.of(Category.values()));
                }
            }
            return (e, lists) -> categories.contains(e.classification().category());
        }
        if (field == EventField.ERROR_CODE) {
            Set<Integer> codes = new HashSet<>();
            for (String value : values) {
                try {
                    codes.add(Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    throw at.problem(name, "an error code is a number, was '" + value + "'");
                }
            }
            return (e, lists) -> codes.contains(e.classification().errorCode());
        }
        if (values.size() <= 4) {
            // the common case, one or a few values: compared in place, no lower-cased copy per event
            String[] few = values.toArray(String[]::new);
            return (e, lists) -> {
                String value = field.read(e);
                if (value != null) {
                    for (String wanted : few) {
                        if (wanted.equalsIgnoreCase(value)) {
                            return true;
                        }
                    }
                }
                return false;
            };
        }
        Set<String> wanted = new HashSet<>();
        values.forEach(v -> wanted.add(v.toLowerCase(Locale.ROOT)));
        return (e, lists) -> {
            String value = field.read(e);
            return value != null && wanted.contains(value.toLowerCase(Locale.ROOT));
        };
    }

    static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
