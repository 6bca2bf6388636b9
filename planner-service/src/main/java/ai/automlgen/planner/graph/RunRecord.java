package ai.automlgen.planner.graph;

import ai.automlgen.events.Budget;
import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.RunConfig;
import ai.automlgen.events.TaskInfo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run as the planner keeps it in Redis. {@code task}, {@code inputs} (what search nodes read) and
 * {@code refitInputs} (what the final refit reads: {@code full/}) are null until the evaluator has prepared the
 * task; {@code finalNodeId} is the refit node whose submission is the run's output (or the best node itself when
 * the refit failed).
 */
public record RunRecord(String runId, String taskDir, RunStatus status, RunConfig config, Budget budget,
                        Instant createdAt, Instant searchStartedAt, Instant deadline, TaskInfo task,
                        PreparedInputs inputs, PreparedInputs refitInputs, String bestNodeId, Double bestScore,
                        String finalNodeId, String reason, Instant finishedAt) {

    public RunRecord {
        if (refitInputs == null && inputs != null) {
            refitInputs = fullBeside(inputs);
        }
    }

    /**
     * What a run prepared before the evaluator named its refit inputs (an older event replayed, an older record) refits
     * on: {@code full/} beside {@code input/}, which holds every labelled row as train and none of the validation files.
     */
    private static PreparedInputs fullBeside(PreparedInputs inputs) {
        Map<String, String> files = new LinkedHashMap<>(inputs.files());
        files.keySet().removeIf(role -> role.startsWith("valid"));
        return new PreparedInputs(Path.of(inputs.inputDir()).resolveSibling("full").toString(), files,
                inputs.trainRows() + inputs.validRows(), 0, inputs.testRows());
    }

    public RunRecord searching(Instant now, TaskInfo preparedTask, PreparedInputs preparedInputs,
                               PreparedInputs preparedRefitInputs) {
        return new RunRecord(runId, taskDir, RunStatus.SEARCHING, config, budget, createdAt, now,
                now.plus(budget.wallClock()), preparedTask, preparedInputs, preparedRefitInputs, null, null, null, null,
                null);
    }

    /** The search is over and the best node is refit; {@code why} says why the search stopped early (null: it did not). */
    public RunRecord refitting(String why) {
        return new RunRecord(runId, taskDir, RunStatus.REFITTING, config, budget, createdAt, searchStartedAt, deadline,
                task, inputs, refitInputs, bestNodeId, bestScore, finalNodeId, why, finishedAt);
    }

    public RunRecord withBest(String nodeId, double score) {
        return new RunRecord(runId, taskDir, status, config, budget, createdAt, searchStartedAt, deadline, task,
                inputs, refitInputs, nodeId, score, finalNodeId, reason, finishedAt);
    }

    public RunRecord finished(RunStatus finalStatus, String finalNode, String why) {
        return new RunRecord(runId, taskDir, finalStatus, config, budget, createdAt, searchStartedAt, deadline, task,
                inputs, refitInputs, bestNodeId, bestScore, finalNode, why, Instant.now());
    }
}
