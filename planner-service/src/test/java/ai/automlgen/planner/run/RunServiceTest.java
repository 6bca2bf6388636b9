package ai.automlgen.planner.run;

import ai.automlgen.events.EvaluationCompleted;
import ai.automlgen.events.EventJson;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.ExecutionRequested;
import ai.automlgen.events.NodeScored;
import ai.automlgen.events.Outcome;
import ai.automlgen.events.Resources;
import ai.automlgen.events.RunEvent;
import ai.automlgen.planner.api.RunResource;
import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.CodeResult;
import ai.automlgen.planner.coder.CoderException;
import ai.automlgen.planner.coder.ExecutionLimits;
import ai.automlgen.planner.coder.NodeContext;
import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.graph.NodeRecord;
import ai.automlgen.planner.graph.RunRecord;
import ai.automlgen.planner.graph.RunStatus;
import ai.automlgen.planner.messaging.PlannerHandlers;
import ai.automlgen.planner.search.NodeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run's event handling in {@link RunService}, on the in-memory stand-ins of {@link RunServiceFixture}. */
class RunServiceTest {
    private static final Map<String, String> ONE_DRAFT_THEN_DEBUG = Map.of("search.drafts", "1",
            "search.greedy.debug-probability", "1");

    @TempDir
    Path temp;

    private final RunServiceFixture fixture = new RunServiceFixture(3);
    private final RunService runs = fixture.service;

    // ------------------------------------------------------------------ evaluations before execution results

    @Test
    void evaluationArrivingBeforeAnExecutorFailureLeavesTheNodeCancelledNotBuggy() {
        String runId = searchingRun(ONE_DRAFT_THEN_DEBUG);
        String draft = onlyRequest().nodeId();

        runs.onEvaluation(evaluation(runId, draft, null, "execution failed: EXECUTOR_FAILED"));
        runs.onExecutionFinished(executed(runId, draft, Outcome.EXECUTOR_FAILED, ""));

        assertEquals(NodeStatus.CANCELLED, fixture.store.node(runId, draft).orElseThrow().status());
        assertEquals(List.of(), fixture.searchEvents(NodeScored.class));
        assertTrue(fixture.coder.last(Operator.DEBUG).isEmpty(), "a node the executor could not run is not debugged");
    }

    @Test
    void debugOfANodeEvaluatedBeforeItsExecutionReportedGetsTheTraceback() {
        String runId = searchingRun(ONE_DRAFT_THEN_DEBUG);
        String draft = onlyRequest().nodeId();

        runs.onEvaluation(evaluation(runId, draft, null, "execution failed: ERROR"));
        runs.onExecutionFinished(executed(runId, draft, Outcome.ERROR, "Traceback: KeyError: 'age'"));

        CodeRequest debug = fixture.coder.last(Operator.DEBUG).orElseThrow();
        assertEquals("execution failed: ERROR\nTraceback: KeyError: 'age'", debug.parent().outputTail());
    }

    @Test
    void debugOfANodeKilledAtItsMemoryLimitReadsWhyAsWellAsTheLog() {
        String runId = searchingRun(ONE_DRAFT_THEN_DEBUG);
        String draft = onlyRequest().nodeId();

        runs.onExecutionFinished(executed(runId, draft, Outcome.OUT_OF_MEMORY, "[ 4.4s] features: 88943 columns"));
        runs.onEvaluation(evaluation(runId, draft, null,
                "execution ended with OUT_OF_MEMORY (exit code 137): killed at its memory limit of 6144 MB"));

        String failure = fixture.coder.last(Operator.DEBUG).orElseThrow().parent().outputTail();
        assertTrue(failure.startsWith("execution ended with OUT_OF_MEMORY (exit code 137)"), failure);
        assertTrue(failure.endsWith("features: 88943 columns"), failure);
    }

    @Test
    void evaluationWaitingForItsExecutionScoresTheNodeOnceThoughBothAreRedelivered() {
        String runId = searchingRun(ONE_DRAFT_THEN_DEBUG);
        String draft = onlyRequest().nodeId();
        EvaluationCompleted scored = evaluation(runId, draft, 0.8, null);
        ExecutionFinished finished = executed(runId, draft, Outcome.OK, "");

        runs.onEvaluation(scored);
        assertTrue(fixture.store.node(runId, draft).orElseThrow().status().inFlight(), "scored before its execution reported");
        runs.onExecutionFinished(finished);
        runs.onEvaluation(scored);
        runs.onExecutionFinished(finished);

        assertEquals(0.8, fixture.store.node(runId, draft).orElseThrow().score());
        assertEquals(1, fixture.searchEvents(NodeScored.class).size());
    }

