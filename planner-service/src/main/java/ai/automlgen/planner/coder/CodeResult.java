package ai.automlgen.planner.coder;

/**
 * A coder's answer: the complete Python script, a one-line plan ("swap RandomForest → XGBoost,
 * depth 6"), the structured spec it was rendered from (JSON; null when there is none), stored
 * with the node so later operators edit the spec rather than the text, and the model tokens
 * writing it took (0 for coders that call no model).
 */
public record CodeResult(String code, String plan, String spec, long tokens) {
    public CodeResult(String code, String plan, String spec) {
        this(code, plan, spec, 0);
    }
}
