package ai.automlgen.planner.run;

import ai.automlgen.planner.coder.Operator;

/** Reward of one evaluated node (DESIGN §5): −1 buggy; +1 success, +1.5 successful debug, +1.5 new global best. */
final class Rewards {
    static final double BUGGY = -1.0;
    static final double SUCCESS = 1.0;
    static final double DEBUG_SUCCESS = 1.5;
    static final double NEW_BEST_BONUS = 1.5;

    private Rewards() {
    }

    static double reward(boolean good, Operator operator, boolean newBest) {
        if (!good) {
            return BUGGY;
        }
        return (operator == Operator.DEBUG ? DEBUG_SUCCESS : SUCCESS) + (newBest ? NEW_BEST_BONUS : 0.0);
    }

    /** Whether {@code score} beats {@code best} in the metric's direction (any score beats none). */
    static boolean improves(double score, Double best, boolean lowerIsBetter) {
        return best == null || (lowerIsBetter ? score < best : score > best);
    }
}