    @Test
    void anImprovementReadsItsBranchFromTheFirstNodeDownToItsParent() {
        String runId = searchingRun(Map.of("search.drafts", "1"));
        String draft = onlyRequest().nodeId();
        runs.onExecutionFinished(executed(runId, draft, Outcome.OK, ""));
        runs.onEvaluation(evaluation(runId, draft, 0.8, null));
        CodeRequest first = fixture.coder.last(Operator.IMPROVE).orElseThrow();
        assertEquals(List.of(draft), first.trajectory().stream().map(NodeContext::nodeId).toList());

        String step = fixture.executionRequests().get(1).nodeId();
        runs.onExecutionFinished(executed(runId, step, Outcome.OK, ""));
        runs.onEvaluation(evaluation(runId, step, 0.9, null));
        CodeRequest next = fixture.coder.last(Operator.IMPROVE).orElseThrow();
        assertEquals(step, next.parent().nodeId());
        assertEquals(List.of(draft, step), next.trajectory().stream().map(NodeContext::nodeId).toList());
        assertEquals(List.of(0.8, 0.9), next.trajectory().stream().map(NodeContext::score).toList());
        assertTrue(fixture.store.edges(runId).stream().allMatch(edge -> edge.type().equals("PARENT")),
                "read, not drawn: an improvement adds no TRAJECTORY edges");
    }

    // ------------------------------------------------------------------ runs stalled by a failure

    @Test
    void scoreTheGraphTookButTheRunsRecordsMissedIsRecordedWhenTheVerdictComesAgain() {
        String runId = searchingRun(Map.of("search.drafts", "1"));
        String draft = onlyRequest().nodeId();
        runs.onExecutionFinished(executed(runId, draft, Outcome.OK, ""));
        fixture.store.scoredFailures.set(1);
        EvaluationCompleted verdict = evaluation(runId, draft, 0.8, null);
        assertThrows(IllegalStateException.class, () -> runs.onEvaluation(verdict));
        assertEquals(NodeStatus.PENDING, fixture.store.node(runId, draft).orElseThrow().status());

        runs.onEvaluation(verdict); // redelivered

        assertEquals(NodeStatus.GOOD, fixture.store.node(runId, draft).orElseThrow().status());
        RunRecord run = fixture.store.run(runId).orElseThrow();
        assertEquals(draft, run.bestNodeId());
        assertEquals(0.8, run.bestScore());
        assertEquals(2, fixture.executionRequests().size(), "the search went on after the draft");
    }

    @Test
    void searchThePreparedHandlerLeftStalledIsStartedByTheNextTickNotByARedelivery() {
        String runId = submitted(Map.of());
        fixture.sessions.failures.set(1);
        assertThrows(IllegalStateException.class, () -> runs.onPrepared(RunServiceFixture.prepared(runId, temp)));

        runs.onPrepared(RunServiceFixture.prepared(runId, temp));
        assertEquals(List.of(), fixture.executionRequests(), "a redelivered TaskPrepared changes nothing");
        runs.superviseRuns();

        assertEquals(1, fixture.executionRequests().size());
    }

    @Test
    void nodeWhoseRequestCouldNotBePublishedIsCancelledAndTheRunBacksOffBeforeTheNext() {
        String runId = submitted(Map.of());
        fixture.executions.failures.set(1);
        assertThrows(IllegalStateException.class, () -> runs.onPrepared(RunServiceFixture.prepared(runId, temp)));
        assertEquals(NodeStatus.CANCELLED, fixture.store.node(runId, "n1").orElseThrow().status());
        assertEquals(0, fixture.sessions.graphs.get(runId).inFlightCount());

        runs.superviseRuns();
        assertEquals(List.of(), fixture.executionRequests(), "no node within the back-off");
        fixture.clock.advance(Duration.ofSeconds(5));
        runs.superviseRuns();

        assertEquals("n2", onlyRequest().nodeId());
    }

    @Test
    void backOffDoublesWithEachNodeInARowThatCouldNotBePublished() {
        String runId = submitted(Map.of());
        fixture.executions.failures.set(2);
        assertThrows(IllegalStateException.class, () -> runs.onPrepared(RunServiceFixture.prepared(runId, temp)));
        fixture.clock.advance(Duration.ofSeconds(5));
        runs.superviseRuns(); // the second failure: 10 s now

        fixture.clock.advance(Duration.ofSeconds(9));
        runs.superviseRuns();
        assertEquals(List.of(), fixture.executionRequests());
        fixture.clock.advance(Duration.ofSeconds(1));
        runs.superviseRuns();

        assertEquals("n3", onlyRequest().nodeId());
    }

