package ai.automlgen.evaluator;

import ai.automlgen.events.EventJson;
import ai.automlgen.events.RunEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The real local Kafka (127.0.0.1:9092, or $KAFKA_BOOTSTRAP_SERVERS) as a test sees it: publish an
 * event, read a topic from its current end. Started like .ci/run does: infra/stack.sh up infra.
 */
public final class KafkaClient implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;

    public KafkaClient(String readTopic) {
        String servers = Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP_SERVERS")).orElse("127.0.0.1:9092");
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(readTopic).stream()
                .map(p -> new TopicPartition(readTopic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    public void publish(String topic, RunEvent event) {
        producer.send(new ProducerRecord<>(topic, event.runId(), EventJson.write(event)));
        producer.flush();
    }

    /**
     * Waits for the first event of {@code type} that {@code wanted} accepts, publishing {@code request}
     * again every few seconds: the service's consumer may join the topic after the first send, and
     * its handlers are idempotent, so a repeat is harmless.
     */
    public <T extends RunEvent> T await(Class<T> type, Predicate<T> wanted, String topic, RunEvent request, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            publish(topic, request);
            Instant resend = Instant.now().plusSeconds(5);
            while (Instant.now().isBefore(resend)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    RunEvent event = EventJson.read(record.value(), RunEvent.class);
                    if (type.isInstance(event) && wanted.test(type.cast(event))) {
                        return type.cast(event);
                    }
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + timeout);
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
