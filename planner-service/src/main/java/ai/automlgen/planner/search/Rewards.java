package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;

/**
 * Reward and backpropagation rules (DESIGN §5): −1 buggy; +1 for a step that ran and scored, +1.5 instead when it
 * was a debug that fixed its parent; +1.5 more for a new global best. Rewards flow along PARENT edges only. A buggy
 * node is not charged to its ancestors while its debug chain is young: only from debug depth 3 on, so a bug that
 * the next fix or two repairs does not count against the branch.
 */
public final class Rewards {
    private final SearchConstants constants;

    public Rewards(SearchConstants constants) {
        this.constants = constants;
    }

    /** The reward of a scored {@code node} whose parent is {@code parent}. */
    public double reward(SearchNode node, SearchNode parent, boolean newGlobalBest) {
        if (node.status() == NodeStatus.BUGGY) {
            return constants.rewardBuggy();
        }
        boolean fixedItsParent = node.operator() == Operator.DEBUG && parent.status() == NodeStatus.BUGGY;
        double step = fixedItsParent ? constants.rewardDebugSuccess() : constants.rewardSuccess();
        return newGlobalBest ? step + constants.rewardNewBest() : step;
    }

    /** Whether the scored {@code node}'s reward is backpropagated now. */
    public boolean backpropagates(SearchNode node) {
        return node.status() == NodeStatus.GOOD || node.debugDepth() >= constants.backpropDebugDepth();
    }

    /**
     * The improvement-chain miss count of a node about to be recorded with {@code score} (null when buggy): an
     * improving step that beats its parent by more than the threshold resets it, one that does not adds a miss;
     * drafts, aggregations and fixes start a fresh chain.
     */
    public int improveMisses(SearchNode node, SearchNode parent, Double score, Objective objective) {
        if (score == null) {
            return node.improveMisses();
        }
        if (!ChildLimits.countedWith(Operator.IMPROVE).contains(node.operator()) || parent.score() == null) {
            return 0;
        }
        boolean improved = objective.improves(score, parent.score(), constants.improvementThreshold());
        return improved ? 0 : parent.improveMisses() + 1;
    }
}
