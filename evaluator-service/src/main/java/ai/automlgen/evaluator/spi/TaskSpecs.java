package ai.automlgen.evaluator.spi;

import ai.automlgen.evaluator.RunRecord;
import ai.automlgen.evaluator.task.TaskInspection;
import ai.automlgen.evaluator.task.TaskLoader;
import ai.automlgen.evaluator.task.TaskSpec;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Task specs of prepared runs, loaded once per task folder (every execution of a run needs it). */
@ApplicationScoped
public class TaskSpecs {
    private final Map<String, TaskSpec> byDir = new ConcurrentHashMap<>();

    /** @throws IllegalStateException when the task folder changed since the run was prepared and no longer loads */
    public TaskSpec of(RunRecord run) {
        return byDir.computeIfAbsent(run.taskDir(), dir -> {
            TaskInspection inspection = TaskLoader.load(Path.of(dir));
            if (!inspection.ok()) {
                throw new IllegalStateException("task " + dir + " no longer loads: " + String.join("; ", inspection.problems()));
            }
            return inspection.spec().orElseThrow();
        });
    }
}
