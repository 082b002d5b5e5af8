package io.gatewatch.app.config;

import io.gatewatch.app.serde.GatewatchSerdes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.DynamicsOrg;
import io.gatewatch.schema.TenantAggregate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics Gatewatch reads and writes (DESIGN §2), each with its serdes; every name is
 * configurable. Input and the dead-letter topic are raw bytes (any export format, kept as received);
 * the rest carry Gatewatch's JSON. The watchlists topic is text: its processor reads the
 * {@code watchlist|user} keys and JSON values itself, so a bad record is refused without a decoder
 * echoing a user name into the log.
 */
public record Topics(Topic<byte[], byte[]> signinEvents, Topic<byte[], byte[]> dynamicsAccess,
                     Topic<String, DynamicsOrg> dynamicsOrgs, Topic<String, Alert> alerts,
                     Topic<String, TenantAggregate> aggregates, Topic<String, TenantAggregate> aggregatesDaily,
                     Topic<String, ClassifiedEvent> classified,
                     Topic<byte[], byte[]> deadLetter, Topic<String, ObjectNode> alertsOcsf,
                     Topic<String, String> watchlists) {

    public static final Topics DEFAULTS = named("signin-events", "dynamics-access", "dynamics-orgs", "signin-alerts",
            "signin-aggregates", "signin-aggregates-daily", "signin-classified", "signin-events-dlq",
            "signin-alerts-ocsf", "gatewatch-watchlists");

    /** The keys of the topic names, in the order of {@link #all()}. */
    public static final List<String> KEYS = List.of("topic.signin-events", "topic.dynamics-access",
            "topic.dynamics-orgs", "topic.alerts", "topic.aggregates", "topic.aggregates-daily", "topic.classified",
            "topic.dlq", "topic.alerts-ocsf", "topic.watchlists");

    /** The names a configuration gives ({@code topic.alerts=soc-alerts}), the defaults for the rest. */
    static Topics configured(Map<String, String> values) {
        List<String> defaults = DEFAULTS.all();
        String[] names = new String[KEYS.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = values.getOrDefault(KEYS.get(i), defaults.get(i));
        }
        return named(names[0], names[1], names[2], names[3], names[4], names[5], names[6], names[7], names[8],
                names[9]);
    }

    public static Topics named(String signinEvents, String dynamicsAccess, String dynamicsOrgs, String alerts,
                               String aggregates, String aggregatesDaily, String classified, String deadLetter,
                               String alertsOcsf, String watchlists) {
        Serde<byte[]> raw = Serdes.ByteArray();
        Serde<String> text = Serdes.String();
        return new Topics(new Topic<>(signinEvents, raw, raw), new Topic<>(dynamicsAccess, raw, raw),
                new Topic<>(dynamicsOrgs, text, GatewatchSerdes.ORG), new Topic<>(alerts, text, GatewatchSerdes.ALERT),
                new Topic<>(aggregates, text, GatewatchSerdes.AGGREGATE),
                new Topic<>(aggregatesDaily, text, GatewatchSerdes.AGGREGATE),
                new Topic<>(classified, text, GatewatchSerdes.CLASSIFIED), new Topic<>(deadLetter, raw, raw),
                new Topic<>(alertsOcsf, text, GatewatchSerdes.OCSF_FINDING), new Topic<>(watchlists, text, text));
    }

    /** Every topic; {@link #used} is the ones a configuration reads or writes. */
    public List<String> all() {
        return List.of(signinEvents.name(), dynamicsAccess.name(), dynamicsOrgs.name(), alerts.name(),
                aggregates.name(), aggregatesDaily.name(), classified.name(), deadLetter.name(), alertsOcsf.name(),
                watchlists.name());
    }

    /** The topics used with this alert format: the OCSF topic only when findings go there, Gatewatch's alerts only when they do. */
    public List<String> used(AlertFormat format) {
        return all().stream().filter(t -> (format.ocsf() || !t.equals(alertsOcsf.name()))
                && (format.gatewatch() || !t.equals(alerts.name()))).toList();
    }

    @Override
    public String toString() {
        return all().toString();
    }
}
