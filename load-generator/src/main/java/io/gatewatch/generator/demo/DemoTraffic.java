package io.gatewatch.generator.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.generator.format.AzureMonitorRecordBuilder;
import io.gatewatch.generator.BenignTraffic;
import io.gatewatch.generator.GeneratedRecord;
import io.gatewatch.generator.SyntheticDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Traffic for the live demo, one second at a time: benign sign-ins in Event Hubs envelopes,
 * Dynamics requests to each org's right region, and every {@code attackEverySeconds} one attack
 * from {@link DemoAttacks}, in rotation, so that alerts show up within the first minute.
 */
public final class DemoTraffic {

    private static final int ENVELOPE_SIZE = 50;

    private final SyntheticDirectory directory;
    private final BenignTraffic benign;
    private final DemoAttacks attacks;
    private final Random random;
    private final int eventsPerSecond;
    private final int attackEverySeconds;
    private long second;

    public DemoTraffic(SyntheticDirectory directory, long seed, int eventsPerSecond, int attackEverySeconds) {
        this.directory = directory;
        this.benign = new BenignTraffic(directory, seed);
        this.attacks = new DemoAttacks(directory, seed);
        this.random = new Random(seed);
        this.eventsPerSecond = eventsPerSecond;
        this.attackEverySeconds = attackEverySeconds;
    }

    /** The org directory the demo publishes: each org and the region host it lives on. */
    public static List<String[]> orgs() {
        return DemoAttacks.ORGS;
    }

    /** The records for the next second of traffic, stamped within that second. */
    public List<GeneratedRecord> nextSecond(Instant now) {
        second++;
        List<GeneratedRecord> records = new ArrayList<>();
        ArrayNode envelope = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < eventsPerSecond; i++) {
            envelope.add(AzureMonitorRecordBuilder.build(benign.next(now.plusMillis(i * 1000L / eventsPerSecond))));
            if (envelope.size() == ENVELOPE_SIZE) {
                records.add(envelopeRecord(envelope));
                envelope = JsonNodeFactory.instance.arrayNode();
            }
        }
        if (!envelope.isEmpty()) {
            records.add(envelopeRecord(envelope));
        }
        records.add(attacks.dynamicsSuccess(now, random));
        if (second % attackEverySeconds == 10 % attackEverySeconds) {
            records.addAll(attacks.next(now));
        }
        return records;
    }

    private static GeneratedRecord envelopeRecord(ArrayNode members) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.set("records", members);
        return new GeneratedRecord(GeneratedRecord.Kind.SIGN_IN, envelope.toString());
    }

}
