package ai.automlgen.cli.bench.system;

import ai.automlgen.events.CodeRef;
import ai.automlgen.events.EvaluationCompleted;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.ExecutionRequested;
import ai.automlgen.events.NodeCreated;
import ai.automlgen.events.NodeScored;
import ai.automlgen.events.Outcome;
import ai.automlgen.events.Resources;
import ai.automlgen.events.RunEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NodeTimingsTest {
    private static final String RUN = "run-t";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void orchestrationIsCreatedToScoredLessTheExecutionWallTime() {
        NodeTimings.Timing timing = NodeTimings.of(executedNode("n1", 0)).timed().get(0);
        assertEquals(170.0, timing.orchestrationMs(), 1e-9);
    }

    @Test
    void eachHopOfTheEventPathIsTimedApart() {
        NodeTimings.Timing timing = NodeTimings.of(executedNode("n1", 0)).timed().get(0);
        assertEquals(20.0, timing.dispatchMs(), 1e-9);
        assertEquals(100.0, timing.executorOverheadMs(), 1e-9);
        assertEquals(30.0, timing.evaluationMs(), 1e-9);
        assertEquals(20.0, timing.scoringMs(), 1e-9);
    }

    @Test
    void nodesThatNeverRanAreCountedButNotTimed() {
        List<RunEvent> events = new java.util.ArrayList<>(executedNode("n1", 0));
        events.add(new NodeCreated(1, UUID.randomUUID(), RUN, at(5000), "n2", "n1", "improve", "n1", 2, "coder failed"));
        events.add(new NodeScored(1, UUID.randomUUID(), RUN, at(5001), "n2", "BUGGY", null, 0, "coder failed"));
        NodeTimings.Result result = NodeTimings.of(events);
        assertEquals(List.of("n1"), result.timed().stream().map(NodeTimings.Timing::nodeId).toList());
        assertEquals(1, result.untimed());
    }

    @Test
    void aRedeliveredResultDoesNotMoveTheTiming() {
        List<RunEvent> events = new java.util.ArrayList<>(executedNode("n1", 0));
        events.add(finished("n1", 9000, 900));
        assertEquals(170.0, NodeTimings.of(events).timed().get(0).orchestrationMs(), 1e-9);
    }

    /** Created at +0, requested +20, finished +1020 after 900 ms of execution, evaluated +1050, scored +1070. */
    private static List<RunEvent> executedNode(String nodeId, long offsetMs) {
        return List.of(
                new NodeScored(1, UUID.randomUUID(), RUN, at(offsetMs + 1070), nodeId, "GOOD", 0.9, 0.9, null),
                new NodeCreated(1, UUID.randomUUID(), RUN, at(offsetMs), nodeId, "root", "draft", nodeId, 1, "draft"),
                new ExecutionRequested(1, UUID.randomUUID(), RUN, nodeId, at(offsetMs + 20), CodeRef.python("pass"),
                        "/in", new Resources(1, 512, 0), Duration.ofMinutes(1), false),
                finished(nodeId, offsetMs + 1020, 900),
                new EvaluationCompleted(1, UUID.randomUUID(), RUN, nodeId, at(offsetMs + 1050), "default", "auc", 0.9,
                        false, true, List.of(), null));
    }

    private static ExecutionFinished finished(String nodeId, long atMs, long durationMs) {
        return new ExecutionFinished(1, UUID.randomUUID(), RUN, nodeId, at(atMs), Outcome.OK, 0, durationMs, "", "", 0,
                List.of(), "executor-1", "exited 0", false);
    }

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }
}
