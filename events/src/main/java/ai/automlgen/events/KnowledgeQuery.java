package ai.automlgen.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A retrieval request; the answer comes back on {@link Topics#KNOWLEDGE_RESULTS} with the same
 * {@code correlationId}. Null filters match everything.
 */
public record KnowledgeQuery(int schemaVersion, UUID eventId, String runId, Instant at, String correlationId,
                             String text, String modality, String taskType, String kind, String level,
                             int limit) implements RunEvent {
    public static KnowledgeQuery of(String runId, String text, String modality, String taskType,
                                    String kind, String level, int limit) {
        return new KnowledgeQuery(SCHEMA_VERSION, UUID.randomUUID(), runId, Instant.now(),
                UUID.randomUUID().toString(), text, modality, taskType, kind, level, limit);
    }
}
