package io.gatewatch.app.topology;

import io.gatewatch.aggregate.TenantWindowCounts;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.DynamicsOrg;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.TenantAggregate;
import io.gatewatch.schema.json.JsonSerde;

/** The serdes of every topic and store, in one place so a topic's contract is found once. */
public final class GatewatchSerdes {

    public static final JsonSerde<InputEvent> INPUT_EVENT = JsonSerde.of(InputEvent.class);
    public static final JsonSerde<ClassifiedEvent> CLASSIFIED = JsonSerde.of(ClassifiedEvent.class);
    public static final JsonSerde<Alert> ALERT = JsonSerde.of(Alert.class);
    public static final JsonSerde<TenantAggregate> AGGREGATE = JsonSerde.of(TenantAggregate.class);
    public static final JsonSerde<DynamicsOrg> ORG = JsonSerde.of(DynamicsOrg.class);
    public static final JsonSerde<io.gatewatch.rules.windowed.EntityWindow> ENTITY_WINDOW =
            JsonSerde.of(io.gatewatch.rules.windowed.EntityWindow.class);
    public static final JsonSerde<io.gatewatch.rules.baseline.TenantBaseline> BASELINE =
            JsonSerde.of(io.gatewatch.rules.baseline.TenantBaseline.class);
    public static final JsonSerde<TenantWindowCounts> WINDOW_COUNTS = JsonSerde.of(TenantWindowCounts.class);

    private GatewatchSerdes() {
    }
}
