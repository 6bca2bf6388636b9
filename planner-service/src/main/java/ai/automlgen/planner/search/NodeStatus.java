package ai.automlgen.planner.search;

/** Where a node is in its life: claimed, executing, scored (good or buggy), or abandoned. */
public enum NodeStatus {
    PENDING, RUNNING, GOOD, BUGGY, CANCELLED;

    /** Claimed but not yet scored: counts toward child limits, cannot be selected. */
    public boolean inFlight() {
        return this == PENDING || this == RUNNING;
    }

    public boolean finished() {
        return this == GOOD || this == BUGGY;
    }
}
