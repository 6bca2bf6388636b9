package ai.automlgen.planner.search;

import java.util.Comparator;

/** Which way validation scores are better (the task's {@code lower_is_better}). */
public enum Objective {
    MAXIMIZE, MINIMIZE;

    public static Objective of(boolean lowerIsBetter) {
        return lowerIsBetter ? MINIMIZE : MAXIMIZE;
    }

    /** Whether {@code candidate} beats {@code incumbent} by more than {@code threshold}. */
    public boolean improves(double candidate, double incumbent, double threshold) {
        return this == MAXIMIZE ? candidate - incumbent > threshold : incumbent - candidate > threshold;
    }

    public boolean isBetter(double candidate, double incumbent) {
        return improves(candidate, incumbent, 0.0);
    }

    /** Orders scored nodes best first; equal scores keep the older node first when the sort is stable. */
    public Comparator<SearchNode> bestFirst() {
        Comparator<SearchNode> ascending = Comparator.comparingDouble(SearchNode::score);
        return this == MAXIMIZE ? ascending.reversed() : ascending;
    }
}
