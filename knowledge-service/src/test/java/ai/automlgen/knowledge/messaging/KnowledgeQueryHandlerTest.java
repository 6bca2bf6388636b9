package ai.automlgen.knowledge.messaging;

import ai.automlgen.events.EventJson;
import ai.automlgen.events.KnowledgeQuery;
import ai.automlgen.events.KnowledgeResult;
import ai.automlgen.events.Topics;
import ai.automlgen.knowledge.api.Ready;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request/reply over the real broker of the local stack (infra/stack.sh up infra). */
@QuarkusTest
@Tag("stack")
class KnowledgeQueryHandlerTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> consumer;
    private final String runId = "knowledge-test-" + UUID.randomUUID();

    @BeforeEach
    void connect() throws InterruptedException {
        Ready.await(Duration.ofMinutes(5));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.KNOWLEDGE_RESULTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    @AfterEach
    void close() {
        producer.close();
        consumer.close();
    }

    /**
     * Sends queries made by {@code query} until one is answered: the service's consumer joins at the
     * latest offset, so a query sent before its partitions are assigned is never seen.
     */
    private KnowledgeResult ask(Supplier<KnowledgeQuery> query) {
        Set<String> sent = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long nextSend = 0;
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextSend) {
                KnowledgeQuery q = query.get();
                sent.add(q.correlationId());
                producer.send(new ProducerRecord<>(Topics.KNOWLEDGE_QUERIES, q.correlationId(), EventJson.write(q)));
                producer.flush();
                nextSend = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (sent.contains(record.key())) {
                    KnowledgeResult result = EventJson.read(record.value(), KnowledgeResult.class);
                    assertEquals(record.key(), result.correlationId(), "the record is keyed by the correlationId");
                    return result;
                }
            }
        }
        throw new AssertionError("no KnowledgeResult for run " + runId + " within 90 s");
    }

    @Test
    void queryIsAnsweredWithRankedHitsAndTheSameCorrelationId() {
        KnowledgeResult result = ask(() -> KnowledgeQuery.of(runId, "count chronitons in audio clips", "audio",
                null, "feature", null, 3));
        assertNull(result.error());
        assertEquals(runId, result.runId());
        assertEquals("feature.fixture_chroniton_counts", result.hits().get(0).id());
        assertTrue(result.hits().size() <= 3);
    }

    @Test
    void invalidQueryIsAnsweredWithTheError() {
        KnowledgeResult result = ask(() -> KnowledgeQuery.of(runId, "boosting", "imag", null, null, null, 5));
        assertEquals(List.of(), result.hits());
        assertTrue(result.error().startsWith("unknown modality 'imag'"), result.error());
    }
}
