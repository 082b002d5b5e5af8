package io.gatewatch.app.serde;

import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.diagnose.SignInSummary;
import io.gatewatch.rules.baseline.TenantBaseline;
import io.gatewatch.rules.windowed.AddressFailure;
import io.gatewatch.rules.windowed.EntityWindows;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.DynamicsOrg;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.TenantAggregate;
import org.apache.kafka.common.serialization.Serde;

/**
 * The serdes of every topic and store, in one place so a topic's contract is found once. Topics
 * other programs read carry JSON text; the repartition topic and the state stores (and their
 * changelogs) are binary: the repartition topic carries Smile (binary JSON, the same model as
 * the JSON topics), and the three stores read and written on every event have hand-written
 * formats, because profiling showed reflective (de)serialization of them dominating the stream
 * threads.
 */
public final class GatewatchSerdes {

    public static final JsonSerde<InputEvent> INPUT_EVENT = JsonSerde.binary(InputEvent.class);
    public static final JsonSerde<ClassifiedEvent> CLASSIFIED = JsonSerde.of(ClassifiedEvent.class);
    public static final JsonSerde<Alert> ALERT = JsonSerde.of(Alert.class);
    /** An alert as an OCSF Detection Finding ({@code OcsfDetectionFinding}), JSON text. */
    public static final JsonSerde<ObjectNode> OCSF_FINDING = JsonSerde.of(ObjectNode.class);
    public static final JsonSerde<TenantAggregate> AGGREGATE = JsonSerde.of(TenantAggregate.class);
    public static final JsonSerde<DynamicsOrg> ORG = JsonSerde.of(DynamicsOrg.class);
    public static final Serde<EntityWindows> ENTITY_WINDOWS = UnreadableStoredValues.leftOut(new EntityWindowsSerde());
    /** A credential failure on its way to the cross-tenant view (internal by-address topic). */
    public static final JsonSerde<AddressFailure> ADDRESS_FAILURE = JsonSerde.binary(AddressFailure.class);
    public static final Serde<TenantBaseline> BASELINE = UnreadableStoredValues.leftOut(new TenantBaselineSerde());
    public static final Serde<TenantWindowCounts> WINDOW_COUNTS = UnreadableStoredValues.leftOut(new WindowCountsSerde());
    public static final Serde<SignInSummary> SIGN_IN_SUMMARY = UnreadableStoredValues.leftOut(new SignInSummarySerde());

    private GatewatchSerdes() {
    }
}
