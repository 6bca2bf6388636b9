package ai.automlgen.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Ranked entities answering the {@link KnowledgeQuery} with the same {@code correlationId}. */
public record KnowledgeResult(int schemaVersion, UUID eventId, String runId, Instant at, String correlationId,
                              List<KnowledgeHit> hits, String error) implements RunEvent {
    public KnowledgeResult {
        hits = hits == null ? List.of() : List.copyOf(hits);
    }

    public static KnowledgeResult of(String runId, String correlationId, List<KnowledgeHit> hits) {
        return new KnowledgeResult(SCHEMA_VERSION, UUID.randomUUID(), runId, Instant.now(), correlationId, hits, null);
    }
}
