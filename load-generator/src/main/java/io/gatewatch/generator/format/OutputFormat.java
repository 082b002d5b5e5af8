package io.gatewatch.generator.format;

import java.util.Arrays;
import java.util.Locale;

/** The export formats the generator writes sign-ins in; Dynamics accesses are always their own JSON. */
public enum OutputFormat {
    /** Microsoft Graph signIn objects, one per line or Kafka record. */
    GRAPH,
    /** Azure Monitor diagnostic records in {"records":[...]} batches, as Event Hubs delivers them. */
    AZURE_MONITOR,
    /** Log Analytics SigninLogs rows as JSON (dynamic columns as JSON strings). */
    LOG_ANALYTICS,
    /** The Azure portal's Log Analytics CSV export (files only). */
    CSV;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static OutputFormat parse(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName().equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + name + "' (graph, azure-monitor, "
                        + "log-analytics, csv)"));
    }
}
