package io.gatewatch.app.runtime;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.server.policy.CreateTopicPolicy;

/**
 * A broker's topic-creation policy that behaves as an Event Hubs Standard namespace does: the
 * eleventh topic is refused. Each broker's controller holds its own instance, so each broker
 * counts its own topics. Kafka's own internal topics ({@code __consumer_offsets}) are not counted:
 * on Event Hubs they are no event hubs.
 */
public final class TenEventHubsPolicy implements CreateTopicPolicy {

    static final int LIMIT = 10;
    private final AtomicInteger created = new AtomicInteger();

    @Override
    public void validate(RequestMetadata request) {
        if (request.topic().startsWith("__")) {
            return;
        }
        if (created.incrementAndGet() > LIMIT) {
            created.decrementAndGet();
            throw new PolicyViolationException("The maximum number of resources of type EventHub has been reached or "
                    + "exceeded. Max allowed: " + LIMIT);
        }
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
