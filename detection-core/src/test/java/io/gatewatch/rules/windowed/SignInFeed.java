package io.gatewatch.rules.windowed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewatch.classify.ClassificationData;
import io.gatewatch.classify.SignInClassifier;
import io.gatewatch.rules.RuleSettings;
import io.gatewatch.schema.Alert;
import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.SignInEvent;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import io.gatewatch.state.StateView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Graph sign-in records, read by the real decoder and classifier, through every windowed rule of
 * the given settings into an in-memory store; the alerts they raise.
 */
final class SignInFeed {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RecordDecoder DECODER = new RecordDecoder(ReaderLimits.DEFAULT);
    private static final SignInClassifier CLASSIFIER = new SignInClassifier(ClassificationData.defaults());

    private final WindowedRuleEngine engine;
    private final Map<String, EntityWindows> store = new HashMap<>();
    final List<Alert> alerts = new ArrayList<>();
    private int sequence;

    SignInFeed(RuleSettings settings) {
        this.engine = new WindowedRuleEngine(WindowedRules.all(settings), Duration.ofMinutes(2), settings);
    }

    /** A sign-in of {@code user} (null: a service principal's record, whose fields say so) with extra Graph fields. */
    void signIn(String user, String ip, int code, Instant time, Map<String, Object> fields) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", "f" + ++sequence);
        node.put("createdDateTime", time.toString());
        if (user != null) {
            node.put("userPrincipalName", user);
        }
        node.put("ipAddress", ip);
        node.put("appDisplayName", "Office 365 Exchange Online");
        node.putObject("status").put("errorCode", code);
        fields.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
        List<ReadResult> results = DECODER.decode(node.toString().getBytes(StandardCharsets.UTF_8), "test");
        SignInEvent event = (SignInEvent) ((ReadResult.Read) results.get(0)).event();
        alerts.addAll(engine.process("t1", new ClassifiedEvent(event, CLASSIFIER.classify(event)), StateView.of(store), time));
    }

    /** Whether the purge would drop the entity stored under {@code key} at {@code nowMs}. */
    boolean expired(String key, long nowMs) {
        return engine.expired(store.get(key), nowMs);
    }

    List<Alert> of(String rule) {
        return alerts.stream().filter(a -> a.rule().equals(rule)).toList();
    }
}
