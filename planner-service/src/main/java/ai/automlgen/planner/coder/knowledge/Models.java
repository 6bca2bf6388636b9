package ai.automlgen.planner.coder.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static ai.automlgen.planner.coder.knowledge.Component.of;

/**
 * What each model needs around it: linear, kernel and neighbour models want imputed, scaled,
 * one-hot inputs; trees take ordinal codes (random forests also need imputation); boosting
 * handles missing values itself. Swapping a model in a tabular pipeline re-fits its preprocessing.
 */
final class Models {
    static final Set<String> SCALED = Set.of("model.logistic_regression", "model.ridge", "model.lasso", "model.elastic_net",
            "model.linear_svm", "model.svm_rbf", "model.knn", "model.sgd_linear", "model.mlp", "model.kernel_ridge",
            "model.lda_classifier");
    static final Set<String> NEEDS_IMPUTED = Set.of("model.random_forest", "model.extra_trees");
    static final Set<String> TEXT_ONLY = Set.of("model.multinomial_nb", "model.nb_svm");
    /**
     * Models too slow for hundreds of dense columns on tens of thousands of rows: sklearn's forests try every column's
     * thresholds in Python-driven trees (us-patent's random forest with 768 embedding columns ran past its 9 minutes).
     */
    static final Set<String> SLOW_ON_WIDE = Set.of("model.random_forest", "model.extra_trees", "model.svm_rbf",
            "model.kernel_ridge", "model.knn");
    /** Models whose templates densify sparse input: a 200k-term vocabulary becomes gigabytes per copy. */
    static final Set<String> DENSE_ONLY = Set.of("model.hist_gradient_boosting", "model.lda_classifier");
    /** Whether a model's template registers it in a script registry, by registration line. */
    private static final Map<String, Boolean> REGISTERED = new ConcurrentHashMap<>();

    private Models() {
    }

    /**
     * Whether Optuna can tune the model: its template declares a search space. The tuning step of any other model
     * logs "no search space" and re-runs its parent (cactus's RBF SVM: six minutes for the same score).
     */
    static boolean tunable(Component model) {
        return registers(model, "SEARCH_SPACES[\"%s\"]");
    }

    /**
     * Whether the model answers span tasks itself (its template registers in SPAN_EXTRACTORS) rather than scoring each
     * token: it reads the whole text, so the token features' window is not its to widen.
     */
    static boolean extractsSpans(Component model) {
        return registers(model, "SPAN_EXTRACTORS[\"%s\"]");
    }

    /**
     * Whether the model reads the row's strings rather than the feature matrix (its template adds it to TEXT_MODELS):
     * a fine-tuned encoder, minutes per fit, so one holdout fit per node.
     */
    static boolean readsText(Component model) {
        return registers(model, "TEXT_MODELS.add(\"%s\")");
    }

    /**
     * Whether the model is a pretrained encoder fine-tuned on the task (a span extractor or a text model): what its
     * branch is for, minutes per fit, and ahead of the drafts it could be swapped for by the time it gets an edit
     * (tweet's span encoder validated 0.692 where the logistic token scorer it was swapped for gave 0.640).
     */
    static boolean finetunedEncoder(Component model) {
        return readsText(model) || extractsSpans(model);
    }

    /** Whether the model's template contains its registration line (registration: a format with the model id). */
    private static boolean registers(Component model, String registration) {
        String line = registration.formatted(model.id());
        return REGISTERED.computeIfAbsent(line, key -> Template.of(model).map(source -> source.contains(key)).orElse(false));
    }

    /** Whether the pipeline's data template blends several models (tables and per-pixel models do). */
    static boolean blends(PipelineSpec spec) {
        return spec.data().id().equals("data.tabular_frame") || spec.data().id().equals("data.image_pairs");
    }

    static String label(Component model) {
        return switch (model.id()) {
            case "model.xgboost" -> "XGBoost";
            case "model.hist_gradient_boosting" -> "HistGradientBoosting";
            case "model.random_forest" -> "RandomForest";
            case "model.extra_trees" -> "ExtraTrees";
            case "model.logistic_regression" -> "LogisticRegression";
            case "model.nb_svm" -> "NB-SVM";
            case "model.multinomial_nb" -> "MultinomialNB";
            case "model.linear_svm" -> "LinearSVM";
            case "model.svm_rbf" -> "RBF-SVM";
            case "model.knn" -> "k-NN";
            case "model.mlp" -> "MLP";
            case "model.small_cnn" -> "CNN";
            case "model.span_encoder" -> "MiniLM span encoder";
            case "model.pair_encoder" -> "MiniLM cross-encoder";
            case "model.lda_classifier" -> "LDA";
            default -> model.name();
        };
    }

