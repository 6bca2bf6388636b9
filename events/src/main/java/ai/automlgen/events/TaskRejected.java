package ai.automlgen.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The task cannot be run; {@code problems} names each one with its file and field. */
public record TaskRejected(int schemaVersion, UUID eventId, String runId, Instant at,
                           List<String> problems) implements TaskPreparation {
    public TaskRejected {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static TaskRejected of(String runId, List<String> problems) {
        return new TaskRejected(SCHEMA_VERSION, UUID.randomUUID(), runId, Instant.now(), problems);
    }
}
