package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.search.policy.Mcts;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RewardsTest {
    private final Rewards rewards = new Rewards(SearchConstants.DEFAULTS);
    private final TestGraph t = new TestGraph();

    private SearchEngine engine() {
        int[] ids = {100};
        return new SearchEngine(t.graph, new Mcts(SearchConstants.DEFAULTS, new Random(1)), SearchConstants.DEFAULTS,
                () -> "e" + ids[0]++, () -> 0L);
    }

    @Test
    void buggyNodeRewardIsMinusOne() {
        SearchNode draft = t.scored(SearchNode.ROOT_ID, Operator.DRAFT, null);
        assertEquals(-1.0, rewards.reward(draft, t.graph.root(), false));
    }

    @Test
    void successfulStepRewardIsOne() {
        SearchNode draft = t.draft(0.5);
        SearchNode improved = t.scored(draft.id(), Operator.IMPROVE, 0.6);
        assertEquals(1.0, rewards.reward(improved, draft, false));
    }

    @Test
    void debugThatFixesItsParentRewardsOnePointFive() {
        SearchNode buggy = t.scored(SearchNode.ROOT_ID, Operator.DRAFT, null);
        SearchNode fixed = t.scored(buggy.id(), Operator.DEBUG, 0.4);
        assertEquals(1.5, rewards.reward(fixed, buggy, false));
    }

    @Test
    void newGlobalBestAddsOnePointFive() {
        SearchNode draft = t.draft(0.5);
        SearchNode improved = t.scored(draft.id(), Operator.IMPROVE, 0.6);
        assertEquals(2.5, rewards.reward(improved, draft, true));
    }

    @Test
    void debugChainBackpropagatesAtDepthThree() {
        SearchNode draft = t.scored(SearchNode.ROOT_ID, Operator.DRAFT, null);
        SearchNode debug1 = t.scored(draft.id(), Operator.DEBUG, null);
        SearchNode debug2 = t.scored(debug1.id(), Operator.DEBUG, null);
        SearchNode debug3 = t.scored(debug2.id(), Operator.DEBUG, null);
        assertFalse(rewards.backpropagates(draft));
        assertFalse(rewards.backpropagates(debug1));
        assertFalse(rewards.backpropagates(debug2));
        assertEquals(3, debug3.debugDepth());
        assertTrue(rewards.backpropagates(debug3));
    }

    @Test
    void engineChargesTheBranchOnlyWhenTheDebugChainReachesDepthThree() {
        SearchEngine engine = engine();
        SearchNode draft = t.pending(SearchNode.ROOT_ID, Operator.DRAFT);
        engine.record(draft.id(), null);
        SearchNode last = draft;
        for (int depth = 1; depth <= 2; depth++) {
            last = t.pending(last.id(), Operator.DEBUG);
            engine.record(last.id(), null);
        }
        assertEquals(0, t.node(draft.id()).visits());
        SearchNode third = t.pending(last.id(), Operator.DEBUG);
        engine.record(third.id(), null);
        assertEquals(1, t.node(draft.id()).visits());
        assertEquals(-1.0, t.node(draft.id()).value());
        assertEquals(-1.0, t.graph.root().value());
    }

    @Test
    void goodNodeBackpropagatesAtOnce() {
        SearchNode draft = t.draft(0.5);
        assertTrue(rewards.backpropagates(draft));
    }

    @Test
    void backpropagationFollowsParentEdgesOnly() {
        SearchNode a = t.draft(0.5);
        SearchNode b = t.draft(0.4);
        SearchNode fusion = t.pending(a.id(), Operator.FUSION);
        t.graph.addEdge(new Edge(fusion.id(), b.id(), EdgeType.REFERENCE));
        engine().record(fusion.id(), 0.7);
        assertEquals(1, t.node(a.id()).visits());
        assertEquals(2.5, t.node(a.id()).value());
        assertEquals(0, t.node(b.id()).visits());
        assertEquals(1, t.graph.root().visits());
    }

    @Test
    void engineRewardsANewGlobalBestWithTheBonus() {
        SearchNode draft = t.pending(SearchNode.ROOT_ID, Operator.DRAFT);
        SearchEngine.Scored scored = engine().record(draft.id(), 0.5).orElseThrow();
        assertTrue(scored.newGlobalBest());
        assertEquals(2.5, scored.reward());
    }

    @Test
    void redeliveredEvaluationChangesNothing() {
        SearchEngine engine = engine();
        SearchNode draft = t.pending(SearchNode.ROOT_ID, Operator.DRAFT);
        engine.record(draft.id(), 0.5);
        assertTrue(engine.record(draft.id(), 0.5).isEmpty());
        assertEquals(1, t.graph.root().visits());
    }

    @Test
    void improvementBeyondTheThresholdResetsTheMissCount() {
        SearchNode draft = t.draft(0.5);
        SearchNode miss = t.scored(draft.id(), Operator.IMPROVE, 0.5);
        SearchNode hit = t.scored(miss.id(), Operator.IMPROVE, 0.6);
        assertEquals(1, miss.improveMisses());
        assertEquals(0, hit.improveMisses());
    }

    @Test
    void gainWithinTheThresholdIsAMiss() {
        SearchNode draft = t.draft(0.5);
        SearchNode tiny = t.scored(draft.id(), Operator.IMPROVE, 0.50005);
        assertEquals(1, tiny.improveMisses());
    }

    @Test
    void consecutiveMissesAccumulateAlongTheChain() {
        SearchNode draft = t.draft(0.5);
        SearchNode first = t.scored(draft.id(), Operator.IMPROVE, 0.4);
        SearchNode second = t.scored(first.id(), Operator.IMPROVE, 0.4);
        SearchNode third = t.scored(second.id(), Operator.IMPROVE, 0.3);
        assertEquals(3, third.improveMisses());
    }

    @Test
    void lowerIsBetterTasksImproveDownwards() {
        TestGraph lower = new TestGraph(Objective.MINIMIZE);
        SearchNode draft = lower.draft(0.5);
        SearchNode better = lower.scored(draft.id(), Operator.IMPROVE, 0.3);
        assertEquals(0, better.improveMisses());
        assertEquals(better.id(), lower.graph.bestNode().orElseThrow().id());
    }
}
