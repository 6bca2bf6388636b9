package ai.automlgen.knowledge.kb;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The closed word lists of the entity format (README "Entity format"). */
public final class Vocabulary {
    /** Matches every modality or task type when listed (as does an empty list). */
    public static final String ANY = "any";

    /** kind → the one level it belongs to. */
    public static final Map<String, String> LEVEL_OF_KIND = Map.ofEntries(
            Map.entry("model", "model"),
            Map.entry("architecture", "model"),
            Map.entry("preprocessing", "data"),
            Map.entry("feature", "data"),
            Map.entry("augmentation", "data"),
            Map.entry("validation", "data"),
            Map.entry("ensembling", "strategy"),
            Map.entry("loss", "strategy"),
            Map.entry("strategy", "strategy"),
            Map.entry("metric", "strategy"),
            Map.entry("pitfall", "pitfall"));

    public static final List<String> KINDS = List.of("model", "architecture", "preprocessing", "feature",
            "augmentation", "validation", "loss", "ensembling", "strategy", "metric", "pitfall");
    public static final List<String> LEVELS = List.of("model", "data", "strategy", "pitfall");
    public static final List<String> MODALITIES = List.of("tabular", "text", "image", "audio", "time_series", "mixed");
    public static final List<String> TASK_TYPES = List.of("binary", "multiclass", "multilabel", "regression",
            "multi_target_regression", "similarity_regression", "span_extraction", "image_to_image", "ranking",
            "forecasting");
    public static final List<String> HYPERPARAMETER_TYPES = List.of("int", "float", "choice", "bool");

    /** Third-party Python packages of the sandbox runtime, by import name (LightGBM and CatBoost are absent). */
    public static final Set<String> RUNTIME_PACKAGES = Set.of("numpy", "pandas", "scipy", "sklearn", "xgboost",
            "torch", "torchvision", "optuna", "PIL", "skimage");

    private Vocabulary() {
    }
}
