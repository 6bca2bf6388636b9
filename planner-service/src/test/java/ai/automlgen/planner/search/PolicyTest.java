package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.search.policy.Greedy;
import ai.automlgen.planner.search.policy.Mcgs;
import ai.automlgen.planner.search.policy.Mcts;
import ai.automlgen.planner.search.policy.RandomPolicy;
import ai.automlgen.planner.search.policy.SearchPolicy;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyTest {
    private static final SearchConstants DEFAULTS = SearchConstants.DEFAULTS;
    private final TestGraph t = new TestGraph();

    private Decision next(SearchPolicy policy) {
        return policy.next(t.graph, FixedClock.START).orElseThrow();
    }

    /** Five drafts; the first branch then stagnates for six scored nodes, its chain exhausted. */
    private SearchNode stagnantFirstBranch() {
        SearchNode a = t.draft(0.5);
        for (int i = 0; i < 4; i++) {
            t.draft(0.3 - 0.05 * i);
        }
        SearchNode last = a;
        for (int i = 0; i < 6; i++) {
            last = t.scored(last.id(), Operator.IMPROVE, 0.4);
        }
        return a;
    }

    /** Four more drafts, all buggy with their fix in flight: nothing for selection to do there. */
    private void otherDraftsBusyDebugging() {
        for (int i = 0; i < 4; i++) {
            t.pending(t.scored(SearchNode.ROOT_ID, Operator.DRAFT, null).id(), Operator.DEBUG);
        }
    }

    @Test
    void mcgsFusesAStagnantBranchWhereMctsImproves() {
        SearchNode a = stagnantFirstBranch();
        Decision mcgs = next(new Mcgs(DEFAULTS, new Random(1)));
        assertEquals(Operator.FUSION, mcgs.operator());
        assertEquals(a.id(), mcgs.parentId());
        assertEquals(Operator.IMPROVE, next(new Mcts(DEFAULTS, new Random(1))).operator());
    }

    @Test
    void mcgsEvolvesAfterTwoMissesReadingTheTrajectory() {
        SearchNode draft = t.draft(0.5);
        otherDraftsBusyDebugging();
        SearchNode miss1 = t.scored(draft.id(), Operator.IMPROVE, 0.45);
        SearchNode miss2 = t.scored(miss1.id(), Operator.IMPROVE, 0.45);
        Decision decision = next(new Mcgs(DEFAULTS, new Random(1)));
        assertEquals(new Decision(Operator.EVOLUTION, miss2.id(), List.of(),
                List.of(draft.id(), miss1.id(), miss2.id()), 3), decision);
        assertEquals(new Edge("x", miss1.id(), EdgeType.TRAJECTORY), decision.extraEdges("x").get(1));
    }

    @Test
    void mctsImprovesWhereMcgsWouldEvolve() {
        SearchNode draft = t.draft(0.5);
        otherDraftsBusyDebugging();
        SearchNode miss1 = t.scored(draft.id(), Operator.IMPROVE, 0.45);
        SearchNode miss2 = t.scored(miss1.id(), Operator.IMPROVE, 0.45);
        assertEquals(Decision.of(Operator.IMPROVE, miss2.id(), 3), next(new Mcts(DEFAULTS, new Random(1))));
    }

    @Test
    void debugChainsComeBeforeGraphOperators() {
        stagnantFirstBranch();
        SearchNode buggy = t.scored("n2", Operator.IMPROVE, null);
        assertEquals(Decision.of(Operator.DEBUG, buggy.id(), 1), next(new Mcgs(DEFAULTS, new Random(1))));
    }

    @Test
    void mctsNeverUsesEvolutionFusionOrAggregation() {
        EnumSet<Operator> used = EnumSet.noneOf(Operator.class);
        for (long seed = 1; seed <= 5; seed++) {
            used.addAll(SyntheticRun.of("mcts", seed, 100, 2).operators);
        }
        assertEquals(EnumSet.of(Operator.DRAFT, Operator.IMPROVE, Operator.DEBUG), used);
    }

    @Test
    void mcgsUsesEveryOperatorOfTheGraph() {
        EnumSet<Operator> used = EnumSet.noneOf(Operator.class);
        for (long seed = 1; seed <= 5; seed++) {
            used.addAll(SyntheticRun.of("mcgs", seed, 100, 2).operators);
        }
        assertEquals(EnumSet.of(Operator.DRAFT, Operator.IMPROVE, Operator.DEBUG, Operator.EVOLUTION,
                Operator.FUSION, Operator.AGGREGATION), used);
    }

    private static EnumSet<Operator> mcgsOperatorsWith(String param, String value) {
        SearchConstants constants = SearchConstants.from(java.util.Map.of(param, value));
        EnumSet<Operator> used = EnumSet.noneOf(Operator.class);
        for (long seed = 1; seed <= 5; seed++) {
            used.addAll(SyntheticRun.of("mcgs", constants, seed, 100, 2).operators);
        }
        return used;
    }

    @Test
    void mcgsWithFusionSwitchedOffNeverFuses() {
        assertEquals(EnumSet.of(Operator.DRAFT, Operator.IMPROVE, Operator.DEBUG, Operator.EVOLUTION,
                Operator.AGGREGATION), mcgsOperatorsWith("search.fusion", "false"));
    }

    @Test
    void mcgsWithAggregationSwitchedOffNeverAggregates() {
        assertEquals(EnumSet.of(Operator.DRAFT, Operator.IMPROVE, Operator.DEBUG, Operator.EVOLUTION,
                Operator.FUSION), mcgsOperatorsWith("search.aggregation", "false"));
    }

    @Test
    void mcgsWithFusionSwitchedOffImprovesAStagnantBranchInstead() {
        stagnantFirstBranch();
        SearchConstants noFusion = SearchConstants.from(java.util.Map.of("search.fusion", "false"));
        assertNotEquals(Operator.FUSION, next(new Mcgs(noFusion, new Random(1))).operator());
    }

    @Test
    void greedyDraftsFiveTimesFirst() {
        Greedy greedy = new Greedy(DEFAULTS, new Random(1));
        for (int i = 0; i < 4; i++) {
            t.draft(0.5);
        }
        assertEquals(Operator.DRAFT, next(greedy).operator());
    }

    @Test
    void greedyAlwaysImprovesTheBestNodeWithoutAChildLimit() {
        SearchConstants neverDebug = SearchConstants.from(java.util.Map.of("search.greedy.debug-probability", "0"));
        Greedy greedy = new Greedy(neverDebug, new Random(1));
        t.draft(0.2);
        SearchNode best = t.draft(0.9);
        for (int i = 0; i < 3; i++) {
            t.draft(0.3);
            t.scored(best.id(), Operator.IMPROVE, 0.1);
        }
        t.scored(SearchNode.ROOT_ID, Operator.DRAFT, null);
        assertEquals(Decision.of(Operator.IMPROVE, best.id(), Integer.MAX_VALUE), next(greedy));
    }

    @Test
    void greedyDebugsBuggyLeavesNoDeeperThanThree() {
        SearchConstants alwaysDebug = SearchConstants.from(java.util.Map.of("search.greedy.debug-probability", "1"));
        Greedy greedy = new Greedy(alwaysDebug, new Random(1));
        for (int i = 0; i < 4; i++) {
            t.draft(0.5);
        }
        SearchNode last = t.scored(SearchNode.ROOT_ID, Operator.DRAFT, null);
        for (int depth = 1; depth <= 2; depth++) {
            last = t.scored(last.id(), Operator.DEBUG, null);
        }
        assertEquals(Decision.of(Operator.DEBUG, last.id(), 1), next(greedy));
        t.scored(last.id(), Operator.DEBUG, null);
        assertEquals(Operator.IMPROVE, next(greedy).operator());
    }

    @Test
    void greedyDraftsAgainWhenNothingWorks() {
        Greedy greedy = new Greedy(SearchConstants.from(java.util.Map.of("search.greedy.debug-probability", "0")),
                new Random(1));
        for (int i = 0; i < 5; i++) {
            t.scored(SearchNode.ROOT_ID, Operator.DRAFT, null);
        }
        assertEquals(Decision.of(Operator.DRAFT, SearchNode.ROOT_ID, Integer.MAX_VALUE), next(greedy));
    }

    @Test
    void randomPolicyProposesOnlyWhatTheLimitsAllow() {
        for (int i = 0; i < 5; i++) {
            t.draft(0.5);
        }
        for (String id : List.of("n1", "n2", "n3", "n4")) {
            for (int i = 0; i < 3; i++) {
                t.pending(id, Operator.IMPROVE);
            }
        }
        RandomPolicy random = new RandomPolicy(DEFAULTS, new Random(3));
        for (int i = 0; i < 50; i++) {
            assertEquals(Decision.of(Operator.IMPROVE, "n5", 3), next(random));
        }
    }

    @Test
    void everyPolicyKeepsTheChildLimits() {
        for (String policy : List.of("mcgs", "mcts", "random")) {
            for (long seed = 1; seed <= 3; seed++) {
                ChildLimitInvariants.check(SyntheticRun.of(policy, seed, 120, 4).graph, DEFAULTS);
            }
        }
    }

    @Test
    void sameSeedGivesTheSameSearch() {
        for (String policy : SearchPolicy.NAMES) {
            assertEquals(SyntheticRun.of(policy, 42, 80, 3).operators, SyntheticRun.of(policy, 42, 80, 3).operators,
                    policy);
        }
    }

    @Test
    void differentSeedsGiveDifferentSearches() {
        assertNotEquals(SyntheticRun.of("random", 1, 80, 1).operators, SyntheticRun.of("random", 2, 80, 1).operators);
    }

    @Test
    void policiesAreChosenByName() {
        for (String name : SearchPolicy.NAMES) {
            assertEquals(name, SearchPolicy.named(name.toUpperCase(java.util.Locale.ROOT), DEFAULTS, 1).name());
        }
    }

    @Test
    void unknownPolicyNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchPolicy.named("beam", DEFAULTS, 1));
        assertEquals("unknown search policy 'beam'; use one of mcgs, mcts, greedy, random", e.getMessage());
    }

    @Test
    void nothingToExpandWhileEverythingIsInFlight() {
        for (int i = 0; i < 5; i++) {
            t.pending(SearchNode.ROOT_ID, Operator.DRAFT);
        }
        for (String name : SearchPolicy.NAMES) {
            if (!name.equals("greedy")) {
                assertTrue(SearchPolicy.named(name, DEFAULTS, 1).next(t.graph, FixedClock.START).isEmpty(), name);
            }
        }
    }
}
