package io.gatewatch.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.Optional;

/** Graph sign-in records as the rules see them: read by the real decoder, classified by the real classifier. */
final class ClassifiedSignIns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RecordDecoder DECODER = new RecordDecoder(ReaderLimits.DEFAULT);
    private static final SignInClassifier CLASSIFIER = new SignInClassifier(ClassificationData.defaults());

    private ClassifiedSignIns() {
    }

    /**
     * A sign-in of {@code user} from 203.0.113.9 to Exchange Online with {@code code}; the test's
     * own {@code defaults}, then {@code fields}, replace or add top-level Graph fields.
     */
    static ClassifiedEvent of(String user, int code, Map<String, Object> defaults, Map<String, Object> fields) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", "m1");
        node.put("createdDateTime", "2025-11-14T10:00:00Z");
        node.put("userPrincipalName", user);
        node.put("ipAddress", "203.0.113.9");
        node.put("appDisplayName", "Office 365 Exchange Online");
        node.putObject("status").put("errorCode", code);
        defaults.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
        fields.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
        return of(node);
    }

    /** What the per-event rules of {@code settings} find in {@code event}. */
    static List<Finding> detect(RuleSettings settings, ClassifiedEvent event) {
        return PerEventRules.all(settings).stream().map(r -> r.evaluate(event)).flatMap(Optional::stream).toList();
    }

    static ClassifiedEvent of(ObjectNode record) {
        List<ReadResult> results = DECODER.decode(record.toString().getBytes(StandardCharsets.UTF_8), "test");
        SignInEvent event = (SignInEvent) ((ReadResult.Read) results.get(0)).event();
        return new ClassifiedEvent(event, CLASSIFIER.classify(event));
    }
}
