package ai.automlgen.events;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Run {@code code} on the prepared {@code inputDir} with these limits. {@code refit} marks the final
 * run on all labelled data ({@code full/}): it writes a submission and no validation predictions.
 */
public record ExecutionRequested(int schemaVersion, UUID eventId, String runId, String nodeId, Instant at,
                                 CodeRef code, String inputDir, Resources resources, Duration timeout,
                                 boolean refit) implements RunEvent {
    public static ExecutionRequested of(String runId, String nodeId, CodeRef code, String inputDir,
                                        Resources resources, Duration timeout, boolean refit) {
        return new ExecutionRequested(SCHEMA_VERSION, UUID.randomUUID(), runId, nodeId, Instant.now(),
                code, inputDir, resources, timeout, refit);
    }
}
