package ai.automlgen.events;

import java.time.Instant;
import java.util.UUID;

/** A user asked for a run: solve the task in {@code taskDir} within {@code budget}. */
public record TaskSubmitted(int schemaVersion, UUID eventId, String runId, Instant at,
                            String taskDir, Budget budget, RunConfig config) implements RunEvent {
    public static TaskSubmitted of(String runId, String taskDir, Budget budget, RunConfig config) {
        return new TaskSubmitted(SCHEMA_VERSION, UUID.randomUUID(), runId, Instant.now(), taskDir, budget, config);
    }
}
