package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectionTest {
    private final TestGraph t = new TestGraph();
    private final Selection selection = new Selection(SearchConstants.DEFAULTS, new Random(7));

    private Decision descend() {
        return selection.descend(t.graph, FixedClock.START, selection::improve).orElseThrow();
    }

    private void fiveDrafts() {
        for (int i = 0; i < 5; i++) {
            t.draft(0.1 * i);
        }
    }

    @Test
    void rootTakesDraftsUntilItHasFive() {
        for (int i = 0; i < 4; i++) {
            t.draft(0.5);
        }
        assertEquals(Operator.DRAFT, selection.draft(t.graph).orElseThrow().operator());
        t.pending(SearchNode.ROOT_ID, Operator.DRAFT);
        assertTrue(selection.draft(t.graph).isEmpty());
    }

    @Test
    void inFlightChildrenCountTowardLimits() {
        SearchNode good = t.draft(0.5);
        for (int i = 0; i < 3; i++) {
            t.pending(good.id(), Operator.IMPROVE);
        }
        assertEquals(3, ChildLimits.liveChildren(t.graph, good.id(), Operator.IMPROVE));
        assertTrue(!ChildLimits.hasRoom(t.graph, good, Operator.EVOLUTION, 3));
    }

    @Test
    void cancelledChildrenFreeTheirPlace() {
        SearchNode good = t.draft(0.5);
        SearchNode improve = t.pending(good.id(), Operator.IMPROVE);
        t.graph.cancel(improve.id());
        assertEquals(0, ChildLimits.liveChildren(t.graph, good.id(), Operator.IMPROVE));
    }

    @Test
    void buggyLeafIsDebugged() {
        fiveDrafts();
        SearchNode buggy = t.scored(SearchNode.ROOT_ID, Operator.AGGREGATION, null);
        Decision decision = selection.debugChain(t.graph).orElseThrow();
        assertEquals(new Decision(Operator.DEBUG, buggy.id(), null, null, 1), decision);
    }

    @Test
    void buggyNodeTakesOneDebugChild() {
        SearchNode buggy = t.scored(SearchNode.ROOT_ID, Operator.DRAFT, null);
        t.pending(buggy.id(), Operator.DEBUG);
        assertTrue(selection.debugChain(t.graph).isEmpty());
        assertEquals(1, selection.debugChain(new TestGraph().graph).map(d -> 0).orElse(1));
    }

    @Test
    void debugChainStopsAtDepthTwenty() {
        SearchNode last = t.scored(SearchNode.ROOT_ID, Operator.DRAFT, null);
        for (int depth = 1; depth < 20; depth++) {
            last = t.scored(last.id(), Operator.DEBUG, null);
        }
        assertEquals(Operator.DEBUG, selection.debugChain(t.graph).orElseThrow().operator());
        SearchNode twentieth = t.scored(last.id(), Operator.DEBUG, null);
        assertEquals(20, twentieth.debugDepth());
        assertTrue(selection.debugChain(t.graph).isEmpty());
    }

    @Test
    void improveChainContinuesFromTheNewestStepWhileItImproves() {
        SearchNode draft = t.draft(0.5);
        SearchNode better = t.scored(draft.id(), Operator.IMPROVE, 0.6);
        assertEquals(better.id(), selection.improveChain(t.graph).orElseThrow().id());
    }

    @Test
    void improveChainOfTheLeadingBranchGoesOnFirstUntilItEnds() {
        t.draft(0.5);
        SearchNode leading = t.draft(0.7);
        SearchNode second = t.draft(0.6);
        assertEquals(leading.id(), selection.improveChain(t.graph).orElseThrow().id());
        SearchNode step = t.scored(leading.id(), Operator.IMPROVE, 0.8);
        assertEquals(step.id(), selection.improveChain(t.graph).orElseThrow().id());
        SearchNode miss = t.scored(step.id(), Operator.IMPROVE, 0.55);
        assertEquals(miss.id(), selection.improveChain(t.graph).orElseThrow().id(),
                "a missed step scoring below the other drafts: its branch still leads");
        SearchNode secondMiss = t.scored(miss.id(), Operator.IMPROVE, 0.5);
        t.scored(secondMiss.id(), Operator.IMPROVE, 0.45);
        assertEquals(second.id(), selection.improveChain(t.graph).orElseThrow().id(), "then the next best branch");
    }

    @Test
    void improveChainReadsBestInTheTasksDirectionAndTheFirstScoredAmongEquals() {
        TestGraph minimizing = new TestGraph(Objective.MINIMIZE);
        minimizing.draft(0.5);
        SearchNode lowest = minimizing.draft(0.2);
        minimizing.draft(0.2);
        assertEquals(lowest.id(), selection.improveChain(minimizing.graph).orElseThrow().id());
    }

    @Test
    void improveChainGoesOnAfterTwoMisses() {
        SearchNode draft = t.draft(0.5);
        SearchNode miss1 = t.scored(draft.id(), Operator.IMPROVE, 0.4);
        SearchNode miss2 = t.scored(miss1.id(), Operator.IMPROVE, 0.4);
        assertEquals(miss2.id(), selection.improveChain(t.graph).orElseThrow().id());
    }

    @Test
    void improveChainStopsAfterThreeMisses() {
        SearchNode draft = t.draft(0.5);
        SearchNode miss1 = t.scored(draft.id(), Operator.IMPROVE, 0.4);
        SearchNode miss2 = t.scored(miss1.id(), Operator.IMPROVE, 0.4);
        t.scored(miss2.id(), Operator.IMPROVE, 0.35);
        assertTrue(selection.improveChain(t.graph).isEmpty());
    }

    @Test
    void descentExpandsTheRootWhileItHasRoomForDrafts() {
        t.draft(0.5);
        assertEquals(Decision.of(Operator.DRAFT, SearchNode.ROOT_ID, 5), descend());
    }

    @Test
    void descentGoesToTheChildOfHighestUct() {
        fiveDrafts();
        t.graph.backpropagate("n1", 1.0);
        t.graph.backpropagate("n2", 2.5);
        t.graph.backpropagate("n3", -1.0);
        t.graph.backpropagate("n4", 1.0);
        t.graph.backpropagate("n5", 1.0);
        // all visited once, same exploration bonus: the highest mean reward wins
        assertEquals(Decision.of(Operator.IMPROVE, "n2", 3), descend());
    }

    @Test
    void descentTriesUnvisitedChildrenFirst() {
        fiveDrafts();
        for (String id : new String[]{"n1", "n2", "n3", "n5"}) {
            t.graph.backpropagate(id, 2.5);
        }
        assertEquals(Decision.of(Operator.IMPROVE, "n4", 3), descend());
    }

    @Test
    void goodNodeTakesAtMostThreeImprovements() {
        fiveDrafts();
        for (String id : new String[]{"n1", "n3", "n4", "n5"}) {
            t.graph.backpropagate(id, 1.0);
        }
        t.graph.backpropagate("n2", 2.5);
        t.graph.backpropagate("n2", 2.5);
        for (int i = 0; i < 3; i++) {
            t.pending("n2", Operator.IMPROVE);
        }
        Decision next = descend();
        assertEquals(Operator.IMPROVE, next.operator());
        assertTrue(!next.parentId().equals("n2"), "n2 already has three improvements in flight");
    }

    @Test
    void descentBacktracksOutOfSubtreesWithNothingToExpand() {
        fiveDrafts();
        for (String id : new String[]{"n1", "n2", "n3", "n4", "n5"}) {
            for (int i = 0; i < 3; i++) {
                t.pending(id, Operator.IMPROVE);
            }
        }
        assertTrue(selection.descend(t.graph, FixedClock.START, selection::improve).isEmpty());
    }

    @Test
    void descentReachesTheFixOfABuggyNode() {
        fiveDrafts();
        for (String id : new String[]{"n1", "n2", "n3", "n4", "n5"}) {
            for (int i = 0; i < 3; i++) {
                t.scored(id, Operator.IMPROVE, null);
            }
        }
        // every improvement is buggy with its debug in flight, except one fixed chain
        for (SearchNode leaf : t.graph.finishedLeaves()) {
            if (!leaf.id().equals("n6")) {
                t.pending(leaf.id(), Operator.DEBUG);
            }
        }
        SearchNode fix = t.scored("n6", Operator.DEBUG, 0.2);
        assertEquals(Decision.of(Operator.IMPROVE, fix.id(), 3), descend());
    }

    @Test
    void treeWeightFallsFromOneToPointTwoBetweenFiftyAndSeventyPercentOfTime() {
        assertEquals(1.0, selection.treeWeight(new FixedClock(0.5, 0.0)));
        assertEquals(0.6, selection.treeWeight(new FixedClock(0.6, 0.0)), 1e-9);
        assertEquals(0.2, selection.treeWeight(new FixedClock(0.7, 0.0)));
    }

    @Test
    void noExploitationBeforeHalfTheTimeBudget() {
        fiveDrafts();
        for (int i = 0; i < 200; i++) {
            assertTrue(selection.exploit(t.graph, new FixedClock(0.5, 0.5)).isEmpty());
        }
    }

    @Test
    void exploitationAfterSeventyPercentHappensFourTimesInFive() {
        fiveDrafts();
        int exploited = 0;
        for (int i = 0; i < 2000; i++) {
            exploited += selection.exploit(t.graph, new FixedClock(0.9, 0.9)).isPresent() ? 1 : 0;
        }
        assertTrue(exploited > 1520 && exploited < 1680, "expected about 1600 of 2000, got " + exploited);
    }

    @Test
    void topKTakesTheFiveBestWithAtMostThreePerBranch() {
        SearchNode a = t.draft(0.90);
        SearchNode a1 = t.scored(a.id(), Operator.IMPROVE, 0.95);
        SearchNode a2 = t.scored(a1.id(), Operator.IMPROVE, 0.97);
        t.scored(a2.id(), Operator.IMPROVE, 0.99);
        SearchNode b = t.draft(0.80);
        SearchNode c = t.draft(0.70);
        t.draft(0.10);
        Map<String, Integer> perBranch = new HashMap<>();
        for (SearchNode node : selection.topK(t.graph)) {
            perBranch.merge(node.branch(), 1, Integer::sum);
        }
        assertEquals(Map.of(a.id(), 3, b.id(), 1, c.id(), 1), perBranch);
    }

    @Test
    void topKLeavesOutNodesWithNoRoomForAnImprovement() {
        SearchNode best = t.draft(0.9);
        for (int i = 0; i < 3; i++) {
            t.pending(best.id(), Operator.IMPROVE);
        }
        SearchNode other = t.draft(0.5);
        assertEquals(java.util.List.of(other), selection.topK(t.graph));
    }
}