    /** The tabular preprocessing a model needs, keeping target transforms and other steps. */
    static List<Component> preprocessingFor(Component model, List<Component> current) {
        boolean textual = current.stream().noneMatch(c -> c.id().equals("preprocessing.median_imputer")
                || c.id().equals("preprocessing.ordinal_encoding") || c.id().equals("preprocessing.one_hot_encoding"));
        List<Component> kept = current.stream().filter(c -> c.id().equals("preprocessing.log_target")
                || (c.id().equals("preprocessing.quantile_transform") || c.id().equals("preprocessing.power_transform"))
                && SCALED.contains(model.id())).toList();
        if (textual && !SCALED.contains(model.id()) && !NEEDS_IMPUTED.contains(model.id())) {
            return current;
        }
        List<Component> steps = new ArrayList<>();
        if (SCALED.contains(model.id())) {
            steps.addAll(scaled(kept.stream().anyMatch(c -> c.id().equals("preprocessing.power_transform")),
                    kept.stream().anyMatch(c -> c.id().equals("preprocessing.quantile_transform"))));
        } else {
            if (NEEDS_IMPUTED.contains(model.id())) {
                steps.add(of("preprocessing.median_imputer"));
            }
            steps.add(of("preprocessing.ordinal_encoding"));
        }
        kept.stream().filter(c -> c.id().equals("preprocessing.log_target")).forEach(steps::add);
        return steps;
    }

    /**
     * What a scaled model's table goes through: imputation, an optional Yeo-Johnson power step (skewed
     * columns), standard scaling or a quantile map to normal, and one-hot categories.
     */
    static List<Component> scaled(boolean power, boolean quantile) {
        List<Component> steps = new ArrayList<>(List.of(of("preprocessing.median_imputer")));
        if (power) {
            steps.add(of("preprocessing.power_transform"));
        }
        steps.add(quantile ? of("preprocessing.quantile_transform") : of("preprocessing.standard_scaler"));
        steps.add(of("preprocessing.one_hot_encoding", "min_count", 3));
        return steps;
    }

    /** A model's default hyperparameters when it is swapped in. */
    static Component defaults(String id, TaskProfile task) {
        return switch (id) {
            case "model.xgboost" -> of(id, "n_estimators", 600, "max_depth", 6, "learning_rate", 0.05, "colsample_bytree", 0.7);
            case "model.hist_gradient_boosting" -> of(id, "max_iter", 500, "learning_rate", 0.05);
            case "model.random_forest" -> of(id, "n_estimators", 400);
            case "model.extra_trees" -> of(id, "n_estimators", 500);
            case "model.logistic_regression" -> of(id, "C", task.manyClasses() ? 1000.0 : 2.0);
            case "model.nb_svm" -> of(id, "C", 4.0);
            case "model.multinomial_nb" -> of(id, "alpha", 0.05);
            case "model.linear_svm" -> of(id, "C", 0.3);
            case "model.svm_rbf" -> of(id, "C", 3.0);
            case "model.knn" -> of(id, "n_neighbors", 15);
            case "model.mlp" -> of(id, "hidden", List.of(256, 128));
            case "model.sgd_linear" -> of(id, "alpha", 2e-5);
            case "model.span_encoder" -> of(id, "epochs", 1, "learning_rate", 2e-4, "frozen_layers", 3, "batch_size", 32);
            case "model.pair_encoder" -> of(id, "epochs", 1, "learning_rate", 1e-4, "frozen_layers", 0, "batch_size", 32);
            case "model.ridge" -> of(id, "alpha", 1.0);
            case "model.lda_classifier" -> of(id, "shrinkage", "auto");
            default -> of(id);
        };
    }

    /** Models that can stand in for this one, best first, for this kind of pipeline. */
    static List<String> alternatives(PipelineSpec spec, TaskProfile task) {
        String data = spec.data().id();
        boolean text = spec.features().stream().anyMatch(c -> c.id().startsWith("feature.tfidf"));
        List<String> options = new ArrayList<>();
        switch (data) {
            case "data.image_folder" -> options.add("model.small_cnn");
            case "data.image_pairs" -> options.addAll(List.of("model.xgboost", "model.random_forest", "model.hist_gradient_boosting",
                    "model.extra_trees", "model.mlp", "model.ridge"));
            case "data.span_text" -> options.addAll(List.of("model.logistic_regression", "model.xgboost", "model.sgd_linear",
                    "model.span_encoder"));
            default -> {
                if (text) {
                    options.addAll(task.classification()
                            ? List.of("model.logistic_regression", "model.nb_svm", "model.linear_svm", "model.sgd_linear", "model.xgboost")
                            : List.of("model.ridge", "model.sgd_linear", "model.linear_svm", "model.xgboost"));
                    if (task.classification() && spec.preprocessing().isEmpty()) {
                        options.add(2, "model.multinomial_nb"); // needs non-negative inputs: text features only
                    }
                } else if (task.manyClasses()) {
                    options.addAll(List.of("model.logistic_regression", "model.knn", "model.svm_rbf", "model.mlp", "model.random_forest",
                            "model.lda_classifier"));
                } else {
                    options.addAll(List.of("model.xgboost", "model.hist_gradient_boosting", "model.random_forest", "model.extra_trees",
                            task.classification() ? "model.logistic_regression" : "model.ridge", "model.mlp", "model.knn"));
                    if (task.regression()) {
                        options.add("model.kernel_ridge");
                    }
                }
            }
        }
        return options;
    }
}
