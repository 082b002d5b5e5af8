package io.gatewatch.schema.ocsf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.schema.AttackIds;
import io.gatewatch.schema.AttackNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An alert's ATT&CK ids as OCSF 1.1 {@code attack} objects, for {@code finding_info.attacks}.
 * OCSF's attack object holds one {@code tactic}, one {@code technique} and one {@code sub_technique}
 * (each {@code {"uid", "name"}}) and the ATT&CK {@code version}; a rule names lists of both, so:
 * <ul>
 *   <li>every technique is paired with every tactic the rule names (one attack object per pair),
 *       in the rule's order, technique by technique: a rule naming TA0006 and TA0001 with T1078
 *       gives T1078 under Credential Access and T1078 under Initial Access. With one tactic, every
 *       technique is under it; with no tactic, the objects have none; with no technique, there is
 *       one object per tactic;</li>
 *   <li>a sub-technique ({@code T1110.003}) is the object's {@code sub_technique}, its parent
 *       ({@code T1110}) the {@code technique}; a technique also named by one of its sub-techniques
 *       is not repeated on its own, the sub-technique's object already says it;</li>
 *   <li>names come from {@link AttackNames}; an id it does not know is written with its uid only,
 *       and an object with such an id has no {@code version}, since which ATT&CK release it is
 *       from is then not known.</li>
 * </ul>
 * The deprecated {@code tactics} array (deprecated since OCSF 1.1.0 in favour of {@code tactic})
 * is not written.
 */
final class OcsfAttacks {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OcsfAttacks() {
    }

    /** The attack objects of these ids; empty for {@link AttackIds#NONE}. */
    static ArrayNode of(AttackIds ids) {
        ArrayNode attacks = JSON.arrayNode();
        Set<String> tactics = new LinkedHashSet<>(ids.tactics());
        List<String[]> techniques = techniques(ids.techniques());
        if (techniques.isEmpty()) {
            tactics.forEach(tactic -> attacks.add(attack(tactic, null, null)));
            return attacks;
        }
        for (String[] technique : techniques) {
            if (tactics.isEmpty()) {
                attacks.add(attack(null, technique[0], technique[1]));
            }
            tactics.forEach(tactic -> attacks.add(attack(tactic, technique[0], technique[1])));
        }
        return attacks;
    }

    /** Each as {technique, sub-technique or null}, without a technique one of its sub-techniques names. */
    private static List<String[]> techniques(List<String> ids) {
        Set<String> distinct = new LinkedHashSet<>(ids);
        List<String[]> techniques = new ArrayList<>();
        for (String id : distinct) {
            int dot = id.indexOf('.');
            if (dot > 0) {
                techniques.add(new String[] {id.substring(0, dot), id});
            } else if (distinct.stream().noneMatch(other -> other.startsWith(id + "."))) {
                techniques.add(new String[] {id, null});
            }
        }
        return techniques;
    }

    private static ObjectNode attack(String tactic, String technique, String subTechnique) {
        ObjectNode attack = JSON.objectNode();
        boolean known = true;
        for (String[] field : new String[][] {{"tactic", tactic}, {"technique", technique},
                {"sub_technique", subTechnique}}) {
            if (field[1] != null) {
                ObjectNode entity = attack.putObject(field[0]).put("uid", field[1]);
                AttackNames.name(field[1]).ifPresent(name -> entity.put("name", name));
                known &= AttackNames.known(field[1]);
            }
        }
        if (known) {
            attack.put("version", AttackNames.version());
        }
        return attack;
    }
}
