package io.gatewatch.schema.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Expands JSON that arrives as a string: Log Analytics' non-interactive table stores
 * {@code Status}, {@code DeviceDetail} and {@code LocationDetails} as JSON text, and CSV cells
 * are always text. A string that does not parse is left as it is.
 */
final class EmbeddedJson {

    private final ObjectMapper mapper;

    EmbeddedJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    JsonNode expand(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return value;
        }
        String text = value.textValue().trim();
        boolean looksLikeJson = (text.startsWith("{") && text.endsWith("}"))
                || (text.startsWith("[") && text.endsWith("]"));
        if (!looksLikeJson) {
            return value;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return value;
        }
    }
}
