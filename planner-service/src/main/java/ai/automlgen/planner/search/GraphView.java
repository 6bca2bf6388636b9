package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What selection reads from a run's search graph. Lists are snapshots (later writes do not show through)
 * and keep creation order unless they say otherwise.
 */
public interface GraphView {

    Objective objective();

    SearchNode root();

    Optional<SearchNode> node(String id);

    /** The children of {@code parentId} along PARENT edges, cancelled ones included. */
    List<SearchNode> children(String parentId);

    /** The children of {@code parentId} that {@code operator} made. */
    List<SearchNode> children(String parentId, Operator operator);

    /** Every node but the root. */
    List<SearchNode> nodes();

    /** Branch ids (the id of each branch's first node). */
    List<String> branches();

    /** The nodes of one branch. */
    List<SearchNode> branchNodes(String branch);

    /** Scored (GOOD or BUGGY) nodes with no live (non-cancelled) child, in the order they were scored. */
    List<SearchNode> finishedLeaves();

    /** The oldest (first scored) of {@link #finishedLeaves()} that satisfies {@code condition}; stops looking there. */
    Optional<SearchNode> oldestFinishedLeaf(Predicate<SearchNode> condition);

    /** GOOD nodes, best score first (older first among equals), at most {@code limit} of them. */
    List<SearchNode> bestNodes(int limit);

    /** Edges leaving {@code from}, of every type. */
    List<Edge> edgesFrom(String from);

    default Optional<SearchNode> bestNode() {
        return bestNodes(1).stream().findFirst();
    }

    /**
     * Nodes claimed and not cancelled, the root excluded: what the node budget counts. A cancelled node never gave
     * the search a result (the planner could not request it, the executor could not run it, or the run ended), so it
     * gives its place back; failures of that kind are bounded apart (a back-off, failures in a row that stop a run).
     */
    int nodeCount();

    /** Nodes claimed and not yet scored or cancelled. */
    int inFlightCount();
}
