package ai.automlgen.planner.search;

/** Typed edges of the search graph (DESIGN §5). Value flows back along PARENT edges only. */
public enum EdgeType {
    /** parent → child: the tree the reward is backpropagated along. */
    PARENT,
    /** fusion node → the node of another branch it borrowed a technique from. */
    REFERENCE,
    /** evolution node → each node of the root-to-parent path it read. */
    TRAJECTORY,
    /** aggregation node → each branch's best node it drew on. */
    AGGREGATES
}
