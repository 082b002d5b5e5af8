package io.gatewatch.rules.catalogue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rule file: {@code rules:}, a list of rules (see {@code config/rules.yaml} for the format).
 * Each rule is read with the line of each of its fields, so that {@link RuleParser} can say
 * where a problem is; a file that is not YAML is refused with the line the parser stopped at.
 */
public final class CatalogueReader {

    private static final YAMLMapper YAML = new YAMLMapper();

    private CatalogueReader() {
    }

    /**
     * The rules of one rule file's text; {@code source} names it in every message. Each rule's
     * state is kept under its id and a fingerprint of what the state means ({@link StateFingerprint}).
     */
    public static List<RuleDefinition> read(String text, String source) {
        return read(text, source, true);
    }

    /** Gatewatch's own catalogue: its rules' state is kept under their ids, versioned with the code. */
    static List<RuleDefinition> readShipped(String text, String source) {
        return read(text, source, false);
    }

    private static List<RuleDefinition> read(String text, String source, boolean fingerprinted) {
        List<RuleDefinition> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CatalogueException(source, line(parser), null, null, "expected a mapping with 'rules:'");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                if (!key.equals("rules")) {
                    throw new CatalogueException(source, line(parser), null, key, "unknown key; a rule file has 'rules:' only");
                }
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new CatalogueException(source, line(parser), null, "rules", "expected a list of rules");
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    rules.add(readRule(parser, source, ids, fingerprinted));
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    throw new CatalogueException(source, line(parser), null, "rules", "each rule is a mapping (id: ..., title: ...)");
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new CatalogueException(source, line, null, null, "not valid YAML (" + e.getOriginalMessage()
                    .lines().findFirst().orElse("") + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    private static RuleDefinition readRule(JsonParser parser, String source, Set<String> ids, boolean fingerprinted)
            throws IOException {
        int ruleLine = line(parser);
        ObjectNode rule = YAML.createObjectNode();
        Map<String, Integer> lines = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            lines.put(field, line(parser));
            parser.nextToken();
            JsonNode value = YAML.readTree(parser);
            rule.set(field, value);
        }
        JsonNode id = rule.get("id");
        Problems at = new Problems(source, ruleLine, lines, id == null ? null : id.asText());
        RuleDefinition definition = RuleParser.parse(rule, at);
        if (!ids.add(definition.id())) {
            throw at.problem("id", "duplicate id: another rule of this file has it");
        }
        return fingerprinted ? definition.withStateKey(StateFingerprint.stateKey(definition.id(), rule)) : definition;
    }

    private static int line(JsonParser parser) {
        return parser.currentLocation().getLineNr();
    }
}
