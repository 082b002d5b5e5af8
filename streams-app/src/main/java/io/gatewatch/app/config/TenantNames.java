package io.gatewatch.app.config;

import io.gatewatch.schema.read.TenantIds;
import io.gatewatch.schema.read.UnreadableRecordException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenants' display names, {@code tenant.<id>.name=Contoso}: an admin reads "Contoso" where the
 * logs say {@code 72f988bf-...}. The id is spelled as the records' tenants are ({@link TenantIds}:
 * a GUID in any case is one tenant). As an environment variable,
 * {@code GATEWATCH_TENANT_<ID>_NAME} with the id's dashes as underscores.
 */
public final class TenantNames {

    private static final Pattern KEY = Pattern.compile("tenant\\.(.+)\\.name");
    private static final Pattern VARIABLE = Pattern.compile("TENANT_(.+)_NAME");
    public static final TenantNames NONE = new TenantNames(Map.of());

    private final Map<String, String> byTenant;

    private TenantNames(Map<String, String> byTenant) {
        this.byTenant = Map.copyOf(byTenant);
    }

    public static boolean isKey(String key) {
        return KEY.matcher(key).matches();
    }

    /** The key an environment variable (without its prefix) sets; null when it names no tenant's name. */
    static String keyOfVariable(String rest) {
        Matcher matcher = VARIABLE.matcher(rest.toUpperCase(Locale.ROOT));
        return matcher.matches() ? "tenant." + matcher.group(1).toLowerCase(Locale.ROOT).replace('_', '-') + ".name"
                : null;
    }

    /** The names among the configuration's values; an id that is no tenant id is a problem of its key. */
    static TenantNames read(Map<String, String> values, ConfigValues read) {
        Map<String, String> names = new HashMap<>();
        values.forEach((key, value) -> {
            Matcher matcher = KEY.matcher(key);
            if (matcher.matches()) {
                try {
                    names.put(TenantIds.normalise(matcher.group(1)), value.strip());
                } catch (UnreadableRecordException e) {
                    read.problem(key, key + ": the tenant id must not hold '|' or a control character, nor be longer than 128"
                            + " characters");
                }
            }
        });
        return new TenantNames(names);
    }

    /** The tenant's display name; null when none is configured. */
    public String nameOf(String tenantId) {
        return byTenant.get(tenantId);
    }
}
