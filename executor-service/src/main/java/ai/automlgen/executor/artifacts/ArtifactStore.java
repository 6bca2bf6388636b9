package ai.automlgen.executor.artifacts;

import ai.automlgen.events.ArtifactRef;

import java.nio.file.Path;
import java.util.List;

/**
 * Where files an execution wrote under output/ are kept, as {runId}/{nodeId}/{name}. A folder
 * today ({@link FileArtifactStore}); the same layout fits an object-storage bucket.
 */
public interface ArtifactStore {
    /** Copies the files under {@code outputDir} (size-capped) and says what was kept and what was not. */
    Collected collect(String runId, String nodeId, Path outputDir);

    /** The references stored and any files left out, with why (too large, over the total cap). */
    record Collected(List<ArtifactRef> artifacts, List<String> leftOut) {
        public Collected {
            artifacts = List.copyOf(artifacts);
            leftOut = List.copyOf(leftOut);
        }
    }
}
