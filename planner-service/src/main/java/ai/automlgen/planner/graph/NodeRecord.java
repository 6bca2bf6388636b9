package ai.automlgen.planner.graph;

import ai.automlgen.events.Grade;
import ai.automlgen.planner.search.NodeStatus;
import ai.automlgen.planner.search.SearchNode;

import java.time.Instant;

/**
 * One node of a run's search graph as stored in Redis. Code and spec are stored apart (they are
 * large and rarely needed). {@code visits}/{@code value} are the MCGS statistics; {@code score} is
 * the reward evaluator's validation score; {@code testGrade} is for reports only.
 */
public record NodeRecord(String runId, String nodeId, long seq, String parentId, String operator, String branch,
                         int depth, NodeStatus status, Double score, int visits, double value, String plan,
                         String outcome, String reason, String outputTail, String submissionUri,
                         Grade testGrade, Instant createdAt, Instant finishedAt) {

    /** The projection of a node the search engine just claimed. */
    public static NodeRecord pending(String runId, SearchNode node, String plan) {
        return new NodeRecord(runId, node.id(), Long.parseLong(node.id().substring(1)), node.parentId(),
                node.operator().wireName(), node.branch(), node.depth(), NodeStatus.PENDING, null, 0, 0, plan, null,
                null, null, null, null, Instant.ofEpochMilli(node.createdAtMillis()), null);
    }

    public boolean refit() {
        return "refit".equals(operator);
    }

    /** The node's verdict: final status, score (null unless GOOD), reason for a bad one, test grade. */
    public NodeRecord scored(NodeStatus newStatus, Double newScore, String newReason, Grade grade) {
        return new NodeRecord(runId, nodeId, seq, parentId, operator, branch, depth, newStatus, newScore, visits, value,
                plan, outcome, newReason, outputTail, submissionUri, grade, createdAt, Instant.now());
    }

    /** What the executor reported: outcome class, the output tail, where the submission went. */
    public NodeRecord executed(String newOutcome, String tail, String submission) {
        return new NodeRecord(runId, nodeId, seq, parentId, operator, branch, depth, status, score, visits, value,
                plan, newOutcome, reason, tail, submission, testGrade, createdAt, finishedAt);
    }

    /** One more visit carrying {@code reward} (backpropagation). */
    public NodeRecord visited(double reward) {
        return new NodeRecord(runId, nodeId, seq, parentId, operator, branch, depth, status, score, visits + 1,
                value + reward, plan, outcome, reason, outputTail, submissionUri, testGrade, createdAt, finishedAt);
    }
}
