package ai.automlgen.planner.api;

import ai.automlgen.planner.graph.NodeRecord;
import ai.automlgen.planner.graph.RedisGraphStore;
import ai.automlgen.planner.graph.RunRecord;

import ai.automlgen.events.Grade;

import java.time.Instant;
import java.util.List;

/**
 * A run's search graph, enough to redraw it: nodes with their stats and typed edges. A node's {@code createdAt} and
 * {@code finishedAt} are ISO-8601 instants ({@code finishedAt} null until scored); {@code testGrade} is the graded
 * test score, present only where the run's evaluators grade, for reports.
 */
public record GraphView(String runId, String status, String bestNodeId, List<Node> nodes, List<Edge> edges) {

    public record Node(String id, String parent, String operator, String status, Double score, String branch,
                       int depth, int visits, double value, String plan, String reason, Instant createdAt,
                       Instant finishedAt, Grade testGrade) {
    }

    public record Edge(String from, String to, String type) {
    }

    static GraphView of(RunRecord run, List<NodeRecord> nodes, List<RedisGraphStore.GraphEdge> edges) {
        return new GraphView(run.runId(), run.status().name(), run.bestNodeId(),
                nodes.stream().map(n -> new Node(n.nodeId(), n.parentId(), n.operator(), n.status().name(), n.score(),
                        n.branch(), n.depth(), n.visits(), n.value(), n.plan(), n.reason(), n.createdAt(),
                        n.finishedAt(), n.testGrade())).toList(),
                edges.stream().map(e -> new Edge(e.from(), e.to(), e.type())).toList());
    }
}
