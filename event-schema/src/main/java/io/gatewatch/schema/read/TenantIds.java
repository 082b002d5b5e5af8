package io.gatewatch.schema.read;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a tenant id may be, and its one spelling. Entra's are GUIDs, written in either case by
 * different exports: lower-cased here, so one tenant is one key. Other ids are kept as written
 * (a test's {@code t1}, a domain, the {@code <TENANT ID>} placeholder of Microsoft's documented
 * examples) as long as they cannot confuse a state key: keys join the tenant to a user or address
 * with {@code |}, so an id carrying that separator or a control character, or longer than 128
 * characters, is refused — never repaired, and never quoted in the reason.
 */
public final class TenantIds {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NAME = Pattern.compile("[^|\\p{Cntrl}]{1,128}");

    /** Says why an id is refused, without the id. */
    public static final String REFUSED = "tenantId holds '|' or a control character, or is longer than 128 characters";

    private TenantIds() {
    }

    /** The id in its one spelling; null for none (the configured default tenant may apply). */
    public static String normalise(String id) throws UnreadableRecordException {
        if (id == null || id.isBlank()) {
            return null;
        }
        String trimmed = id.strip();
        if (GUID.matcher(trimmed).matches()) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        if (NAME.matcher(trimmed).matches()) {
            return trimmed;
        }
        throw new UnreadableRecordException(REFUSED);
    }
}
