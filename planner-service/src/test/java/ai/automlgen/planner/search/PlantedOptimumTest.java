package ai.automlgen.planner.search;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planted optimum of {@link SyntheticTask} needs features of two branches in one node. */
class PlantedOptimumTest {
    private static final int SEEDS = 20;
    private static final int NODE_BUDGET = 100;
    private static final int PARALLELISM = 2;

    private static long runsFindingTheOptimum(String policy) {
        return LongStream.rangeClosed(1, SEEDS)
                .filter(seed -> SyntheticRun.of(policy, seed, NODE_BUDGET, PARALLELISM).foundPlantedOptimum())
                .count();
    }

    @Test
    void mcgsFindsTheCrossBranchOptimumThatMctsMissesUnderTheSameBudget() {
        long mcgs = runsFindingTheOptimum("mcgs");
        long mcts = runsFindingTheOptimum("mcts");
        System.out.printf("planted optimum found in %d/%d seeds: mcgs %d, mcts %d%n", SEEDS, SEEDS, mcgs, mcts);
        assertEquals(0, mcts, "a tree never combines two branches");
        // observed when written: mcgs 18 of 20 (15 of 20 at 60 nodes); the bound leaves room for tie changes
        assertTrue(mcgs >= 15, "mcgs found the planted optimum in only " + mcgs + " of " + SEEDS + " seeds");
    }
}
