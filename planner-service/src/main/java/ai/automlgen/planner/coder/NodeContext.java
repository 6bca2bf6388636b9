package ai.automlgen.planner.coder;

/**
 * What a coder may know of an existing node: its code, the structured spec it was rendered from
 * (coder-specific JSON, null for code written without one), its plan, its validation score (null
 * when buggy) and the tail of what it printed (the traceback for a buggy node).
 */
public record NodeContext(String nodeId, String operator, String code, String spec, String plan,
                          Double score, boolean buggy, String outputTail) {
}
