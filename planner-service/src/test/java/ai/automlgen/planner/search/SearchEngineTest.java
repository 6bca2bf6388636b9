package ai.automlgen.planner.search;

import ai.automlgen.events.Budget;
import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.search.policy.Mcgs;
import ai.automlgen.planner.search.policy.SearchPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchEngineTest {
    private final TestGraph t = new TestGraph();
    private int nextId = 1;

    private SearchEngine engine(SearchPolicy policy) {
        return new SearchEngine(t.graph, policy, SearchConstants.DEFAULTS, () -> "x" + nextId++, () -> 42L);
    }

    private SearchEngine mcgs() {
        return engine(new Mcgs(SearchConstants.DEFAULTS, new Random(1)));
    }

    @Test
    void fusionIsClaimedAsAPendingChildWithItsReferenceEdges() {
        SearchNode a = t.draft(0.5);
        SearchNode b = t.draft(0.3);
        for (int i = 0; i < 3; i++) {
            t.pending(t.scored(SearchNode.ROOT_ID, Operator.DRAFT, null).id(), Operator.DEBUG);
        }
        SearchNode last = a;
        for (int i = 0; i < 6; i++) {
            last = t.scored(last.id(), Operator.IMPROVE, 0.4);
        }
        SearchEngine.Expansion fusion = mcgs().expand(FixedClock.START).orElseThrow();
        assertEquals(Operator.FUSION, fusion.node().operator());
        assertEquals(NodeStatus.PENDING, t.node("x1").status());
        assertEquals(a.id(), fusion.node().branch());
        assertTrue(t.graph.edgesFrom(a.id()).contains(new Edge(a.id(), "x1", EdgeType.PARENT)));
        assertEquals(List.of(new Edge("x1", b.id(), EdgeType.REFERENCE)), t.graph.edgesFrom("x1"));
    }

    @Test
    void aggregationOpensANewBranchWithAnEdgeToEachBranchBest() {
        SearchNode a = t.draft(0.5);
        SearchNode b = t.draft(0.3);
        for (int i = 0; i < 3; i++) {
            t.pending(t.scored(SearchNode.ROOT_ID, Operator.DRAFT, null).id(), Operator.DEBUG);
        }
        SearchNode last = a;
        for (int i = 0; i < 12; i++) {
            last = t.scored(last.id(), Operator.IMPROVE, 0.4);
        }
        SearchNode aggregation = mcgs().expand(FixedClock.START).orElseThrow().node();
        assertEquals(Operator.AGGREGATION, aggregation.operator());
        assertEquals("x1", aggregation.branch());
        assertEquals(List.of(new Edge("x1", a.id(), EdgeType.AGGREGATES), new Edge("x1", b.id(), EdgeType.AGGREGATES)),
                t.graph.edgesFrom("x1"));
    }

    @Test
    void debugOfADebugIsTwoDeepAndStaysInTheBranch() {
        SearchNode draft = t.scored(SearchNode.ROOT_ID, Operator.DRAFT, null);
        SearchNode debug = t.scored(draft.id(), Operator.DEBUG, null);
        SearchNode again = SearchNode.pending("d", debug, Operator.DEBUG, 0);
        assertEquals(2, again.debugDepth());
        assertEquals(draft.id(), again.branch());
        assertEquals(3, again.depth());
    }

    @Test
    void cancelledNodeFreesItsPlaceAndIsNeverRecorded() {
        SearchNode draft = t.pending(SearchNode.ROOT_ID, Operator.DRAFT);
        t.graph.cancel(draft.id());
        assertTrue(mcgs().record(draft.id(), 0.9).isEmpty());
        assertEquals(0, ChildLimits.liveChildren(t.graph, SearchNode.ROOT_ID, Operator.DRAFT));
        assertEquals(0, t.graph.inFlightCount());
    }

    @Test
    void runningNodeIsRecordedLikeAPendingOne() {
        SearchNode draft = t.pending(SearchNode.ROOT_ID, Operator.DRAFT);
        t.graph.markRunning(draft.id());
        assertEquals(NodeStatus.RUNNING, t.node(draft.id()).status());
        assertEquals(NodeStatus.GOOD, mcgs().record(draft.id(), 0.7).orElseThrow().node().status());
    }

    @Test
    void scoreRecordedBeforeIsReportedAgainAsRecordingReportedIt() {
        SearchNode first = t.pending(SearchNode.ROOT_ID, Operator.DRAFT);
        SearchNode second = t.pending(SearchNode.ROOT_ID, Operator.DRAFT);
        SearchEngine engine = mcgs();
        assertTrue(engine.scoredBefore(first.id()).isEmpty(), "a node in flight has no score yet");
        SearchEngine.Scored recorded = engine.record(first.id(), 0.7).orElseThrow();
        engine.record(second.id(), 0.5);

        SearchEngine.Scored again = engine.scoredBefore(first.id()).orElseThrow();

        assertEquals(recorded.reward(), again.reward());
        assertTrue(again.newGlobalBest());
        assertEquals(NodeStatus.GOOD, again.node().status());
        assertTrue(!engine.scoredBefore(second.id()).orElseThrow().newGlobalBest(), "0.5 is not the best of 0.7 and 0.5");
        SearchNode cancelled = t.pending(SearchNode.ROOT_ID, Operator.DRAFT);
        t.graph.cancel(cancelled.id());
        assertTrue(engine.scoredBefore(cancelled.id()).isEmpty());
    }

    @Test
    void nonFiniteScoreIsRejectedAndSaysToRecordTheNodeAsBuggy() {
        SearchNode draft = t.pending(SearchNode.ROOT_ID, Operator.DRAFT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mcgs().record(draft.id(), Double.NaN));
        assertEquals("node '" + draft.id() + "' scored NaN; record a node without a finite score as buggy (null)",
                e.getMessage());
    }

    @Test
    void unknownNodeIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mcgs().record("zz", 0.1));
        assertEquals("no node 'zz' in this search graph", e.getMessage());
    }

    @Test
    void budgetClockGivesSpentFractionsOfTimeAndNodes() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        InstantSource now = InstantSource.fixed(start.plus(Duration.ofMinutes(5)));
        SearchClock clock = SearchClock.of(now, start, new Budget(Duration.ofMinutes(20), 40), () -> 10);
        assertEquals(0.25, clock.timeFraction());
        assertEquals(0.25, clock.nodeFraction());
    }

    @Test
    void budgetClockStopsAtTheWholeBudget() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        InstantSource now = InstantSource.fixed(start.plus(Duration.ofHours(2)));
        SearchClock clock = SearchClock.of(now, start, new Budget(Duration.ofMinutes(20), 40), () -> 55);
        assertEquals(1.0, clock.timeFraction());
        assertEquals(1.0, clock.nodeFraction());
    }

    @Test
    void constantsFromRunParamsReachThePolicy() {
        SearchConstants twoDrafts = SearchConstants.from(Map.of("search.drafts", "2"));
        SearchEngine engine = new SearchEngine(t.graph, SearchPolicy.named("mcts", twoDrafts, 1), twoDrafts,
                () -> "x" + nextId++, () -> 0L);
        engine.expand(FixedClock.START);
        engine.expand(FixedClock.START);
        assertTrue(engine.expand(FixedClock.START).isEmpty());
    }
}
