package ai.automlgen.planner.graph;

/** A node's state: waiting for its execution and evaluation, or scored. */
public enum NodeStatus {
    PENDING, GOOD, BUGGY, CANCELLED;

    public boolean finished() {
        return this != PENDING;
    }
}