    @Test
    void nodesThatCouldNotBeRequestedDoNotEatTheNodeBudget() {
        String runId = runs.submit(new RunRequest(temp.toString(), null, 1, "greedy", null, 1, 0L, null, null,
                Map.of())).runId();
        fixture.executions.failures.set(2);
        assertThrows(IllegalStateException.class, () -> runs.onPrepared(RunServiceFixture.prepared(runId, temp)));
        fixture.clock.advance(Duration.ofSeconds(5));
        runs.superviseRuns();
        fixture.clock.advance(Duration.ofSeconds(10));
        runs.superviseRuns();

        assertEquals(RunStatus.SEARCHING, fixture.store.run(runId).orElseThrow().status());
        assertEquals("n3", onlyRequest().nodeId());
        assertEquals(1, fixture.sessions.graphs.get(runId).nodeCount());
    }

    // ------------------------------------------------------------------ a run another planner works on

    @Test
    void eventOfARunAnotherPlannerHoldsIsRefusedUntouchedAndHandledOnceTheRunIsFree() {
        String runId = searchingRun(ONE_DRAFT_THEN_DEBUG);
        String draft = onlyRequest().nodeId();
        runs.onExecutionFinished(executed(runId, draft, Outcome.OK, ""));
        fixture.leases.refusals.set(1);

        assertThrows(RunService.RunBusyException.class, () -> runs.onEvaluation(evaluation(runId, draft, 0.8, null)));
        assertTrue(fixture.store.node(runId, draft).orElseThrow().status().inFlight());
        runs.onEvaluation(evaluation(runId, draft, 0.8, null));

        assertEquals(0.8, fixture.store.node(runId, draft).orElseThrow().score());
    }

    @Test
    void kafkaHandlerHandlesAnEventOfABusyRunAgainInsteadOfSkippingIt() {
        String runId = searchingRun(ONE_DRAFT_THEN_DEBUG);
        String draft = onlyRequest().nodeId();
        PlannerHandlers handlers = new PlannerHandlers(runs);
        handlers.onExecutionFinished(EventJson.write(executed(runId, draft, Outcome.OK, "")));
        fixture.leases.refusals.set(3);

        handlers.onEvaluation(EventJson.write(evaluation(runId, draft, 0.8, null)));

        assertEquals(0.8, fixture.store.node(runId, draft).orElseThrow().score());
        assertEquals(0, fixture.leases.refusals.get());
    }

    @Test
    void tickLeavesARunAnotherPlannerHoldsToTheNextTick() {
        String runId = submitted(Map.of());
        fixture.executions.failures.set(1);
        assertThrows(IllegalStateException.class, () -> runs.onPrepared(RunServiceFixture.prepared(runId, temp)));
        fixture.clock.advance(Duration.ofSeconds(5));
        fixture.leases.refusals.set(1);

        runs.superviseRuns();
        assertEquals(List.of(), fixture.executionRequests());
        runs.superviseRuns();

        assertEquals("n2", onlyRequest().nodeId());
    }

    // ------------------------------------------------------------------ a coder that keeps failing

    @Test
    void coderFailingNodeAfterNodeStopsTheRunNamingItsError() {
        fixture.coder.answer = request -> {
            throw new CoderException("no template for this task type");
        };
        String runId = searchingRun(Map.of());

        RunRecord run = fixture.store.run(runId).orElseThrow();
        assertEquals(RunStatus.FAILED, run.status());
        assertTrue(run.reason().startsWith("stopped early: the scripted coder failed on the last 3 nodes"), run.reason());
        assertTrue(run.reason().contains("no template for this task type"), run.reason());
        assertEquals(4, fixture.store.nodes(runId).size()); // the root and three buggy nodes, not the node budget
    }

    @Test
    void coderFailingAfterAGoodNodeStopsTheSearchAndRefitsTheBest() {
        String runId = searchingRun(Map.of("search.drafts", "1"));
        String draft = onlyRequest().nodeId();
        fixture.coder.answer = request -> {
            throw new CoderException("the scripted coder only drafts");
        };
        runs.onExecutionFinished(executed(runId, draft, Outcome.OK, ""));
        runs.onEvaluation(evaluation(runId, draft, 0.8, null));

        RunRecord run = fixture.store.run(runId).orElseThrow();
        assertEquals(RunStatus.REFITTING, run.status());
        assertTrue(run.reason().contains("the scripted coder only drafts"), run.reason());
        assertTrue(fixture.executionRequests().get(1).refit());
    }

