package ai.automlgen.evaluator;

import ai.automlgen.events.EventJson;
import ai.automlgen.events.RunConfig;
import ai.automlgen.events.TaskPrepared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * What the evaluator remembers of a prepared run (evaluator/run.json): the task folder, the run's
 * config (which evaluators, whose score is the reward) and the preparation it published, which a
 * redelivered TaskSubmitted republishes unchanged.
 */
public record RunRecord(String taskDir, RunConfig config, TaskPrepared prepared) {

    public static Optional<RunRecord> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(EventJson.mapper().readValue(file.toFile(), RunRecord.class));
    }

    /** Written last and atomically: its presence means the run's folders are complete. */
    public void write(Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        EventJson.mapper().writeValue(temp.toFile(), this);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
