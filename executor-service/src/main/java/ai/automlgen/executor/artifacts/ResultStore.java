package ai.automlgen.executor.artifacts;

import ai.automlgen.events.EventJson;
import ai.automlgen.events.ExecutionFinished;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Finished results by run and node, so a redelivered request republishes what was published
 * instead of running the code again. One JSON file per node, written atomically.
 */
public final class ResultStore {
    private final Path root;

    public ResultStore(Path root) {
        this.root = root;
    }

    public Optional<ExecutionFinished> find(String runId, String nodeId) {
        Path file = fileOf(runId, nodeId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.read(Files.readString(file), ExecutionFinished.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored result " + file + ": " + e.getMessage(), e);
        }
    }

    public void save(ExecutionFinished finished) {
        Path file = fileOf(finished.runId(), finished.nodeId());
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, EventJson.write(finished));
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the result of " + finished.runId() + "/" + finished.nodeId()
                    + " under " + root + ": " + e.getMessage(), e);
        }
    }

    private Path fileOf(String runId, String nodeId) {
        return root.resolve(FileArtifactStore.safeSegment(runId)).resolve(FileArtifactStore.safeSegment(nodeId) + ".json");
    }
}
