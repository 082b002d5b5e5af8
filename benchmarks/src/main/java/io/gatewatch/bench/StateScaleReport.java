package io.gatewatch.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.schema.read.JsonMappers;
import java.util.Locale;

/** What {@code bench --state-users} prints and writes to {@code target/bench-state-result.json}. */
final class StateScaleReport {

    private StateScaleReport() {
    }

    static String table(StateScaleRun.Result result, int threads) {
        return String.format(Locale.ROOT, """

                | measure | value |
                |---|---|
                | machine | %d cores, %s %s |
                | users / events | %,d / %,d (two wrong passwords, then an interactive success, each) |
                | Gatewatch, %d stream threads, -Xmx1g | %,.0f events/s%s |
                | peak heap / peak RSS of the Gatewatch JVM | %,d MiB / %,d MiB |
                | state on disk (RocksDB, all stores) | %,d MiB |
                """, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), result.users(), result.events(), threads, result.eventsPerSecond(),
                result.outOfMemory() ? " (DIED: out of memory)" : "", result.peakHeapBytes() >> 20,
                result.peakRssBytes() >> 20, result.stateBytes() >> 20);
    }

    static ObjectNode json(StateScaleRun.Result result) {
        ObjectNode json = JsonMappers.internal().createObjectNode();
        json.put("users", result.users());
        json.put("events", result.events());
        json.put("eventsPerSecond", result.eventsPerSecond());
        json.put("peakHeapBytes", result.peakHeapBytes());
        json.put("peakRssBytes", result.peakRssBytes());
        json.put("stateBytes", result.stateBytes());
        json.put("outOfMemory", result.outOfMemory());
        return json;
    }
}
