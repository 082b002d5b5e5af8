package io.gatewatch.app.runtime;

import io.gatewatch.generator.GeneratedRecord;
import io.gatewatch.generator.demo.DemoTraffic;
import io.gatewatch.generator.demo.PlantedScenario;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Entra wrote to the hub: the demo's traffic and attacks as Azure Monitor envelopes, sign-ins
 * only, from {@code start} to {@code end} of event time, with the distinct sign-ins (per tenant) and
 * the attacks planted, which is what Gatewatch must make of it.
 */
record EntraHubExport(Instant start, Instant end, List<byte[]> records, Set<String> signInIds,
                      Map<String, Long> signInsPerTenant, List<PlantedScenario> planted, DemoTraffic traffic) {

    /** {@code eventTime} of the demo's traffic at {@code rate} sign-ins a second, ending well before now. */
    static EntraHubExport generate(Duration eventTime, int rate) {
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        DemoTraffic traffic = new DemoTraffic(DemoTraffic.DEFAULT_TENANTS, 29, rate, DemoTraffic.ATTACK_EVERY_SECONDS);
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        List<byte[]> records = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Long> perTenant = new HashMap<>();
        List<PlantedScenario> planted = new ArrayList<>();
        for (long s = 0; s < eventTime.toSeconds(); s++) {
            DemoTraffic.Second second = traffic.nextSecond(start.plusSeconds(s));
            planted.addAll(second.planted());
            for (GeneratedRecord record : second.records()) {
                if (record.kind() != GeneratedRecord.Kind.SIGN_IN) {
                    continue;
                }
                byte[] envelope = record.json().getBytes(StandardCharsets.UTF_8);
                records.add(envelope);
                for (ReadResult result : decoder.decode(envelope, "second " + s)) {
                    InputEvent event = ((ReadResult.Read) result).event();
                    if (ids.add(event.id())) {
                        perTenant.merge(event.tenantId(), 1L, Long::sum);
                    }
                }
            }
        }
        return new EntraHubExport(start, start.plus(eventTime), records, ids, perTenant, planted, traffic);
    }
}
