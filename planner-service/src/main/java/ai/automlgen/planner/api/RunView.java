package ai.automlgen.planner.api;

import ai.automlgen.events.Grade;
import ai.automlgen.planner.graph.NodeRecord;
import ai.automlgen.planner.search.NodeStatus;
import ai.automlgen.planner.graph.RunRecord;

import java.time.Instant;
import java.util.List;

/**
 * A run as the API shows it: status, best and final node, counts, and the final submission's test grade;
 * {@code budgetSeconds} is its search's wall-clock budget, known before the deadline (set once the task is prepared);
 * {@code coderTokens} the model tokens its coder spent, failed nodes' included (0 for coders that call no model).
 */
public record RunView(String runId, String taskDir, String task, String status, String policy, String coder,
                      String metric, Boolean lowerIsBetter, String bestNodeId, Double bestScore, String finalNodeId,
                      String reason, int nodes, int good, int buggy, int pending, Instant createdAt, long budgetSeconds,
                      Instant deadline, Instant finishedAt, Grade finalTestGrade, long coderTokens) {

    static RunView of(RunRecord run, List<NodeRecord> nodes, long coderTokens) {
        List<NodeRecord> expanded = nodes.stream().filter(n -> !"root".equals(n.operator())).toList();
        Grade grade = run.finalNodeId() == null ? null : expanded.stream()
                .filter(n -> n.nodeId().equals(run.finalNodeId())).findFirst().map(NodeRecord::testGrade).orElse(null);
        return new RunView(run.runId(), run.taskDir(), run.task() == null ? null : run.task().name(),
                run.status().name(), run.config().policy(), run.config().coder(),
                run.task() == null ? null : run.task().metric(), run.task() == null ? null : run.task().lowerIsBetter(),
                run.bestNodeId(), run.bestScore(), run.finalNodeId(), run.reason(), expanded.size(),
                count(expanded, NodeStatus.GOOD), count(expanded, NodeStatus.BUGGY), (int) expanded.stream().filter(n -> n.status().inFlight()).count(),
                run.createdAt(), run.budget().wallClock().toSeconds(), run.deadline(), run.finishedAt(), grade, coderTokens);
    }

    private static int count(List<NodeRecord> nodes, NodeStatus status) {
        return (int) nodes.stream().filter(n -> n.status() == status).count();
    }
}
