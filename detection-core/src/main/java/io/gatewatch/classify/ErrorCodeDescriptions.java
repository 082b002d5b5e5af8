package io.gatewatch.classify;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewatch.schema.read.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What each sign-in error code means, after Microsoft's AADSTS reference, from the bundled
 * {@code /gatewatch/error-code-descriptions.json}: the admin sees "50126 InvalidUserNameOrPassword"
 * rather than a bare number. A code the file does not list has no description.
 */
public final class ErrorCodeDescriptions {

    private final Map<Integer, String> byCode;

    private ErrorCodeDescriptions(Map<Integer, String> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    public static ErrorCodeDescriptions defaults() {
        try (InputStream in = ErrorCodeDescriptions.class.getResourceAsStream("/gatewatch/error-code-descriptions.json")) {
            if (in == null) {
                throw new IllegalStateException("bundled resource /gatewatch/error-code-descriptions.json is missing");
            }
            Map<Integer, String> byCode = new HashMap<>();
            JsonNode descriptions = JsonMappers.internal().readTree(in).get("descriptions");
            descriptions.fields().forEachRemaining(e -> byCode.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
            return new ErrorCodeDescriptions(byCode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled error-code descriptions", e);
        }
    }

    /** The code's description; null when the file does not list it. */
    public String of(int code) {
        return byCode.get(code);
    }
}