    @Test
    void refitIsAskedAndRunWithTheRefitInputsNotTheSearchs() {
        String runId = searchingRun(Map.of("search.drafts", "1"));
        String draft = onlyRequest().nodeId();
        fixture.coder.answer = request -> {
            if (request.operator() != Operator.REFIT) {
                throw new CoderException("the scripted coder only drafts and refits");
            }
            return new CodeResult("print('refit')", "refit", null);
        };
        runs.onExecutionFinished(executed(runId, draft, Outcome.OK, ""));
        runs.onEvaluation(evaluation(runId, draft, 0.8, null));

        CodeRequest refit = fixture.coder.last(Operator.REFIT).orElseThrow();
        assertEquals(temp.resolve("full").toString(), refit.inputs().inputDir());
        assertEquals(Map.of("train", "train.csv", "test", "test.csv"), refit.inputs().files());
        assertEquals(15, refit.inputs().trainRows());
        ExecutionRequested execution = fixture.executionRequests().get(1);
        assertTrue(execution.refit());
        assertEquals(temp.resolve("full").toString(), execution.inputDir());
    }

    @Test
    void theCoderIsToldTheTimeLimitAndResourcesTheNodeWillRunWith() {
        searchingRun(Map.of("search.drafts", "1"));

        ExecutionLimits limits = fixture.coder.last(Operator.DRAFT).orElseThrow().limits();
        assertEquals(new Resources(2, 1024, 0), limits.resources());
        assertEquals(onlyRequest().timeout(), limits.timeLimit());
    }

    @Test
    void tokensACoderSpentBeforeFailingCountInTheRun() {
        fixture.coder.answer = request -> {
            throw new CoderException("the model's answer has no usable code", null, 700);
        };
        String runId = searchingRun(Map.of());

        assertEquals(3 * 700, fixture.store.coderTokens(runId));
    }

    // ------------------------------------------------------------------ a slow coder (a model) writes off the handlers

    @Test
    void slowCodersCodeIsWrittenAfterTheHandlerReturnedAndWithoutTheRunsLease() {
        fixture.coder.slow = true;
        searchingRun(Map.of("search.drafts", "1"));

        assertTrue(fixture.coder.requests.isEmpty(), "the prepared handler waited for the code");
        assertEquals(List.of(), fixture.executionRequests());

        assertEquals(1, fixture.codeWriters.runQueued());
        assertEquals("n1", onlyRequest().nodeId());
        assertFalse(fixture.coder.leaseHeldWhileWriting, "the run was held while its code was written");
    }

    @Test
    void cancelWhileASlowCoderWritesEndsTheRunAtOnceAndTheNodeIsRecordedCancelledNotRun() {
        fixture.coder.slow = true;
        String runId = searchingRun(Map.of("search.drafts", "1"));

        runs.cancel(runId);
        fixture.codeWriters.runQueued();

        assertEquals(RunStatus.CANCELLED, fixture.store.run(runId).orElseThrow().status());
        assertEquals(List.of(), fixture.executionRequests());
        NodeRecord node = fixture.store.node(runId, "n1").orElseThrow();
        assertEquals(NodeStatus.CANCELLED, node.status());
        assertTrue(node.reason().startsWith("run ended"), node.reason());
    }

    @Test
    void nodeStillBeingWrittenWhenTheBudgetRunsOutIsCancelledAndTheBestIsRefit() {
        fixture.coder.slow = true;
        String runId = searchingRun(Map.of("search.drafts", "1"));
        fixture.codeWriters.runQueued();
        String draft = onlyRequest().nodeId();
        runs.onExecutionFinished(executed(runId, draft, Outcome.OK, ""));
        runs.onEvaluation(evaluation(runId, draft, 0.8, null));
        assertEquals(1, fixture.codeWriters.queued.size(), "the next node's code is being written");

        fixture.clock.advance(Duration.ofMinutes(13)); // past the 10-minute budget and its 2-minute grace
        runs.superviseRuns();
        fixture.codeWriters.runQueued();

        NodeRecord unwritten = fixture.store.node(runId, "n2").orElseThrow();
        assertEquals(NodeStatus.CANCELLED, unwritten.status());
        assertTrue(unwritten.reason().contains("budget ran out"), unwritten.reason());
        List<ExecutionRequested> requests = fixture.executionRequests();
        assertEquals(2, requests.size(), requests.toString());
        assertTrue(requests.get(1).refit());
        assertEquals(RunStatus.REFITTING, fixture.store.run(runId).orElseThrow().status());
    }

