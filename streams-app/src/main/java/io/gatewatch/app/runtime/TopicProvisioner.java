package io.gatewatch.app.runtime;

import io.gatewatch.app.config.GatewatchConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes sure Gatewatch's topics exist before the streams start: creates the missing ones when
 * {@code topics.create} allows (the org directory and the watchlists compacted: each keeps the latest
 * record per key, which is the state a global store reads back), otherwise fails naming them — a
 * Kafka Streams app started without its source topics would just sit idle. Then Kafka Streams'
 * own topics ({@link InternalTopicProvisioner}), so that a cluster refusing any topic says so here,
 * in one line.
 */
public final class TopicProvisioner {

    private TopicProvisioner() {
    }

    /** The cluster refused to create Gatewatch's topics; the message is the whole story, in one line. */
    public static final class TopicsRefusedException extends IllegalStateException {
        TopicsRefusedException(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    public static void ensureTopics(GatewatchConfig config) {
        Properties adminProps = new Properties();
        adminProps.putAll(config.kafka());
        try (Admin admin = Admin.create(adminProps)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> missing = config.topics().used(config.alertFormat()).stream().filter(t -> !existing.contains(t)).toList();
            if (!missing.isEmpty() && !config.createTopics()) {
                throw new IllegalStateException("missing topics " + missing
                        + "; create them or set topics.create=true");
            }
            if (!missing.isEmpty()) {
                create(admin, config, missing);
                awaitVisible(admin, missing);
            }
            if (config.createTopics()) {
                InternalTopicProvisioner.ensure(admin, config, existing);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list or create topics at " + config.bootstrapServers()
                    + ": " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** Gatewatch's own topics: {@code topic.partitions}, {@code topic.replication.factor}, the lookup topics compacted. */
    static void create(Admin admin, GatewatchConfig config, List<String> names)
            throws ExecutionException, TimeoutException, InterruptedException {
        create(admin, config, names.stream().map(name -> {
            NewTopic topic = new NewTopic(name, config.partitions(), config.replicationFactor());
            return compacted(config, name)
                    ? topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                    : topic;
        }).toList());
    }

    /**
     * Instances started together (a deployment scaled out, a restart of all pods) each find the
     * topics missing and race to create them: a topic another instance made in between is what
     * this one wanted, so {@link TopicExistsException} is success, per topic. The topics the cluster
     * refuses (a limit, a policy, a missing permission) are named in one line.
     */
    static void create(Admin admin, GatewatchConfig config, Collection<NewTopic> topics)
            throws ExecutionException, TimeoutException, InterruptedException {
        List<String> refused = new ArrayList<>();
        Throwable refusal = null;
        for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(topics).values().entrySet()) {
            try {
                created.getValue().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    continue;
                }
                if (!EventHubsHints.isRefusal(e.getCause())) {
                    throw e;
                }
                refused.add(created.getKey());
                refusal = refusal == null ? e.getCause() : refusal;
            }
        }
        if (!refused.isEmpty()) {
            Collections.sort(refused);
            throw new TopicsRefusedException(EventHubsHints.refusedTopics(config, refused, refusal));
        }
    }

    /** The org directory and the watchlists: global stores read back the latest record per key. */
    static boolean compacted(GatewatchConfig config, String name) {
        return name.equals(config.topics().dynamicsOrgs().name()) || name.equals(config.topics().watchlists().name());
    }

    /**
     * Created is not yet visible: a broker learns of a new topic from the controller a moment
     * later, and a global table started in that moment finds no partitions and stops the app.
     */
    static void awaitVisible(Admin admin, List<String> topics) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("created topics did not become visible: " + topics);
                }
                Thread.sleep(100);
            }
        }
    }
}
