package io.gatewatch.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.SignInClassifier;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.SignInEvent;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A Graph sign-in record as the rules see it: read by the real decoder, classified by the real classifier. */
final class ClassifiedSignIns {

    private static final RecordDecoder DECODER = new RecordDecoder(ReaderLimits.DEFAULT);
    private static final SignInClassifier CLASSIFIER = new SignInClassifier(ClassificationData.defaults());

    private ClassifiedSignIns() {
    }

    static ClassifiedEvent of(ObjectNode record) {
        List<ReadResult> results = DECODER.decode(record.toString().getBytes(StandardCharsets.UTF_8), "test");
        SignInEvent event = (SignInEvent) ((ReadResult.Read) results.get(0)).event();
        return new ClassifiedEvent(event, CLASSIFIER.classify(event));
    }
}
