package ai.automlgen.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How an execution ended: outcome class, exit code (null when it never exited on its own),
 * duration, the tails of stdout/stderr, the full output size, and the collected artifacts.
 * {@code refit} echoes the request, so evaluators know not to expect validation predictions.
 */
public record ExecutionFinished(int schemaVersion, UUID eventId, String runId, String nodeId, Instant at,
                                Outcome outcome, Integer exitCode, long durationMs, String stdoutTail,
                                String stderrTail, long outputBytes, List<ArtifactRef> artifacts,
                                String executorId, String detail, boolean refit) implements RunEvent {
    public ExecutionFinished {
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    public Optional<ArtifactRef> artifact(String name) {
        return artifacts.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
