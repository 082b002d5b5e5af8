package io.gatewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.kafka.KafkaBroker;
import io.gatewatch.kafka.KafkaBrokerExtension;
import io.gatewatch.schema.DynamicsAccessEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.SignInEvent;
import io.gatewatch.schema.read.InputFileReader;
import io.gatewatch.schema.read.ReadResult;
import io.gatewatch.schema.read.ReaderLimits;
import io.gatewatch.schema.read.RecordDecoder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate} to a real broker, paced at a fixed rate: every generated event arrives once,
 * sign-ins on the sign-in topic in Azure Monitor batches and Dynamics accesses on theirs, and all
 * of it reads back through Gatewatch's decoder.
 */
@ExtendWith(KafkaBrokerExtension.class)
class GenerateToKafkaIT {

    private static final Pattern SUMMARY = Pattern.compile("generated ([\\d,]+) events .*: ([\\d,]+) sign-ins, "
            + "([\\d,]+) Dynamics accesses");

    @TempDir
    Path dir;

    @Test
    void everyGeneratedEventArrivesOnceOnItsTopic(KafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("gen-signins", 2, (short) 1), new NewTopic("gen-dynamics", 1, (short) 1)))
                    .all().get();
        }

        CliRun run = CliRun.run("generate", "--bootstrap-servers", broker.bootstrapServers(), "--topic", "gen-signins",
                "--dynamics-topic", "gen-dynamics", "--rate", "2000", "--count", "3000", "--scenarios", "attacks",
                "--start", "2026-11-02T00:00:00Z");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher summary = SUMMARY.matcher(run.err());
        assertThat(summary.find()).as(run.err()).isTrue();
        long signIns = Long.parseLong(summary.group(2).replace(",", ""));
        long dynamics = Long.parseLong(summary.group(3).replace(",", ""));
        assertThat(run.err()).contains("send errors: 0");

        List<InputEvent> events = readAll(broker, signIns + dynamics);
        assertThat(events.stream().filter(SignInEvent.class::isInstance)).hasSize((int) signIns);
        assertThat(events.stream().filter(DynamicsAccessEvent.class::isInstance)).hasSize((int) dynamics);
        assertThat(events.stream().map(InputEvent::id).distinct()).as("no duplicates").hasSize(events.size());

        // an oracle that is not the generator's own count: the same run, written to a file and read back
        Path file = dir.resolve("same-run.json");
        CliRun toFile = CliRun.run("generate", "-o", file.toString(), "--fast", "--rate", "2000", "--count", "3000",
                "--scenarios", "attacks", "--start", "2026-11-02T00:00:00Z");
        assertThat(toFile.exitCode()).as(toFile.err()).isZero();
        List<String> fromFile = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            new InputFileReader(new RecordDecoder(ReaderLimits.DEFAULT)).read(in,
                    result -> fromFile.add(((ReadResult.Read) result).event().id()));
        }
        assertThat(events).extracting(InputEvent::id).as("every event of the run, on Kafka as in the file")
                .containsExactlyInAnyOrderElementsOf(fromFile);
    }

    @Test
    void recordsTheBrokerRefusesAreCountedAndTheRunExitsOne(KafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            // a batch of Azure Monitor records is far above 1 KiB: the broker refuses every one
            admin.createTopics(List.of(new NewTopic("gen-small", 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1024")))).all().get();
        }

        CliRun run = CliRun.run("generate", "--bootstrap-servers", broker.bootstrapServers(), "--topic", "gen-small",
                "--dynamics-topic", "gen-small", "--fast", "--count", "500", "--start", "2026-11-02T00:00:00Z");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        Matcher errors = Pattern.compile("send errors: ([\\d,]+)").matcher(run.err());
        assertThat(errors.find()).as(run.err()).isTrue();
        assertThat(Long.parseLong(errors.group(1).replace(",", ""))).isPositive();
    }

    private static List<InputEvent> readAll(KafkaBroker broker, long expected) {
        RecordDecoder decoder = new RecordDecoder(ReaderLimits.DEFAULT);
        List<InputEvent> events = new ArrayList<>();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "generate-it", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of("gen-signins", "gen-dynamics"));
            int idlePolls = 0;
            // read until the expected count and a few quiet polls more (to catch duplicates), or until 30 quiet polls
            while (events.size() < expected ? idlePolls < 30 : idlePolls < 3) {
                int before = events.size();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    for (ReadResult result : decoder.decode(record.value(), record.topic() + "@" + record.offset())) {
                        assertThat(result).isInstanceOf(ReadResult.Read.class);
                        events.add(((ReadResult.Read) result).event());
                    }
                }
                idlePolls = events.size() == before ? idlePolls + 1 : 0;
            }
        }
        return events;
    }
}
