package ai.automlgen.planner.graph;

/** Where a run is in its life. */
public enum RunStatus {
    /** Sent to the evaluator for preparation. */
    PREPARING,
    /** Expanding nodes. */
    SEARCHING,
    /** Budget spent; the best node is being refit on all labelled data. */
    REFITTING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
