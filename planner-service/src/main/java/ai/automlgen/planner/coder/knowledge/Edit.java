package ai.automlgen.planner.coder.knowledge;

/**
 * One atomic change to a spec: which module it touches (data/features, model, training,
 * hyperparameters), the one-line plan a reader sees, and the resulting spec.
 */
public record Edit(String module, String plan, PipelineSpec spec) {
    public static final String FEATURES = "features";
    public static final String MODEL = "model";
    public static final String TRAINING = "training";
    public static final String HYPERPARAMETERS = "hyperparameters";
}
