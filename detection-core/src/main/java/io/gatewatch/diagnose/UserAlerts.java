package io.gatewatch.diagnose;

import io.gatewatch.schema.Alert;
import io.gatewatch.schema.AlertEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks, from a tenant's alerts, the ones that concern one user: those on the user
 * ({@code user:<upn>}) or on an entity that includes the user ({@code user+ip:<upn>|<ip>},
 * {@code user+org:<upn>|<host>}), and those whose evidence includes one of the user's sign-ins
 * the history holds (an address spraying passwords, a tenant-wide lockout storm the user's
 * lockout was part of): an alert names its evidence by correlation id, the same id the history
 * keeps. UPNs compare without case; the rules write them lower-cased.
 *
 * <p>Offered alerts in any order, it keeps the newest {@link #LIMIT} (by last evidence); the API
 * offers them newest first and may stop once {@link #full()}.
 */
public final class UserAlerts {

    /** Most alerts a diagnosis lists: the newest; more would bury the checklist. */
    public static final int LIMIT = 20;
    /** How far back before now (offline: before the newest record) a diagnosis looks: /alerts' default. */
    public static final Duration WINDOW = Duration.ofDays(7);

    private static final Comparator<Alert> NEWEST_FIRST = Comparator.comparing(Alert::lastSeen).reversed()
            .thenComparing(Alert::severity, Comparator.reverseOrder()).thenComparing(Alert::alertId);

    private final String tenantId;
    private final String userPrincipalName;
    private final UserHistory history;
    private final List<Alert> kept = new ArrayList<>();

    /**
     * @param tenantId the user's tenant, or null for any (offline input without {@code --tenant})
     * @param history  the user's sign-ins; read at each offer, so offline it may still be growing
     *                 (an alert's evidence is always read before the alert is raised)
     */
    public UserAlerts(String tenantId, String userPrincipalName, UserHistory history) {
        this.tenantId = tenantId;
        this.userPrincipalName = userPrincipalName;
        this.history = history;
    }

    /** Keeps {@code alert} if it concerns the user; true when it does. */
    public boolean offer(Alert alert) {
        if (tenantId != null && !tenantId.equals(alert.tenantId())) {
            return false;
        }
        if (!names(alert.entity(), userPrincipalName) && !evidenceHeld(alert)) {
            return false;
        }
        kept.add(alert);
        if (kept.size() > 2 * LIMIT) { // bounded however many alerts one user collects in a long export
            kept.sort(NEWEST_FIRST);
            kept.subList(LIMIT, kept.size()).clear();
        }
        return true;
    }

    /** As many kept as a diagnosis lists: a caller offering newest first has all it needs. */
    public boolean full() {
        return kept.size() >= LIMIT;
    }

    /**
     * The newest {@link #LIMIT} alerts kept whose last evidence is at or after {@code since},
     * newest first. Exact whatever the order of offers: the ones since a moment are the newest.
     */
    public List<Diagnosis.SecurityAlert> newestFirst(Instant since) {
        return kept.stream().filter(alert -> !alert.lastSeen().isBefore(since)).sorted(NEWEST_FIRST).limit(LIMIT)
                .map(Diagnosis.SecurityAlert::of).toList();
    }

    /** Whether the entity is the user or includes the user: each "user" part of the type names it in the value. */
    static boolean names(AlertEntity entity, String userPrincipalName) {
        if (entity == null || entity.type() == null || entity.value() == null) {
            return false;
        }
        String[] types = entity.type().split("\\+");
        String[] values = entity.value().split("\\|", types.length);
        for (int i = 0; i < types.length && i < values.length; i++) {
            if (types[i].equals("user") && values[i].equalsIgnoreCase(userPrincipalName)) {
                return true;
            }
        }
        return false;
    }

    private boolean evidenceHeld(Alert alert) {
        if (alert.correlationIds().isEmpty()) {
            return false;
        }
        Set<String> held = new HashSet<>();
        for (SignInSummary signIn : history.recent()) {
            if (signIn.correlationId() != null) {
                held.add(signIn.correlationId());
            }
        }
        return alert.correlationIds().stream().anyMatch(held::contains);
    }
}
