package ai.automlgen.events;

import java.time.Instant;
import java.util.UUID;

/** A node entered the search graph; {@code plan} is the operator's one-line description. */
public record NodeCreated(int schemaVersion, UUID eventId, String runId, Instant at, String nodeId,
                          String parentId, String operator, String branch, int depth, String plan)
        implements SearchEvent {
    public static NodeCreated of(String runId, String nodeId, String parentId, String operator, String branch,
                                 int depth, String plan) {
        return new NodeCreated(SCHEMA_VERSION, UUID.randomUUID(), runId, Instant.now(), nodeId, parentId,
                operator, branch, depth, plan);
    }
}
