package ai.automlgen.cli.bench.system;

import ai.automlgen.cli.CliException;
import ai.automlgen.events.EventJson;
import ai.automlgen.events.RunEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * The bench's own Kafka client: a tap that reads topics from the moment it is opened (every partition
 * assigned, no consumer group, so it takes nothing from the services), and a producer for injected events.
 */
final class KafkaEvents implements AutoCloseable {
    private static final Duration API_TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrap;
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;

    private KafkaEvents(String bootstrap, List<String> topics) {
        this.bootstrap = bootstrap;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) API_TIMEOUT.toMillis()),
                new StringDeserializer(), new StringDeserializer());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, API_TIMEOUT.toMillis(),
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, API_TIMEOUT);
                if (infos == null || infos.isEmpty()) {
                    throw new CliException("Kafka at " + bootstrap + " has no topic '" + topic
                            + "': start the stack with './automlgen up' (it creates the topics)");
                }
                infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolves the end offsets now, before anything is sent
        } catch (KafkaException e) {
            close();
            throw unreachable(e);
        }
    }

    /** Opens a tap on {@code topics} positioned at their ends. */
    static KafkaEvents open(List<String> topics) {
        return new KafkaEvents(bootstrapServers(), topics);
    }

    /** KAFKA_BOOTSTRAP_SERVERS as the services read it, else the stack's port (AUTOMLGEN_KAFKA_PORT, 9092). */
    static String bootstrapServers() {
        String configured = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String port = System.getenv("AUTOMLGEN_KAFKA_PORT");
        return "127.0.0.1:" + (port == null || port.isBlank() ? "9092" : port);
    }

    void send(String topic, String key, RunEvent event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, EventJson.write(event))).get();
        } catch (ExecutionException | KafkaException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    /**
     * Reads events that {@code keep} accepts until {@code done} holds for what was kept or {@code deadline}
     * passes; returns what was kept either way (the caller judges whether it is complete).
     */
    List<RunEvent> collect(List<RunEvent> kept, Predicate<RunEvent> keep, Predicate<List<RunEvent>> done,
                           Instant deadline) {
        while (!done.test(kept) && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                RunEvent event;
                try {
                    event = EventJson.read(record.value(), RunEvent.class);
                } catch (EventJson.EventCodecException e) {
                    continue; // another producer's message; not ours to judge
                }
                if (keep.test(event)) {
                    kept.add(event);
                }
            }
        }
        return kept;
    }

    private CliException unreachable(Exception e) {
        return new CliException("Kafka is not usable at " + bootstrap + " (" + e.getMessage()
                + "): start the stack with './automlgen up', or point KAFKA_BOOTSTRAP_SERVERS (or AUTOMLGEN_KAFKA_PORT) at it");
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
        producer.close(Duration.ofSeconds(2));
    }
}
