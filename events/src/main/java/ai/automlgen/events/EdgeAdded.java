package ai.automlgen.events;

import java.time.Instant;
import java.util.UUID;

/** A typed edge: PARENT, REFERENCE, TRAJECTORY or AGGREGATES (DESIGN §5). */
public record EdgeAdded(int schemaVersion, UUID eventId, String runId, Instant at, String from, String to,
                        String edgeType) implements SearchEvent {
    public static EdgeAdded of(String runId, String from, String to, String edgeType) {
        return new EdgeAdded(SCHEMA_VERSION, UUID.randomUUID(), runId, Instant.now(), from, to, edgeType);
    }
}