    @Test
    void slowCoderFailingAfterAGoodNodeStopsTheSearchAndItsRefitIsWrittenOffTheHandlerToo() {
        fixture.coder.slow = true;
        String runId = searchingRun(Map.of("search.drafts", "1"));
        fixture.codeWriters.runQueued();
        String draft = onlyRequest().nodeId();
        fixture.coder.answer = request -> {
            throw new CoderException("the scripted coder only drafts");
        };
        runs.onExecutionFinished(executed(runId, draft, Outcome.OK, ""));
        runs.onEvaluation(evaluation(runId, draft, 0.8, null));
        int writes = 0;
        for (int queued = fixture.codeWriters.runQueued(); queued > 0; queued = fixture.codeWriters.runQueued()) {
            writes += queued;
        }

        assertEquals(4, writes); // three failed nodes in a row stop the search, then the refit
        RunRecord run = fixture.store.run(runId).orElseThrow();
        assertEquals(RunStatus.REFITTING, run.status());
        assertTrue(run.reason().contains("the scripted coder only drafts"), run.reason());
        assertTrue(fixture.executionRequests().get(1).refit());
        assertFalse(fixture.coder.leaseHeldWhileWriting);
    }

    // ------------------------------------------------------------------ requests

    @Test
    void rewardEvaluatorThatIsNotAmongTheEvaluatorsIsRefusedNamingBoth() {
        RunRequest request = new RunRequest(temp.toString(), null, null, null, null, null, null, null, "cv", null);

        RunService.InvalidRunException refused = assertThrows(RunService.InvalidRunException.class,
                () -> runs.submit(request));

        assertTrue(refused.getMessage().contains("'cv'") && refused.getMessage().contains("[holdout]"), refused.getMessage());
    }

    @Test
    void parameterWithoutAValueIsRefusedNamingIt() {
        Map<String, String> params = new java.util.HashMap<>();
        params.put("search.drafts", null);
        RunRequest request = new RunRequest(temp.toString(), null, null, null, null, null, null, null, null, params);

        RunService.InvalidRunException refused = assertThrows(RunService.InvalidRunException.class,
                () -> runs.submit(request));

        assertTrue(refused.getMessage().contains("'search.drafts'"), refused.getMessage());
    }

    @Test
    void liveRunIsDeletedOnlyOnceCancelled() {
        String runId = searchingRun(Map.of());
        RunResource api = new RunResource(runs, fixture.store);

        RunService.RunNotFinishedException refused = assertThrows(RunService.RunNotFinishedException.class,
                () -> api.delete(runId));
        assertTrue(refused.getMessage().contains("POST /runs/" + runId + "/cancel"), refused.getMessage());
        assertTrue(fixture.store.run(runId).isPresent());

        runs.cancel(runId);
        api.delete(runId);
        assertFalse(fixture.store.run(runId).isPresent());
    }

    // ------------------------------------------------------------------ helpers

    private String submitted(Map<String, String> params) {
        return runs.submit(new RunRequest(temp.toString(), null, 10, "greedy", null, 1, 0L, null, null, params)).runId();
    }

    private String searchingRun(Map<String, String> params) {
        String runId = submitted(params);
        runs.onPrepared(RunServiceFixture.prepared(runId, temp));
        return runId;
    }

    private ExecutionRequested onlyRequest() {
        List<ExecutionRequested> requests = fixture.executionRequests();
        assertEquals(1, requests.size(), requests.toString());
        return requests.get(0);
    }

    private static ExecutionFinished executed(String runId, String nodeId, Outcome outcome, String stderr) {
        return new ExecutionFinished(RunEvent.SCHEMA_VERSION, UUID.randomUUID(), runId, nodeId, Instant.now(), outcome,
                outcome == Outcome.OK ? 0 : 1, 100, "", stderr, 4, List.of(), "exec-test",
                outcome == Outcome.EXECUTOR_FAILED ? "docker: engine gone" : null, false);
    }

    private static EvaluationCompleted evaluation(String runId, String nodeId, Double score, String problem) {
        return new EvaluationCompleted(RunEvent.SCHEMA_VERSION, UUID.randomUUID(), runId, nodeId, Instant.now(),
                "holdout", "roc_auc", score, false, score != null, problem == null ? List.of() : List.of(problem), null);
    }
}
