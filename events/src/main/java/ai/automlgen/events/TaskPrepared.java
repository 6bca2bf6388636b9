package ai.automlgen.events;

import java.time.Instant;
import java.util.UUID;

/** The evaluator read and split the task; code may now read {@code inputs}. */
public record TaskPrepared(int schemaVersion, UUID eventId, String runId, Instant at,
                           TaskInfo task, PreparedInputs inputs) implements TaskPreparation {
    public static TaskPrepared of(String runId, TaskInfo task, PreparedInputs inputs) {
        return new TaskPrepared(SCHEMA_VERSION, UUID.randomUUID(), runId, Instant.now(), task, inputs);
    }
}
