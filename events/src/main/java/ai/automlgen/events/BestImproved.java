package ai.automlgen.events;

import java.time.Instant;
import java.util.UUID;

/** The run has a new best node by validation score. */
public record BestImproved(int schemaVersion, UUID eventId, String runId, Instant at, String nodeId,
                           double score, String previousNodeId, Double previousScore) implements SearchEvent {
    public static BestImproved of(String runId, String nodeId, double score, String previousNodeId,
                                  Double previousScore) {
        return new BestImproved(SCHEMA_VERSION, UUID.randomUUID(), runId, Instant.now(), nodeId, score,
                previousNodeId, previousScore);
    }
}
