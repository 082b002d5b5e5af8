package io.gatewatch.app.serde;

import io.gatewatch.rules.Incident;
import io.gatewatch.rules.windowed.EntityWindow;
import io.gatewatch.rules.windowed.EntityWindows;
import io.gatewatch.rules.observe.Observation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code rule-windows} store's values: every windowed rule's observations and incident state
 * for one entity. Format 4 adds when each incident was last reported (its alert or an update, for
 * {@code alerts.update-interval}); an incident read from format 3 or older was last reported by its
 * alert. Format 3 writes each distinct kind, user, address, app and place once per value
 * and refers to it by number after ({@link ValueStrings}: a user's travel window repeated the
 * user, address, app and place in each of its successes — two thirds of the bytes); format 2
 * wrote every string out and format 1 held one rule's window under a {@code rule|tenant|type|entity}
 * key, read as a window of no current rule, which the next purge forgets. Both still read. A
 * window's name in the value is its rule's state key: the rule's id for Gatewatch's own rules, as
 * in every format, {@code ID#fingerprint} for a rule file's.
 */
public final class EntityWindowsSerde extends CompactSerde<EntityWindows> {

    /** The rule name a format-1 window is read under: no rule looks it up. */
    static final String LEGACY_RULE = "";

    public EntityWindowsSerde() {
        super("EntityWindows", 5);
    }

    private static final ThreadLocal<ValueStrings.Writer> STRINGS = ThreadLocal.withInitial(ValueStrings.Writer::new);

    @Override
    protected void write(EntityWindows windows, BinaryOut out) throws IOException {
        ValueStrings.Writer strings = STRINGS.get().reset();
        out.writeShort(windows.byRule().size());
        for (Map.Entry<String, EntityWindow> entry : windows.byRule().entrySet()) {
            WindowNames.write(entry.getKey(), out);
            writeWindow(entry.getValue(), out, strings);
        }
    }

    @Override
    protected EntityWindows read(BinaryIn in, int version) throws IOException {
        if (version == 1) {
            return EntityWindows.restore(Map.of(LEGACY_RULE, readWindow(in, null, false)));
        }
        int rules = in.readUnsignedShort();
        Map<String, EntityWindow> byRule = new TreeMap<>();
        ValueStrings.Reader strings = version == 2 ? null : new ValueStrings.Reader();
        for (int i = 0; i < rules; i++) {
            if (version >= 5) {
                byRule.put(WindowNames.read(in), readCompactWindow(in, strings));
            } else {
                byRule.put(in.readRepeatedUTF(), readWindow(in, strings, version >= 4));
            }
        }
        return EntityWindows.restore(byRule);
    }

    /**
     * Format 5: most windows never alerted, so an incident is one flag byte unless there is one; an
     * observation's time is its distance below the window's newest, in 7-bit groups (3 bytes for a
     * quarter of an hour, 4 for a day, not 8).
     */
    private static void writeWindow(EntityWindow window, BinaryOut out, ValueStrings.Writer strings)
            throws IOException {
        Incident incident = window.incident();
        long maxTimeMs = window.maxTimeMs();
        out.writeLong(maxTimeMs);
        boolean none = incident.equals(Incident.NONE);
        out.writeBoolean(!none);
        if (!none) {
            out.writeLong(incident.suppressedUntilMs());
            writeString(out, incident.alertId());
            out.writeLong(incident.alertTimeMs());
            out.writeBoolean(incident.escalated());
            out.writeLong(incident.lastReportMs());
        }
        List<Observation> observations = window.observations();
        out.writeCount(observations.size());
        for (Observation o : observations) {
            out.writeCount(maxTimeMs - o.timeMs()); // never negative: the newest observation's time is the window's
            strings.write(o.kind(), out);
            strings.write(o.user(), out);
            strings.write(o.ip(), out);
            strings.write(o.app(), out);
            strings.write(o.location(), out);
            SignInIds.write(o.correlationId(), out); // one per sign-in: numbering it would only fill the table
        }
    }

    private static EntityWindow readCompactWindow(BinaryIn in, ValueStrings.Reader strings) throws IOException {
        long maxTimeMs = in.readLong();
        Incident incident = !in.readBoolean() ? Incident.NONE
                : new Incident(in.readLong(), readString(in), in.readLong(), in.readBoolean(), in.readLong());
        int size = in.readCount((int) Math.min(Integer.MAX_VALUE, in.readCount()));
        List<Observation> observations = new ArrayList<>(size + 1);
        for (int i = 0; i < size; i++) {
            long timeMs = maxTimeMs - in.readCount();
            observations.add(new Observation(timeMs, strings.read(in, true), strings.read(in, false),
                    strings.read(in, false), strings.read(in, true), strings.read(in, true), SignInIds.read(in)));
        }
        return EntityWindow.restore(observations, maxTimeMs, incident);
    }

    /** {@code strings} null: formats 1 and 2, every string written out. */
    private static EntityWindow readWindow(BinaryIn in, ValueStrings.Reader strings, boolean lastReport)
            throws IOException {
        long maxTimeMs = in.readLong();
        Incident incident = new Incident(in.readLong(), readString(in), in.readLong(), in.readBoolean());
        if (lastReport) {
            incident = new Incident(incident.suppressedUntilMs(), incident.alertId(), incident.alertTimeMs(),
                    incident.escalated(), in.readLong());
        }
        int size = in.readCount(in.readInt());
        List<Observation> observations = new ArrayList<>(size + 1);
        for (int i = 0; i < size; i++) {
            observations.add(readObservation(in, strings));
        }
        return EntityWindow.restore(observations, maxTimeMs, incident);
    }

    private static Observation readObservation(BinaryIn in, ValueStrings.Reader strings) throws IOException {
        long timeMs = in.readLong();
        // kind, app and place repeat across entities too; user and address hardly
        if (strings == null) {
            return new Observation(timeMs, readRepeatedString(in), readString(in), readString(in),
                    readRepeatedString(in), readRepeatedString(in), readString(in));
        }
        return new Observation(timeMs, strings.read(in, true), strings.read(in, false), strings.read(in, false),
                strings.read(in, true), strings.read(in, true), SignInIds.read(in));
    }
}
