package ai.automlgen.knowledge.messaging;

import ai.automlgen.events.EventJson;
import ai.automlgen.events.KnowledgeHit;
import ai.automlgen.events.KnowledgeQuery;
import ai.automlgen.events.KnowledgeResult;
import ai.automlgen.events.RunEvent;
import ai.automlgen.events.Topics;
import ai.automlgen.knowledge.app.KnowledgeIndex;
import ai.automlgen.knowledge.search.SearchMode;
import ai.automlgen.knowledge.search.SearchRequest;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Kafka request/reply: each {@link KnowledgeQuery} gets exactly one {@link KnowledgeResult} with
 * the same correlationId, keyed by it; a query that cannot be answered gets the error instead.
 */
@ApplicationScoped
public class KnowledgeQueryHandler {
    private static final Logger LOG = Logger.getLogger(KnowledgeQueryHandler.class);
    private final KnowledgeIndex index;
    private final Emitter<String> results;

    public KnowledgeQueryHandler(KnowledgeIndex index, @Channel(Topics.KNOWLEDGE_RESULTS) Emitter<String> results) {
        this.index = index;
        this.results = results;
    }

    @Incoming(Topics.KNOWLEDGE_QUERIES)
    @Blocking(ordered = false)
    public void answer(ConsumerRecord<String, String> record) {
        KnowledgeResult result = resultFor(record);
        if (result.correlationId() == null) {
            LOG.errorf("cannot answer a query without a correlationId (record key is null too): %s", result.error());
            return;
        }
        results.send(Message.of(EventJson.write(result)).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(result.correlationId()).build()));
    }

    private KnowledgeResult resultFor(ConsumerRecord<String, String> record) {
        KnowledgeQuery query;
        try {
            query = EventJson.read(record.value(), KnowledgeQuery.class);
        } catch (RuntimeException e) {
            return failure(null, record.key() != null ? record.key() : correlationIdIn(record.value()), e.getMessage());
        }
        String correlationId = query.correlationId() != null ? query.correlationId() : record.key();
        try {
            SearchRequest request = new SearchRequest(query.text(), query.modality(), query.taskType(), query.kind(),
                    query.level(), query.limit() <= 0 ? SearchRequest.DEFAULT_LIMIT : query.limit(), SearchMode.HYBRID);
            List<KnowledgeHit> hits = index.awaitRetriever().search(request).stream()
                    .map(h -> new KnowledgeHit(h.entity().id(), h.entity().kind(), h.entity().level(),
                            h.entity().title(), h.entity().summary(), h.score()))
                    .toList();
            return KnowledgeResult.of(query.runId(), correlationId, hits);
        } catch (RuntimeException e) {
            LOG.warnf("knowledge query %s failed: %s", correlationId, e.getMessage());
            return failure(query.runId(), correlationId, e.getMessage());
        }
    }

    /** The correlationId of a query that does not decode as a whole, if it has one. */
    private static String correlationIdIn(String json) {
        try {
            return EventJson.mapper().readTree(json).path("correlationId").textValue();
        } catch (Exception e) {
            return null;
        }
    }

    private static KnowledgeResult failure(String runId, String correlationId, String message) {
        return new KnowledgeResult(RunEvent.SCHEMA_VERSION, UUID.randomUUID(), runId, Instant.now(), correlationId,
                List.of(), message);
    }
}
