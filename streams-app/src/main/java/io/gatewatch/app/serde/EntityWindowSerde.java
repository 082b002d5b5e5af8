package io.gatewatch.app.serde;

import io.gatewatch.rules.Incident;
import io.gatewatch.rules.windowed.EntityWindow;
import io.gatewatch.rules.windowed.Observation;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The {@code rule-windows} store's values: one rule's observations and incident state for one entity. */
public final class EntityWindowSerde extends CompactSerde<EntityWindow> {

    public EntityWindowSerde() {
        super("EntityWindow", 1);
    }

    @Override
    protected void write(EntityWindow window, DataOutputStream out) throws IOException {
        Incident incident = window.incident();
        out.writeLong(window.maxTimeMs());
        out.writeLong(incident.suppressedUntilMs());
        writeString(out, incident.alertId());
        out.writeLong(incident.alertTimeMs());
        out.writeBoolean(incident.escalated());
        List<Observation> observations = window.observations();
        out.writeInt(observations.size());
        for (Observation o : observations) {
            out.writeLong(o.timeMs());
            writeString(out, o.kind());
            writeString(out, o.user());
            writeString(out, o.ip());
            writeString(out, o.app());
            writeString(out, o.location());
            writeString(out, o.correlationId());
        }
    }

    @Override
    protected EntityWindow read(DataInputStream in, int version) throws IOException {
        long maxTimeMs = in.readLong();
        Incident incident = new Incident(in.readLong(), readString(in), in.readLong(), in.readBoolean());
        int size = in.readInt();
        List<Observation> observations = new ArrayList<>(size + 1);
        for (int i = 0; i < size; i++) {
            observations.add(new Observation(in.readLong(), readString(in), readString(in), readString(in),
                    readString(in), readString(in), readString(in)));
        }
        return EntityWindow.restore(observations, maxTimeMs, incident);
    }
}
