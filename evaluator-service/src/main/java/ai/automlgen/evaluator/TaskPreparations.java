package ai.automlgen.evaluator;

import ai.automlgen.evaluator.prepare.PreparedTask;
import ai.automlgen.evaluator.prepare.Preparer;
import ai.automlgen.evaluator.prepare.RunFolders;
import ai.automlgen.evaluator.task.TaskInspection;
import ai.automlgen.evaluator.task.TaskLoader;
import ai.automlgen.evaluator.task.TaskSpec;
import ai.automlgen.events.RunConfig;
import ai.automlgen.events.TaskPreparation;
import ai.automlgen.events.TaskPrepared;
import ai.automlgen.events.TaskRejected;
import ai.automlgen.events.TaskSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Answers a TaskSubmitted: loads and validates the task, splits it for the run, and says
 * TaskPrepared — or TaskRejected with every problem. A run already prepared gets its recorded answer again.
 */
@ApplicationScoped
public class TaskPreparations {
    /** Per-run override of the validation fraction in RunConfig.params. */
    public static final String FRACTION_PARAM = "validation_fraction";
    private static final Logger LOG = Logger.getLogger(TaskPreparations.class);

    private final Workspace workspace;
    private final Preparer preparer;

    public TaskPreparations(Workspace workspace) {
        this.workspace = workspace;
        this.preparer = new Preparer(workspace.home());
    }

    public synchronized TaskPreparation prepare(TaskSubmitted submitted) {
        String runId = submitted.runId();
        RunFolders run;
        try {
            run = workspace.run(runId);
        } catch (IllegalArgumentException e) {
            return TaskRejected.of(runId, List.of("runId: " + e.getMessage()));
        }
        try {
            Optional<RunRecord> recorded = RunRecord.read(run.runRecord());
            if (recorded.isPresent()) {
                LOG.infof("run %s already prepared; republishing its preparation", runId);
                return recorded.get().prepared();
            }
        } catch (IOException e) {
            LOG.warnf("run %s: unreadable %s (%s); preparing again", runId, run.runRecord(), e.getMessage());
        }
        if (submitted.taskDir() == null || submitted.taskDir().isBlank()) {
            return TaskRejected.of(runId, List.of("taskDir: missing; submit the path of a task folder"));
        }
        TaskInspection inspection = TaskLoader.load(Path.of(submitted.taskDir()));
        if (!inspection.ok()) {
            return TaskRejected.of(runId, inspection.problems());
        }
        TaskSpec spec = inspection.spec().orElseThrow();
        // A submission without a config runs with the defaults: seed 0, the holdout evaluator.
        RunConfig config = submitted.config() != null ? submitted.config() : new RunConfig(null, null, 1, 0, null, null, null);
        long seed = config.seed();
        double fraction;
        try {
            fraction = fraction(config);
        } catch (NumberFormatException e) {
            return TaskRejected.of(runId, List.of("config.params." + FRACTION_PARAM + ": not a number: " + e.getMessage()));
        }
        try {
            PreparedTask prepared = preparer.prepare(spec, run, seed, fraction);
            TaskPrepared event = TaskPrepared.of(runId, spec.info(), prepared.inputs(), prepared.refitInputs());
            new RunRecord(spec.dir().toString(), config, event).write(run.runRecord());
            LOG.infof("run %s prepared from %s: %d train, %d valid, %d test rows", runId, spec.dir(),
                    prepared.inputs().trainRows(), prepared.inputs().validRows(), prepared.inputs().testRows());
            return event;
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "run %s: preparing %s failed", runId, spec.dir());
            return TaskRejected.of(runId, List.of(spec.dir() + ": preparation failed: " + e));
        }
    }

    private double fraction(RunConfig config) {
        if (config.params().containsKey(FRACTION_PARAM)) {
            return Double.parseDouble(config.params().get(FRACTION_PARAM));
        }
        return workspace.validationFraction();
    }
}
