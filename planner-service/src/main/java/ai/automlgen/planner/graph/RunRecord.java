package ai.automlgen.planner.graph;

import ai.automlgen.events.Budget;
import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.RunConfig;
import ai.automlgen.events.TaskInfo;

import java.time.Instant;

/**
 * A run as the planner keeps it in Redis. {@code task} and {@code inputs} are null until the
 * evaluator has prepared the task; {@code finalNodeId} is the refit node whose submission is the
 * run's output (or the best node itself when the refit failed).
 */
public record RunRecord(String runId, String taskDir, RunStatus status, RunConfig config, Budget budget,
                        Instant createdAt, Instant searchStartedAt, Instant deadline, TaskInfo task,
                        PreparedInputs inputs, String bestNodeId, Double bestScore, String finalNodeId,
                        String reason, Instant finishedAt) {

    public RunRecord searching(Instant now, TaskInfo preparedTask, PreparedInputs preparedInputs) {
        return new RunRecord(runId, taskDir, RunStatus.SEARCHING, config, budget, createdAt, now,
                now.plus(budget.wallClock()), preparedTask, preparedInputs, null, null, null, null, null);
    }

    /** The search is over and the best node is refit; {@code why} says why the search stopped early (null: it did not). */
    public RunRecord refitting(String why) {
        return new RunRecord(runId, taskDir, RunStatus.REFITTING, config, budget, createdAt, searchStartedAt, deadline,
                task, inputs, bestNodeId, bestScore, finalNodeId, why, finishedAt);
    }

    public RunRecord withBest(String nodeId, double score) {
        return new RunRecord(runId, taskDir, status, config, budget, createdAt, searchStartedAt, deadline, task,
                inputs, nodeId, score, finalNodeId, reason, finishedAt);
    }

    public RunRecord finished(RunStatus finalStatus, String finalNode, String why) {
        return new RunRecord(runId, taskDir, finalStatus, config, budget, createdAt, searchStartedAt, deadline, task,
                inputs, bestNodeId, bestScore, finalNode, why, Instant.now());
    }
}
