package io.gatewatch.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names of the MITRE ATT&CK tactics and techniques Gatewatch's rules use, from the bundled
 * {@value #RESOURCE} (its {@code _source} says which ATT&CK release and where from). An id this
 * file does not know is still a valid id: it just has no name here.
 */
public final class AttackNames {

    public static final String RESOURCE = "/gatewatch/attack-names.json";

    private static final Map<String, String> NAMES = new LinkedHashMap<>();
    private static final String VERSION;

    static {
        try (InputStream in = AttackNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            JsonNode file = new ObjectMapper().readTree(in);
            VERSION = file.path("version").asText();
            file.path("tactics").fields().forEachRemaining(e -> NAMES.put(e.getKey(), e.getValue().asText()));
            file.path("techniques").fields().forEachRemaining(e -> NAMES.put(e.getKey(), e.getValue().asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private AttackNames() {
    }

    /** The ATT&CK release the names are from, e.g. {@code 18.1}. */
    public static String version() {
        return VERSION;
    }

    /** The name of a tactic, technique or sub-technique id (a sub-technique's own name: Password Spraying). */
    public static Optional<String> name(String id) {
        return Optional.ofNullable(NAMES.get(id));
    }

    public static boolean known(String id) {
        return NAMES.containsKey(id);
    }

    /** Every id with its name, tactics first, in the file's order. */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(NAMES);
    }
}
