package io.gatewatch.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which keys anyone reads, and the hint for one no one does. */
class KnownKeysTest {

    @Test
    void gatewatchsOwnKafkasAndPrefixedKafkaKeysAreKnown() {
        assertThat(KnownKeys.known("window.grace")).isTrue();
        assertThat(KnownKeys.known("default.tenant")).isTrue();
        assertThat(KnownKeys.known("topic.alerts")).isTrue();
        assertThat(KnownKeys.known("rule.BRUTE_FORCE.success-window")).isTrue();
        assertThat(KnownKeys.known("suppress.ACCOUNT_LOCKOUT")).isTrue();
        assertThat(KnownKeys.known("num.stream.threads")).as("Streams").isTrue();
        assertThat(KnownKeys.known("sasl.jaas.config")).as("clients").isTrue();
        assertThat(KnownKeys.known("producer.linger.ms")).isTrue();
        assertThat(KnownKeys.known("main.consumer.max.poll.records")).isTrue();
        assertThat(KnownKeys.known("admin.retries")).isTrue();
    }

    @Test
    void theExceptionListsAreGatewatchsKeys() {
        assertThat(KnownKeys.known("exceptions.addresses")).isTrue();
        assertThat(KnownKeys.known("exceptions.users")).isTrue();
        assertThat(KnownKeys.known("rule.ACCOUNT_LOCKOUT.except-asns")).as("shipped").isTrue();
        assertThat(KnownKeys.known("rule.BRUTE_FORCE.except-users")).as("any rule's").isTrue();
        assertThat(KnownKeys.gatewatch()).contains("exceptions.apps", "rule.IMPOSSIBLE_TRAVEL.except-addresses");
        assertThat(KnownKeys.known("exceptions.networks")).isFalse();
        assertThat(KnownKeys.known("rule.BRUTE_FORCE.except-ips")).isFalse();
        assertThat(KnownKeys.known("rule.NO_SUCH_RULE.except-users")).isFalse();
        assertThat(KnownKeys.nearest("exceptions.adresses")).isEqualTo("exceptions.addresses");
        assertThat(KnownKeys.nearest("rule.BRUTE_FORCE.except-user")).isEqualTo("rule.BRUTE_FORCE.except-users");
    }

    @Test
    void typosAndGatewatchsNameSpacesOutsideItsKeysAreUnknown() {
        assertThat(KnownKeys.known("window.gace")).isFalse();
        assertThat(KnownKeys.known("producer.max.poll.records")).as("a consumer setting under producer.").isFalse();
        assertThat(KnownKeys.known("rule.BRUTE_FORCE.treshold")).isFalse();
        assertThat(KnownKeys.known("topic.retention.ms")).as("topic.* is Gatewatch's: never passed to Kafka").isFalse();
        assertThat(KnownKeys.known("home")).isFalse();
    }

    @Test
    void theNearestKeyIsTheHintAndNothingFarIsSuggested() {
        assertThat(KnownKeys.nearest("window.gace")).isEqualTo("window.grace");
        assertThat(KnownKeys.nearest("EVENT.MAX.FUTURE")).isEqualTo("event.max-future");
        assertThat(KnownKeys.nearest("producer.lingr.ms")).isEqualTo("producer.linger.ms");
        assertThat(KnownKeys.nearest("rule.BRUTE_FORCE_SUCCESS.window")).isEqualTo("rule.BRUTE_FORCE.success-window");
        assertThat(KnownKeys.nearest("home")).isNull();
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(EditDistance.between("window.grace", "window.grace")).isZero();
        assertThat(EditDistance.between("window.gace", "window.grace")).isEqualTo(1);
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
    }
}
