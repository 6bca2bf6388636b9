package ai.automlgen.events;

import java.time.Instant;
import java.util.UUID;

/** A node's evaluation was recorded: status (GOOD, BUGGY), validation score and reward. */
public record NodeScored(int schemaVersion, UUID eventId, String runId, Instant at, String nodeId, String status,
                         Double score, double reward, String reason) implements SearchEvent {
    public static NodeScored of(String runId, String nodeId, String status, Double score, double reward,
                                String reason) {
        return new NodeScored(SCHEMA_VERSION, UUID.randomUUID(), runId, Instant.now(), nodeId, status, score,
                reward, reason);
    }
}
