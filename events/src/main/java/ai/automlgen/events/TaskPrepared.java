package ai.automlgen.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The evaluator read and split the task; search nodes may now read {@code inputs} (train and the validation split),
 * and the final refit reads {@code refitInputs} (every labelled row as train, no validation files). An event written
 * before {@code refitInputs} existed has none.
 */
public record TaskPrepared(int schemaVersion, UUID eventId, String runId, Instant at,
                           TaskInfo task, PreparedInputs inputs, PreparedInputs refitInputs) implements TaskPreparation {
    public static TaskPrepared of(String runId, TaskInfo task, PreparedInputs inputs, PreparedInputs refitInputs) {
        return new TaskPrepared(SCHEMA_VERSION, UUID.randomUUID(), runId, Instant.now(), task, inputs, refitInputs);
    }
}
