package io.gatewatch.app.serde;

import io.gatewatch.rules.windowed.EntityWindow;
import io.gatewatch.rules.windowed.Observation;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;

/** The {@code rule-windows} store's values: one rule's observations and incident state for one entity. */
public final class EntityWindowSerde extends CompactSerde<EntityWindow> {

    public EntityWindowSerde() {
        super("EntityWindow", 1);
    }

    @Override
    protected void write(EntityWindow window, DataOutputStream out) throws IOException {
        out.writeLong(window.maxTimeMs);
        out.writeLong(window.suppressedUntilMs);
        writeString(out, window.lastAlertId);
        out.writeLong(window.lastAlertTimeMs);
        out.writeBoolean(window.escalated);
        out.writeInt(window.observations.size());
        for (Observation o : window.observations) {
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
        EntityWindow window = new EntityWindow();
        window.maxTimeMs = in.readLong();
        window.suppressedUntilMs = in.readLong();
        window.lastAlertId = readString(in);
        window.lastAlertTimeMs = in.readLong();
        window.escalated = in.readBoolean();
        int size = in.readInt();
        window.observations = new ArrayList<>(size + 1);
        for (int i = 0; i < size; i++) {
            window.observations.add(new Observation(in.readLong(), readString(in), readString(in), readString(in),
                    readString(in), readString(in), readString(in)));
        }
        return window;
    }
}
