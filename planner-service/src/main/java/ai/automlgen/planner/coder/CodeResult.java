package ai.automlgen.planner.coder;

/**
 * A coder's answer: the complete Python script, a one-line plan ("swap RandomForest → XGBoost,
 * depth 6"), and the structured spec it was rendered from (JSON; null when there is none), stored
 * with the node so later operators edit the spec rather than the text.
 */
public record CodeResult(String code, String plan, String spec) {
}
