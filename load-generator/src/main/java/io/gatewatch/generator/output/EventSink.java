package io.gatewatch.generator.output;

import io.gatewatch.generator.GeneratedEvent;
import java.io.Closeable;
import java.io.IOException;

/** Where generated events go: a file or a Kafka topic, in one output format. */
public interface EventSink extends Closeable {

    void write(GeneratedEvent event) throws IOException;

    /** Records that could not be delivered so far (Kafka send failures). */
    long errors();

    /** Where the output went, for the summary. */
    String describe();
}
