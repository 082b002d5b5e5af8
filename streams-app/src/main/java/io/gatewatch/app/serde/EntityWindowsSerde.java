package io.gatewatch.app.serde;

import io.gatewatch.rules.Incident;
import io.gatewatch.rules.windowed.EntityWindow;
import io.gatewatch.rules.windowed.EntityWindows;
import io.gatewatch.rules.windowed.Observation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code rule-windows} store's values: every windowed rule's observations and incident state
 * for one entity. Format 2 holds the windows by rule name; format 1 (one rule's window under a
 * {@code rule|tenant|type|entity} key, before windows were grouped per entity) still reads, as a
 * window of no current rule that the purge forgets once it is idle.
 */
public final class EntityWindowsSerde extends CompactSerde<EntityWindows> {

    /** The rule name a format-1 window is read under: no rule looks it up. */
    static final String LEGACY_RULE = "";

    public EntityWindowsSerde() {
        super("EntityWindows", 2);
    }

    @Override
    protected void write(EntityWindows windows, BinaryOut out) throws IOException {
        out.writeShort(windows.byRule().size());
        for (Map.Entry<String, EntityWindow> entry : windows.byRule().entrySet()) {
            out.writeUTF(entry.getKey());
            writeWindow(entry.getValue(), out);
        }
    }

    @Override
    protected EntityWindows read(BinaryIn in, int version) throws IOException {
        if (version == 1) {
            return EntityWindows.restore(Map.of(LEGACY_RULE, readWindow(in)));
        }
        int rules = in.readUnsignedShort();
        Map<String, EntityWindow> byRule = new TreeMap<>();
        for (int i = 0; i < rules; i++) {
            byRule.put(in.readRepeatedUTF(), readWindow(in));
        }
        return EntityWindows.restore(byRule);
    }

    private static void writeWindow(EntityWindow window, BinaryOut out) throws IOException {
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

    private static EntityWindow readWindow(BinaryIn in) throws IOException {
        long maxTimeMs = in.readLong();
        Incident incident = new Incident(in.readLong(), readString(in), in.readLong(), in.readBoolean());
        int size = in.readCount(in.readInt());
        List<Observation> observations = new ArrayList<>(size + 1);
        for (int i = 0; i < size; i++) {
            // kind, app and location repeat across entities; user, address and correlation id hardly
            observations.add(new Observation(in.readLong(), readRepeatedString(in), readString(in), readString(in),
                    readRepeatedString(in), readRepeatedString(in), readString(in)));
        }
        return EntityWindow.restore(observations, maxTimeMs, incident);
    }
}
