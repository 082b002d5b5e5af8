package io.gatewatch.generator.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.gatewatch.schema.AlertEntity;
import java.time.Instant;
import java.util.Locale;

/**
 * One line of the label file: what an injected scenario should (or should not) make a rule say
 * about one entity between {@code start} and {@code end} (event time, inclusive).
 *
 * @param expect {@code alert}: the rule must fire; {@code none}: a near miss, the rule must stay
 *               quiet; {@code may}: a side effect the data really shows (a tenant's failure rate
 *               rising during an attack), neither required nor a false positive
 */
public record Label(String scenario, String rule, Expect expect, String tenantId, AlertEntity entity,
                    Instant start, Instant end) {

    /** Whether the labelled rule must fire, must not, or may. */
    public enum Expect {
        ALERT, NONE, MAY;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Expect of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** True when an alert of {@code rule} for this tenant and entity at event time {@code seen} is covered. */
    public boolean covers(String alertRule, String alertTenant, AlertEntity alertEntity, Instant seen) {
        return rule.equals(alertRule) && tenantId.equals(alertTenant)
                && entity.type().equals(alertEntity.type()) && entity.value().equalsIgnoreCase(alertEntity.value())
                && !seen.isBefore(start) && !seen.isAfter(end);
    }
}
