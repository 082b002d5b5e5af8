package io.gatewatch.rules.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state key of a rule file's rule: {@code ID#} and 8 hex digits of what its state means. A
 * rule's windows hold observations its condition picked for its entity; a rule redefined under the
 * same id (another shape, entity, condition, distinct field, burst or escalation) must not read the
 * old definition's observations as its own, so its key changes with those. What only says or
 * tunes — title, description, severity, ATT&CK ids, anchors, false positives, enabled, summaries,
 * nouns, the numbers ({@code params}, {@code moreThan}) — is left out: re-tuning a threshold or
 * re-wording an alert keeps the state.
 *
 * <p>Every other field counts, including one a later shape adds: a field wrongly counted resets a
 * rule's windows once, a field wrongly left out would mix two definitions' state. Canonical before
 * hashing — keys sorted, scalars as their text (as conditions read them) — so re-indenting,
 * reordering keys, flow or block style and quoting keep the key.
 */
final class StateFingerprint {

    /** Fields, at the top and in list elements (cases, groups), that do not change what state means. */
    private static final Set<String> SAYS_OR_TUNES = Set.of("id", "title", "description", "severity", "attack",
            "operational", "anchors", "falsePositives", "enabled", "params", "moreThan", "summary", "noun", "triage",
            "response");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StateFingerprint() {
    }

    /** {@code id#fingerprint} of one rule's mapping as read from its file. */
    static String stateKey(String id, JsonNode rule) {
        return id + "#" + of(rule);
    }

    static String of(JsonNode rule) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsString(meaning(rule, true))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint a rule", e); // SHA-256 is in every JRE
        }
    }

    /**
     * A rule ({@code top}) or one of its list elements (a case, a group), without what says or
     * tunes; a condition below them is kept whole, whatever its fields are called.
     */
    private static ObjectNode meaning(JsonNode part, boolean top) {
        ObjectNode kept = NODES.objectNode();
        for (String field : names(part)) {
            JsonNode value = part.get(field);
            if (SAYS_OR_TUNES.contains(field)) {
                continue;
            }
            if (top && value.isArray()) {
                ArrayNode elements = kept.putArray(field);
                value.forEach(element -> elements.add(element.isObject() ? meaning(element, false) : canonical(element)));
            } else {
                kept.set(field, canonical(value));
            }
        }
        return kept;
    }

    /** Keys sorted, scalars as text (a condition reads 50126 and "50126" alike): what is read, not how it was written. */
    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = NODES.objectNode();
            names(node).forEach(field -> sorted.set(field, canonical(node.get(field))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode elements = NODES.arrayNode();
            node.forEach(element -> elements.add(canonical(element)));
            return elements;
        }
        return node.isNull() ? NODES.nullNode() : NODES.textNode(node.asText());
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
