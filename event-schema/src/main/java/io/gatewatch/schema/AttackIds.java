package io.gatewatch.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The MITRE ATT&CK tactic and technique ids of an alert's rule, as the rule catalogue states them:
 * tactics {@code TA0006}, techniques {@code T1110} or sub-techniques {@code T1110.003}. Only the
 * form of an id is checked here, not that ATT&CK knows it ({@link AttackNames} has the names of
 * the ones Gatewatch uses). Serialised as {@code {"tactics":[...],"techniques":[...]}}.
 *
 * @param tactics    tactic ids, in the rule's order; never null
 * @param techniques technique and sub-technique ids, in the rule's order; never null
 */
public record AttackIds(List<String> tactics, List<String> techniques) {

    /** No ids: an operational rule, or an alert written before alerts carried ids. */
    public static final AttackIds NONE = new AttackIds(List.of(), List.of());

    static final Pattern TACTIC = Pattern.compile("TA\\d{4}");
    static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    static final String TACTIC_FORM = "TA and four digits, e.g. TA0006";
    static final String TECHNIQUE_FORM =
            "T and four digits, optionally a dot and three digits, e.g. T1110 or T1110.003";

    /** @throws IllegalArgumentException for an id not of the allowed form, naming the id and the form */
    public AttackIds {
        tactics = checked(tactics, TACTIC, "tactic", TACTIC_FORM);
        techniques = checked(techniques, TECHNIQUE, "technique", TECHNIQUE_FORM);
    }

    /** True when there is neither a tactic nor a technique. */
    @JsonIgnore
    public boolean isEmpty() {
        return tactics.isEmpty() && techniques.isEmpty();
    }

    private static List<String> checked(List<String> ids, Pattern form, String kind, String allowed) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> copy = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (id == null || !form.matcher(id).matches()) {
                throw new IllegalArgumentException("ATT&CK " + kind + " id " + quoted(id) + " is not of the form "
                        + allowed);
            }
            copy.add(id);
        }
        return List.copyOf(copy);
    }

    /** The id as given, cut short and on one line: it comes from a rule file, so it may be anything. */
    private static String quoted(String id) {
        if (id == null) {
            return "null";
        }
        String shown = (id.length() > 24 ? id.substring(0, 24) + "…" : id).replaceAll("\\p{Cntrl}", "?");
        return "\"" + shown + "\"";
    }
}
