package io.gatewatch.app.runtime;

import io.gatewatch.app.config.GatewatchConfig;
import java.util.Locale;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.ThrottlingQuotaExceededException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * What a user of Azure Event Hubs' Kafka endpoint needs to read when the namespace refuses
 * something: the tier's limits, and the check for the connection string. Never the connection
 * string itself (the SAS key is in it): only whether the configuration looks like Event Hubs.
 */
final class EventHubsHints {

    /** The tiers' limits, as Microsoft documents them (docs/operations.md, Event Hubs, cites the pages). */
    static final String TIER_LIMITS = "Azure Event Hubs makes each topic an event hub: a namespace holds at most 10 "
            + "on Basic and Standard (100 on Premium, 1000 on Dedicated), Basic has no compacted topics and Kafka "
            + "transactions (exactly_once_v2) need Premium or Dedicated";

    static final String WAYS_OUT = "mirror the hub into a Kafka cluster of Gatewatch's own with "
            + "config/mirrormaker/eventhubs-mm2.properties, or create the topics 'run --list-topics' prints beforehand "
            + "and set topics.create=false";

    static final String CONNECTION_STRING_CHECK = "for Azure Event Hubs the user must be $ConnectionString and the "
            + "password the connection string of a shared access policy (Endpoint=sb://<namespace>.servicebus.windows.net/;"
            + "SharedAccessKeyName=...;SharedAccessKey=...), with security.protocol=SASL_SSL, sasl.mechanism=PLAIN and "
            + "port 9093";

    private EventHubsHints() {
    }

    /** An Event Hubs namespace's address, or its connection-string login. */
    static boolean looksLikeEventHubs(GatewatchConfig config) {
        String servers = String.valueOf(config.bootstrapServers()).toLowerCase(Locale.ROOT);
        String jaas = String.valueOf(config.kafka().get(SaslConfigs.SASL_JAAS_CONFIG));
        return servers.contains(".servicebus.") || jaas.contains("$ConnectionString");
    }

    /** Errors with which a cluster refuses to create a topic, rather than failing to answer. */
    static boolean isRefusal(Throwable error) {
        return error instanceof PolicyViolationException || error instanceof TopicAuthorizationException
                || error instanceof ClusterAuthorizationException || error instanceof ThrottlingQuotaExceededException
                || error instanceof InvalidRequestException || error instanceof InvalidConfigurationException
                || error instanceof UnsupportedVersionException;
    }

    /** One line for topics the cluster refused to create. */
    static String refusedTopics(GatewatchConfig config, java.util.List<String> topics, Throwable error) {
        String line = "The cluster at bootstrap.servers=" + config.bootstrapServers() + " refused to create topics "
                + topics + " (" + error.getClass().getSimpleName() + ": " + oneLine(error.getMessage())
                + "); with this configuration Gatewatch needs " + TopicList.of(config).size() + " topics";
        if (looksLikeEventHubs(config)) {
            return line + ". " + TIER_LIMITS + ": " + WAYS_OUT;
        }
        return line + ": create them beforehand ('run --list-topics' prints every topic) and set topics.create=false, "
                + "or allow this principal to create topics";
    }

    private static String oneLine(String message) {
        return message == null ? "no reason given" : message.strip().replace('\n', ' ');
    }
}
