package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;

import java.util.Set;
import java.util.function.Function;

/**
 * The port over a run's search graph: the reads of {@link GraphView} plus coarse writes, each of which must be
 * atomic on its own (a Redis implementation runs each as one Lua script) so that several planner replicas can
 * share one graph without double expansion or lost updates.
 */
public interface SearchGraph extends GraphView {

    /**
     * The graph as one decision should read it: every read of the view sees the same instant. A graph held
     * elsewhere (Redis) copies itself into memory; this default suits a graph whose own reads are already cheap
     * and safe, where a decision may see writes of other replicas that land meanwhile (a later claim checks them).
     */
    default GraphView snapshot() {
        return this;
    }

    /**
     * Runs one decision on the graph as of one instant, as {@link #snapshot()} would show it, without copying it
     * when the implementation can help it: the view is only valid inside {@code decision}.
     */
    default <T> T decide(Function<GraphView, T> decision) {
        return decision.apply(snapshot());
    }

    /**
     * Adds {@code child} (PENDING) and its PARENT edge if and only if its parent exists, is scored, and has fewer
     * than {@code childLimit} non-cancelled children made by an operator in {@code countedOperators}; check and
     * insert happen as one atomic step.
     *
     * @return whether the child was added; false means another expansion got there first
     */
    boolean claimExpansion(SearchNode child, Set<Operator> countedOperators, int childLimit);

    /** Adds a REFERENCE, TRAJECTORY or AGGREGATES edge; adding the same edge twice changes nothing. */
    void addEdge(Edge edge);

    /** PENDING → RUNNING (the code was handed to an executor); no effect in any other status. */
    void markRunning(String nodeId);

    /**
     * Scores an in-flight node (GOOD with a score, or BUGGY with none) and, atomically with it, makes it the
     * global best if it beats the current best.
     *
     * @return whether anything changed and whether the node became the global best; recording a node that is
     *         already scored or cancelled changes nothing (redelivered evaluations are harmless)
     */
    Recorded recordResult(String nodeId, NodeStatus status, Double score, int improveMisses, long finishedAtMillis);

    /**
     * An in-flight node will never be scored (it could not be requested, the executor could not run it, the run
     * ended); it stops counting toward child limits, the in-flight count and the node budget.
     */
    void cancel(String nodeId);

    /** Adds one visit and {@code reward} to the node and every PARENT ancestor up to the root, as one atomic step. */
    void backpropagate(String nodeId, double reward);

    /** What every {@link #recordResult} accepts: GOOD with a score, or BUGGY without one. */
    static void requireResult(NodeStatus status, Double score) {
        if (!status.finished() || (status == NodeStatus.GOOD) != (score != null)) {
            throw new IllegalArgumentException("a result is GOOD with a score or BUGGY without one, got "
                    + status + " with " + score);
        }
    }

    /** What {@link #recordResult} did. */
    record Recorded(boolean applied, boolean newGlobalBest) {
    }
}
