package ai.automlgen.cli.bench.system;

import ai.automlgen.events.EvaluationCompleted;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.ExecutionRequested;
import ai.automlgen.events.NodeCreated;
import ai.automlgen.events.NodeScored;
import ai.automlgen.events.RunEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each node's time went on the event path, from the events' own {@code at} stamps (every service
 * runs on one host, one clock). The planner writes a node's code before it publishes NodeCreated, so
 * code generation lies outside created→scored; the sandboxed process's wall time is
 * ExecutionFinished.durationMs. What is left is orchestration: Kafka hops, slot admission, sandbox
 * set-up, artifact collection, evaluation and the planner's bookkeeping.
 */
public final class NodeTimings {
    private NodeTimings() {
    }

    /** One executed and scored node. */
    public record Timing(String nodeId, String operator, Instant created, Instant requested, Instant executed,
                         long executionMs, Instant evaluated, Instant scored) {

        /** NodeScored − NodeCreated − execution wall time. */
        public double orchestrationMs() {
            return millis(created, scored) - executionMs;
        }

        /** NodeCreated → ExecutionRequested: the planner's graph writes before dispatch. */
        public double dispatchMs() {
            return millis(created, requested);
        }

        /** ExecutionRequested → ExecutionFinished, less the run itself: Kafka, slots, sandbox, artifacts. */
        public double executorOverheadMs() {
            return millis(requested, executed) - executionMs;
        }

        /** ExecutionFinished → the first EvaluationCompleted: Kafka and grading the outputs. */
        public double evaluationMs() {
            return millis(executed, evaluated);
        }

        /** EvaluationCompleted → NodeScored: the planner records the score and backpropagates. */
        public double scoringMs() {
            return millis(evaluated, scored);
        }

        private static double millis(Instant from, Instant to) {
            return Duration.between(from, to).toNanos() / 1e6;
        }
    }

    /** The timed nodes, and how many created nodes could not be timed (coder failures, the refit, unfinished). */
    public record Result(List<Timing> timed, int untimed) {
    }

    /** Pairs up one run's events by node; the first event of each kind wins (later ones are redeliveries). */
    public static Result of(List<RunEvent> events) {
        Map<String, NodeCreated> created = new LinkedHashMap<>();
        Map<String, ExecutionRequested> requested = new LinkedHashMap<>();
        Map<String, ExecutionFinished> finished = new LinkedHashMap<>();
        Map<String, EvaluationCompleted> evaluated = new LinkedHashMap<>();
        Map<String, NodeScored> scored = new LinkedHashMap<>();
        for (RunEvent event : events.stream().sorted(Comparator.comparing(RunEvent::at)).toList()) {
            if (event instanceof NodeCreated e) {
                created.putIfAbsent(e.nodeId(), e);
            } else if (event instanceof ExecutionRequested e && !e.refit()) {
                requested.putIfAbsent(e.nodeId(), e);
            } else if (event instanceof ExecutionFinished e) {
                finished.putIfAbsent(e.nodeId(), e);
            } else if (event instanceof EvaluationCompleted e) {
                evaluated.putIfAbsent(e.nodeId(), e);
            } else if (event instanceof NodeScored e) {
                scored.putIfAbsent(e.nodeId(), e);
            }
        }
        List<Timing> timed = new ArrayList<>();
        for (NodeCreated node : created.values()) {
            String id = node.nodeId();
            if (requested.containsKey(id) && finished.containsKey(id) && evaluated.containsKey(id)
                    && scored.containsKey(id)) {
                timed.add(new Timing(id, node.operator(), node.at(), requested.get(id).at(), finished.get(id).at(),
                        finished.get(id).durationMs(), evaluated.get(id).at(), scored.get(id).at()));
            }
        }
        return new Result(timed, created.size() - timed.size());
    }
}
