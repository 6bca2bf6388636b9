package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriggersTest {
    private final TestGraph t = new TestGraph();
    private final Triggers triggers = new Triggers(SearchConstants.DEFAULTS);
    /** Scored nodes without progress that make a branch stagnant (3 by default). */
    private static final int WINDOW = SearchConstants.DEFAULTS.branchStagnation();

    /** {@code count} scored children of {@code parentId}, each a chain step below the previous, all at {@code score}. */
    private SearchNode chain(String parentId, int count, Double score) {
        SearchNode last = t.node(parentId);
        for (int i = 0; i < count; i++) {
            last = t.scored(last.id(), Operator.IMPROVE, score);
        }
        return last;
    }

    @Test
    void branchStagnatesAfterAWindowOfScoredNodesWithoutProgressAndFusesWithAnotherBranch() {
        SearchNode a = t.draft(0.5);
        SearchNode b = t.draft(0.3);
        chain(a.id(), WINDOW, 0.4);
        assertEquals(new Decision(Operator.FUSION, a.id(), List.of(b.id()), List.of(), 3),
                triggers.fusion(t.graph).orElseThrow());
    }

    @Test
    void branchOneNodeShortOfTheWindowIsNotYetStagnant() {
        SearchNode a = t.draft(0.5);
        t.draft(0.3);
        chain(a.id(), WINDOW - 1, 0.4);
        assertTrue(triggers.fusion(t.graph).isEmpty());
    }

    @Test
    void buggyNodesCountTowardBranchStagnation() {
        SearchNode a = t.draft(0.5);
        t.draft(0.3);
        chain(a.id(), WINDOW - 2, 0.4);
        SearchNode bug = t.scored(a.id(), Operator.IMPROVE, null);
        chain(bug.id(), 1, null);
        assertTrue(triggers.fusion(t.graph).isPresent());
    }

    @Test
    void improvingBranchIsNotStagnant() {
        SearchNode a = t.draft(0.5);
        t.draft(0.3);
        SearchNode last = chain(a.id(), 5, 0.4);
        t.scored(last.id(), Operator.IMPROVE, 0.6);
        assertTrue(triggers.fusion(t.graph).isEmpty());
    }

    @Test
    void fusionNeedsAnotherBranchWithAGoodNode() {
        SearchNode a = t.draft(0.5);
        t.scored(SearchNode.ROOT_ID, Operator.DRAFT, null);
        chain(a.id(), 6, 0.4);
        assertTrue(triggers.fusion(t.graph).isEmpty());
    }

    @Test
    void fusionGoesIntoTheBranchBestThatHasRoom() {
        SearchNode a = t.draft(0.5);
        t.draft(0.3);
        SearchNode second = t.scored(a.id(), Operator.IMPROVE, 0.45);
        t.scored(a.id(), Operator.IMPROVE, 0.4);
        t.scored(a.id(), Operator.IMPROVE, 0.4);
        chain(second.id(), 3, 0.4);
        assertEquals(second.id(), triggers.fusion(t.graph).orElseThrow().parentId());
    }

    @Test
    void fusionBorrowsFromTheBestOfTwoOtherBranchesBestFirst() {
        SearchNode a = t.draft(0.5);
        SearchNode b = t.draft(0.3);
        SearchNode c = t.draft(0.45);
        t.draft(0.2);
        chain(a.id(), 6, 0.4);
        assertEquals(List.of(c.id(), b.id()), triggers.fusion(t.graph).orElseThrow().referenceIds());
    }

    @Test
    void fusionWaitsAFullWindowAfterTheLastFusion() {
        SearchNode a = t.draft(0.5);
        t.draft(0.3);
        chain(a.id(), WINDOW, 0.4);
        SearchNode fusion = t.scored(a.id(), Operator.FUSION, 0.45);
        SearchNode last = chain(fusion.id(), WINDOW - 1, 0.4);
        assertTrue(triggers.fusion(t.graph).isEmpty());
        t.scored(last.id(), Operator.IMPROVE, 0.4);
        assertTrue(triggers.fusion(t.graph).isPresent());
    }

    @Test
    void fusionInFlightHoldsBackTheNext() {
        SearchNode a = t.draft(0.5);
        t.draft(0.3);
        SearchNode last = chain(a.id(), 6, 0.4);
        t.pending(a.id(), Operator.FUSION);
        chain(last.id(), 6, 0.4);
        assertTrue(triggers.fusion(t.graph).isEmpty());
    }

    @Test
    void searchStagnatesAfterTwelveScoredNodesWithoutANewBestAndAggregatesEveryBranchBest() {
        SearchNode a = t.draft(0.5);
        SearchNode b = t.draft(0.3);
        SearchNode bBest = t.scored(b.id(), Operator.IMPROVE, 0.35);
        chain(a.id(), 9, 0.4);
        assertTrue(triggers.aggregation(t.graph).isEmpty());
        t.scored(bBest.id(), Operator.IMPROVE, 0.2);
        assertEquals(new Decision(Operator.AGGREGATION, SearchNode.ROOT_ID, List.of(a.id(), bBest.id()), List.of(), 1),
                triggers.aggregation(t.graph).orElseThrow());
    }

    @Test
    void aggregationGoesBeforeFusionWhenBothAreDue() {
        SearchNode a = t.draft(0.5);
        t.draft(0.3);
        chain(a.id(), 12, 0.4);
        assertTrue(triggers.fusion(t.graph).isPresent());
        assertEquals(Operator.AGGREGATION, triggers.next(t.graph).orElseThrow().operator());
    }

    @Test
    void aggregationNeedsTwoBranchesWithAGoodNode() {
        SearchNode a = t.draft(0.5);
        t.scored(SearchNode.ROOT_ID, Operator.DRAFT, null);
        chain(a.id(), 14, 0.4);
        assertTrue(triggers.aggregation(t.graph).isEmpty());
    }

    @Test
    void aggregationWaitsAFullWindowAfterTheLastAndAllowsOneMoreAtATime() {
        SearchNode a = t.draft(0.5);
        t.draft(0.3);
        chain(a.id(), 12, 0.4);
        SearchNode aggregation = t.scored(SearchNode.ROOT_ID, Operator.AGGREGATION, 0.45);
        SearchNode last = chain(aggregation.id(), 11, 0.4);
        assertTrue(triggers.aggregation(t.graph).isEmpty());
        t.scored(last.id(), Operator.IMPROVE, 0.4);
        assertEquals(2, triggers.aggregation(t.graph).orElseThrow().childLimit());
    }

    @Test
    void aggregationInFlightHoldsBackTheNext() {
        SearchNode a = t.draft(0.5);
        t.draft(0.3);
        SearchNode last = chain(a.id(), 12, 0.4);
        t.pending(SearchNode.ROOT_ID, Operator.AGGREGATION);
        chain(last.id(), 12, 0.4);
        assertTrue(triggers.aggregation(t.graph).isEmpty());
    }
}
