package ai.automlgen.executor;

import ai.automlgen.executor.artifacts.FileArtifactStore;
import ai.automlgen.executor.slots.SlotLease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExecutionRunnerTest {
    @TempDir
    Path temp;

    @Test
    void aWorkingDirectoryThatCannotBePreparedIsRemoved() throws IOException {
        ExecutionRunner runner = new ExecutionRunner(new FileArtifactStore(temp.resolve("artifacts"), 1 << 20, 1 << 20),
                temp.resolve("work"), temp.resolve("models"), "test-executor", 42);
        // JSON may carry a lone surrogate ("\ud800"), which no file can hold as UTF-8: writing solution.py fails.
        String unwritable = "print('\ud800')";

        assertThrows(UncheckedIOException.class, () -> runner.runScript(unwritable, null,
                new StubSandbox(run -> StubSandbox.OK), SlotLease.unpooled(0, 1, 512), Duration.ofSeconds(10)));

        try (Stream<Path> left = Files.list(temp.resolve("work"))) {
            assertEquals(List.of(), left.toList());
        }
    }
}
