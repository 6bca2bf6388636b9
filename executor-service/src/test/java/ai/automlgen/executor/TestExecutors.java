package ai.automlgen.executor;

import ai.automlgen.events.CodeRef;
import ai.automlgen.events.ExecutionRequested;
import ai.automlgen.events.Resources;
import ai.automlgen.executor.artifacts.FileArtifactStore;
import ai.automlgen.executor.artifacts.ResultStore;
import ai.automlgen.executor.sandbox.Sandbox;
import ai.automlgen.executor.slots.Capacity;
import ai.automlgen.executor.slots.SlotGate;
import ai.automlgen.executor.slots.SlotPool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** An executor's parts over a temporary home, for tests of the scheduling and the handler without Kafka. */
final class TestExecutors {
    static final String RUN_ID = "run-1";

    private TestExecutors() {
    }

    static ResultStore results(Path home) {
        return new ResultStore(home.resolve("executions/results"));
    }

    static ExecutionScheduler scheduler(Path home, Sandbox sandbox) {
        ExecutionRunner runner = new ExecutionRunner(new FileArtifactStore(home.resolve("artifacts"), 1 << 20, 1 << 20),
                home.resolve("executions/work"), home.resolve("models"), "test-executor", 42);
        return new ExecutionScheduler(new SlotGate(new SlotPool(new Capacity(2, 4096, List.of()))), runner,
                results(home), sandbox, new InputDirRule(home.resolve("runs")));
    }

    static ExecutionRequested request(String nodeId) {
        return ExecutionRequested.of(RUN_ID, nodeId, CodeRef.python("print('hi')"), null, new Resources(1, 512, 0),
                Duration.ofMinutes(1), false);
    }
}
