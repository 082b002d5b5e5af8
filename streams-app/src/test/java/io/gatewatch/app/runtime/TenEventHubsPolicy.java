package io.gatewatch.app.runtime;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.server.policy.CreateTopicPolicy;

/**
 * A broker's topic-creation policy that behaves as an Event Hubs Standard namespace does: the
 * eleventh topic is refused. Counts in its JVM, so it serves one in-process broker at a time.
 */
public final class TenEventHubsPolicy implements CreateTopicPolicy {

    static final int LIMIT = 10;
    private static final AtomicInteger CREATED = new AtomicInteger();

    @Override
    public void validate(RequestMetadata request) {
        if (CREATED.incrementAndGet() > LIMIT) {
            CREATED.decrementAndGet();
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
