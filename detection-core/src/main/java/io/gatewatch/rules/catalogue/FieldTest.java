package io.gatewatch.rules.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.rules.watchlist.WatchlistLookup;
import io.gatewatch.rules.watchlist.Watchlists;
import io.gatewatch.schema.ClassifiedEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * One field test of a {@link Condition}, given the watchlists to ask: only a {@code watchlist}
 * test asks them, the others ignore the argument. Lists are an argument, not a field of the test,
 * because the catalogue is parsed once and shared while each running topology has its own lists.
 */
interface FieldTest {

    boolean test(ClassifiedEvent event, WatchlistLookup lists);

    default FieldTest negate() {
        return (event, lists) -> !test(event, lists);
    }

    /** {@code {watchlist: privileged}} or a list of names: the field's value is on one of the lists. */
    static FieldTest watchlist(EventField field, JsonNode arg, Problems at, String name) {
        List<String> names = new ArrayList<>();
        for (String given : arg.isTextual() || arg.isArray() ? Condition.values(arg) : List.of("")) {
            String list = Watchlists.name(given);
            if (list == null) {
                throw at.problem(name, "a watchlist's name (letters, digits, . _ -) or a list of them, e.g. privileged");
            }
            names.add(list);
        }
        return (event, lists) -> {
            String value = null;
            for (String list : names) {
                // most tenants keep no list, or a short one: then no sign-in pays for reading its user
                if (!lists.hasMembers(list)) {
                    continue;
                }
                value = value == null ? field.read(event) : value;
                if (lists.contains(list, value)) {
                    return true;
                }
            }
            return false;
        };
    }
}
