package ai.automlgen.events;

import java.time.Instant;
import java.util.UUID;

/** The run ended: {@code status} is COMPLETED, FAILED or CANCELLED; the best node is named when there is one. */
public record RunFinished(int schemaVersion, UUID eventId, String runId, Instant at, String status,
                          String bestNodeId, Double bestScore, int nodes, String reason) implements SearchEvent {
    public static RunFinished of(String runId, String status, String bestNodeId, Double bestScore, int nodes,
                                 String reason) {
        return new RunFinished(SCHEMA_VERSION, UUID.randomUUID(), runId, Instant.now(), status, bestNodeId,
                bestScore, nodes, reason);
    }
}
