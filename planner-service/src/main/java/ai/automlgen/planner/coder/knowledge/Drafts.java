package ai.automlgen.planner.coder.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static ai.automlgen.planner.coder.knowledge.Component.of;

/**
 * Model-level knowledge: the first pipelines a strong engineer would write for a task of this
 * shape, strongest first. Each draft is a complete, sensible pipeline; the search refines it.
 */
public final class Drafts {
    static final Component TABLE = of("data.tabular_frame");
    /** Models a feature fits inside the pipeline (a stack's base models; text_stack.py lists them). */
    private static final Map<String, List<String>> BASE_MODELS =
            Map.of("feature.text_stack", List.of("model.multinomial_nb", "model.linear_svm"));

    private Drafts() {
    }

    /** A draft with the one-line plan that explains it. */
    public record Draft(PipelineSpec spec, String plan) {
    }

    public static List<Draft> candidates(TaskProfile task) {
        if (task.taskType().equals("span_extraction")) {
            return spans(task);
        }
        if (task.targetImages()) {
            return pixels();
        }
        if (task.modality().equals("image") && task.imageFolders() && task.classification()) {
            return images(task);
        }
        if (task.pairs()) {
            return pairs(task);
        }
        if (task.text() && (task.modality().equals("text") || !task.manyClasses())) {
            return task.modality().equals("text") ? text(task) : mixedText(task);
        }
        return tabular(task);
    }

    /** Every model the pipeline trains: its own and the base models of its stacking features. */
    static List<String> modelsTrained(PipelineSpec spec) {
        return Stream.concat(Stream.of(spec.model().id()),
                spec.features().stream().flatMap(f -> BASE_MODELS.getOrDefault(f.id(), List.of()).stream())).toList();
    }

    static Component validation(TaskProfile task) {
        int folds = task.trainRows() > 15000 ? 3 : 5;
        return task.classification() ? of("validation.stratified_kfold", "folds", folds) : of("validation.kfold", "folds", folds);
    }

    static List<Component> postprocessing(TaskProfile task) {
        List<Component> post = new ArrayList<>();
        if (task.classification() && task.metric().contains("log_loss")) {
            // temperature and eps are fitted on out-of-fold rows: a fixed eps of 1e-4 cost ~0.01 on a 99-class task
            post.add(of("strategy.temperature_scaling"));
            post.add(of("strategy.clip_probabilities"));
        }
        if (task.taskType().equals("binary") && task.hardLabels()) {
            post.add(of("strategy.threshold_tuning"));
        }
        if (task.logErrorMetric()) {
            post.add(of("pitfall.negative_values_rmsle"));
        }
        return post;
    }

    static List<Component> targetTransform(TaskProfile task) {
        return task.logErrorMetric() ? List.of(of("preprocessing.log_target")) : List.of();
    }

    private static Draft draft(TaskProfile task, List<Component> preprocessing, List<Component> features, Component model, String plan) {
        List<Component> prep = new ArrayList<>(preprocessing);
        prep.addAll(targetTransform(task));
        return new Draft(PipelineSpec.of(TABLE, prep, features, model, validation(task)).withPostprocessing(postprocessing(task)), plan);
    }

    private static List<Draft> text(TaskProfile task) {
        Component word = of("feature.tfidf_word", "max_n", 2, "min_df", 2, "max_features", 200000);
        Component chars = of("feature.tfidf_char", "min_n", 2, "max_n", 5, "max_features", 200000);
        List<Draft> drafts = new ArrayList<>();
        if (task.classification()) {
            double c = task.taskType().equals("multiclass") ? 8.0 : 4.0;
            // out-of-fold predictions of naive Bayes and linear SVMs on word and char n-grams, stacked by a
            // logistic regression: diverse views fix each other's calibration, the strongest classical recipe
            drafts.add(draft(task, List.of(), List.of(of("feature.text_stack", "folds", 5, "time_share", 0.35, "max_features", 300000)),
                    of("model.logistic_regression", "C", 1.0),
                    "stack: logistic regression (C=1) on out-of-fold predictions of naive Bayes (word/char counts and TF-IDF)"
                            + " and linear SVMs (word/char TF-IDF)"));
            drafts.add(draft(task, List.of(), List.of(word, chars), of("model.logistic_regression", "C", c),
                    "logistic regression (C=" + c + ") on word 1-2-gram + char 2-5-gram TF-IDF"));
            drafts.add(draft(task, List.of(), List.of(word.with("max_n", 3), chars), of("model.nb_svm", "C", 4.0),
                    "NB-SVM (NB log-count ratios + logistic regression) on word 1-3-gram + char TF-IDF"));
            drafts.add(draft(task, List.of(), List.of(word), of("model.multinomial_nb", "alpha", 0.03),
                    "multinomial naive Bayes (alpha 0.03) on word 1-2-gram TF-IDF"));
            drafts.add(draft(task, List.of(), List.of(chars), of("model.linear_svm", "C", 0.3),
                    "calibrated linear SVM (C 0.3) on char 2-5-gram TF-IDF"));
            drafts.add(draft(task, List.of(), List.of(word.with("max_features", 20000), of("feature.text_meta_features")),
                    of("model.xgboost", "n_estimators", 500, "max_depth", 6, "learning_rate", 0.08, "colsample_bytree", 0.5),
                    "xgboost (500 trees, depth 6) on 20k word TF-IDF features + text meta-features"));
            drafts.add(draft(task, List.of(), List.of(word, chars), of("model.sgd_linear", "alpha", 2e-5),
                    "SGD linear classifier (modified Huber) on word + char TF-IDF"));
        } else {
            drafts.add(draft(task, List.of(), List.of(word, chars, of("feature.text_meta_features")), of("model.ridge", "alpha", 3.0),
                    "ridge (alpha 3) on word + char TF-IDF and text meta-features"));
            drafts.add(draft(task, List.of(), List.of(word.with("max_features", 20000), of("feature.text_meta_features")),
                    of("model.xgboost", "n_estimators", 500, "max_depth", 6, "colsample_bytree", 0.5),
                    "xgboost (500 trees, depth 6) on 20k word TF-IDF features + text meta-features"));
            drafts.add(draft(task, List.of(), List.of(chars), of("model.linear_svm", "C", 0.3), "linear SVR on char TF-IDF"));
        }
        return drafts;
    }

    private static List<Draft> mixedText(TaskProfile task) {
        List<Component> linearPrep = List.of(of("preprocessing.median_imputer"), of("preprocessing.standard_scaler"),
                of("preprocessing.one_hot_encoding", "min_count", 5));
        List<Component> treePrep = List.of(of("preprocessing.ordinal_encoding"));
        Component word = of("feature.tfidf_word", "max_n", 2, "min_df", 3, "max_features", 30000);
        Component meta = of("feature.text_meta_features");
        Component dates = of("feature.datetime_parts");
        Component frequency = of("feature.frequency_encoding");
        Component linear = task.classification() ? of("model.logistic_regression", "C", 0.3) : of("model.ridge", "alpha", 10.0);
        return List.of(
                draft(task, linearPrep, List.of(word, meta, dates, frequency), linear,
                        linear.name().replace('_', ' ') + " on scaled metadata + one-hot categories + word TF-IDF + text meta-features"),
                draft(task, treePrep, List.of(meta, dates, frequency, word.with("max_features", 3000).with("min_df", 5)),
                        of("model.xgboost", "n_estimators", 600, "max_depth", 4, "learning_rate", 0.03, "colsample_bytree", 0.5),
                        "xgboost (600 trees, depth 4) on metadata, dates, text meta-features and 3k TF-IDF terms"),
                draft(task, List.of(of("preprocessing.median_imputer"), of("preprocessing.ordinal_encoding")), List.of(meta, dates, frequency),
                        of("model.random_forest", "n_estimators", 500, "min_samples_leaf", 3),
                        "random forest (500 trees) on metadata and text meta-features"),
                draft(task, treePrep, List.of(meta, dates, frequency), of("model.hist_gradient_boosting", "learning_rate", 0.04),
                        "histogram gradient boosting on metadata and text meta-features"));
    }

    private static List<Draft> tabular(TaskProfile task) {
        List<Component> extras = new ArrayList<>(List.of(of("feature.string_split"), of("feature.group_aggregates"),
                of("feature.frequency_encoding"), of("feature.datetime_parts")));
        if (task.rowGeometry()) {
            extras.add(of("feature.geometry_xyz"));
        }
        // a row's image (leaf, product photo): its shape descriptors serve every model, colour statistics the trees
        List<Component> imageShape = task.imageFolders() ? List.of(of("feature.shape_region_props")) : List.of();
        extras.addAll(imageShape);
        if (task.imageFolders()) {
            extras.add(of("feature.image_color_stats", "size", 64));
        }
        List<Component> treePrep = List.of(of("preprocessing.ordinal_encoding"));
        List<Component> forestPrep = List.of(of("preprocessing.median_imputer"), of("preprocessing.ordinal_encoding"));
        // few rows per class: linear models and LDA lean on roughly Gaussian features, so skewed columns get a power first
        List<Component> linearPrep = Models.scaled(task.manyClasses(), false);
        boolean smallData = task.trainRows() > 0 && task.trainRows() < 5000;
        Draft boosting = draft(task, treePrep, extras, of("model.xgboost", "n_estimators", 800, "max_depth", smallData ? 5 : 6,
                "learning_rate", 0.03, "subsample", 0.8, "colsample_bytree", 0.7),
                "xgboost (800 trees, depth " + (smallData ? 5 : 6) + ", lr 0.03) on encoded columns + string splits, group and frequency features"
                        + (task.rowGeometry() ? " + per-row geometry" : "") + (task.logErrorMetric() ? ", log1p target" : ""));
        List<Component> linearFeatures = new ArrayList<>(task.manyClasses() ? List.of() : extras.subList(0, 3));
        linearFeatures.addAll(imageShape);
        String withShape = task.imageFolders() ? " + image shape descriptors" : "";
        Draft linear = draft(task, linearPrep, linearFeatures,
                task.classification() ? of("model.logistic_regression", "C", task.manyClasses() ? 1000.0 : 1.0) : of("model.ridge", "alpha", 1.0),
                (task.classification() ? "logistic regression (C=" + (task.manyClasses() ? 1000.0 : 1.0) + ")" : "ridge")
                        + " on standardised numeric + one-hot categories" + withShape);
        if (task.manyClasses()) {
            // few rows per class: a shrunk shared covariance (LDA) complements the nearly unregularised multinomial fit
            linear = new Draft(linear.spec().withEnsemble(List.of(of("model.lda_classifier", "shrinkage", "auto")), of("ensembling.weighted_blend")),
                    "logistic regression (C=1000.0) blended with shrinkage LDA (weights fitted out of fold) on Yeo-Johnson-powered,"
                            + " standardised numeric + one-hot categories" + withShape);
        }
        Draft histogram = draft(task, treePrep, extras, of("model.hist_gradient_boosting", "max_iter", 500, "learning_rate", 0.05),
                "histogram gradient boosting (500 iterations) on encoded columns + derived features");
        Draft forest = draft(task, forestPrep, extras, of("model.random_forest", "n_estimators", 500),
                "random forest (500 trees) on imputed, encoded columns + derived features");
        Draft extraTrees = draft(task, forestPrep, extras, of("model.extra_trees", "n_estimators", 600),
                "extra trees (600 trees) on imputed, encoded columns + derived features");
        Draft neighbours = draft(task, linearPrep, imageShape, of("model.knn", "n_neighbors", task.manyClasses() ? 5 : 15),
                "distance-weighted k-NN on standardised features" + withShape);
        Draft svm = draft(task, linearPrep, imageShape, of("model.svm_rbf", "C", 3.0), "RBF SVM (C 3) on standardised features" + withShape);
        Draft network = draft(task, linearPrep, imageShape, of("model.mlp", "hidden", List.of(256, 128)),
                "MLP (256-128, early stopping) on standardised features" + withShape);
        if (task.manyClasses()) {
            return List.of(linear, neighbours, svm, network, forest, histogram);
        }
        List<Draft> drafts = new ArrayList<>(List.of(boosting, histogram, forest, linear, extraTrees, network, neighbours));
        if (task.regression()) {
            drafts.add(draft(task, linearPrep, List.of(), of("model.kernel_ridge", "alpha", 0.1), "RBF kernel ridge on standardised features"));
        }
        return drafts;
    }

    private static List<Draft> pairs(TaskProfile task) {
        // the pretrained encoder's cosine knows synonyms that n-gram overlap misses; its 768 product and difference
        // columns help more but cost trees minutes per fit, so only the linear draft starts with them
        Component cosine = of("feature.phrase_embeddings", "vectors", false);
        List<Component> features = List.of(of("feature.pair_similarity"), cosine, of("feature.target_encoding", "smoothing", 20),
                of("feature.frequency_encoding"));
        List<Component> linearFeatures = List.of(of("feature.pair_similarity"), cosine.with("vectors", true),
                of("feature.target_encoding", "smoothing", 20), of("feature.frequency_encoding"));
        List<Component> treePrep = List.of(of("preprocessing.ordinal_encoding"));
        Component boosting = of("model.xgboost", "n_estimators", 700, "max_depth", 6, "learning_rate", 0.04);
        List<Draft> drafts = new ArrayList<>(List.of(
                draft(task, treePrep, features, boosting,
                        "xgboost (700 trees, depth 6) on phrase-pair similarities (char/word TF-IDF cosine, overlap, edit ratio,"
                                + " MiniLM embedding cosine) + context and phrase target encodings"),
                draft(task, treePrep, features, of("model.hist_gradient_boosting", "max_iter", 600, "learning_rate", 0.05),
                        "histogram gradient boosting on phrase-pair similarities (with MiniLM embedding cosine) + target encodings"),
                draft(task, List.of(of("preprocessing.median_imputer"), of("preprocessing.standard_scaler")), linearFeatures,
                        of("model.ridge", "alpha", 1.0), "ridge on standardised phrase-pair similarities + MiniLM embedding"
                                + " cosine, product and difference + target encodings"),
                draft(task, List.of(of("preprocessing.median_imputer"), of("preprocessing.ordinal_encoding")), features,
                        of("model.random_forest", "n_estimators", 300, "min_samples_leaf", 3),
                        "random forest on phrase-pair similarities (with MiniLM embedding cosine) + target encodings")));
        if (!task.buildsNothing("feature.phrase_embeddings")) { // the executor mounts the encoder (or was not seen without it)
            // minutes of fine-tuning: one holdout fit (data.tabular_frame predicts the other rows with it), and the last draft
            PipelineSpec encoder = PipelineSpec.of(TABLE, treePrep, features, Models.defaults("model.pair_encoder", task),
                    of("validation.holdout", "fraction", 0.2)).withEnsemble(List.of(boosting), of("ensembling.weighted_blend"))
                    .withPostprocessing(postprocessing(task));
            drafts.add(new Draft(encoder, "MiniLM cross-encoder fine-tuned on [phrase, phrase, context] (one epoch), blended with"
                    + " xgboost on phrase-pair similarities and target encodings (weights fitted on a 20% holdout)"));
        }
        return drafts;
    }

    private static List<Draft> images(TaskProfile task) {
        Component cnn = of("model.small_cnn", "epochs", 8, "size", 32, "channels", List.of(16, 32, 64), "batch_size", 64,
                "learning_rate", 0.002);
        PipelineSpec network = new PipelineSpec(of("data.image_folder"), List.of(of("preprocessing.image_resize_normalize", "size", 32)),
                List.of(), cnn, of("validation.holdout", "fraction", 0.1), List.of(of("augmentation.flip_rotate"), of("strategy.tta")),
                List.of(), null, postprocessing(task), false);
        List<Component> classical = List.of(of("feature.hog", "size", 32), of("feature.image_color_stats", "size", 32));
        return List.of(new Draft(network, "small CNN (3 double-conv blocks 16-32-64, 8 epochs, flips/rotations, flip TTA) on 32x32 images"),
                draft(task, List.of(), classical, of("model.xgboost", "n_estimators", 500, "max_depth", 6, "learning_rate", 0.05),
                        "xgboost (500 trees) on HOG + colour statistics of each image"),
                draft(task, List.of(of("preprocessing.standard_scaler")), classical, of("model.svm_rbf", "C", 3.0),
                        "RBF SVM on standardised HOG + colour statistics"),
                draft(task, List.of(), classical, of("model.extra_trees", "n_estimators", 500), "extra trees on HOG + colour statistics"));
    }

    private static List<Draft> pixels() {
        Component neighbourhood = of("feature.pixel_neighbourhood", "radius", 2, "background", 11, "pixels", 400000);
        Component holdout = of("validation.holdout", "fraction", 0.2);
        java.util.function.BiFunction<Component, String, Draft> make = (model, plan) ->
                new Draft(PipelineSpec.of(of("data.image_pairs"), List.of(), List.of(neighbourhood), model, holdout), plan);
        return List.of(
                make.apply(of("model.xgboost", "n_estimators", 300, "max_depth", 8, "learning_rate", 0.1),
                        "per-pixel xgboost (300 trees, depth 8) on 5x5 neighbourhoods + background-subtracted intensities"),
                make.apply(of("model.random_forest", "n_estimators", 40, "min_samples_leaf", 5, "max_features", 0.5, "max_depth", 16),
                        "per-pixel random forest (40 trees, depth 16) on 5x5 neighbourhoods + background estimate"),
                make.apply(of("model.hist_gradient_boosting", "max_iter", 300, "learning_rate", 0.1),
                        "per-pixel histogram gradient boosting on 5x5 neighbourhoods + background estimate"),
                make.apply(of("model.mlp", "hidden", List.of(64, 32), "max_iter", 30), "per-pixel MLP (64-32) on 5x5 neighbourhoods + background estimate"),
                make.apply(of("model.ridge", "alpha", 1.0), "per-pixel ridge regression on 5x5 neighbourhoods + background estimate"));
    }

    private static List<Draft> spans(TaskProfile task) {
        Component tokens = of("feature.span_token_features", "window", 2);
        Component validation = of("validation.holdout", "fraction", 0.2);
        java.util.function.BiFunction<Component, String, Draft> make = (model, plan) -> new Draft(new PipelineSpec(of("data.span_text"),
                List.of(), List.of(tokens), model, validation, List.of(of("strategy.threshold_tuning")), List.of(), null, List.of(), false), plan);
        return List.of(
                make.apply(of("model.logistic_regression", "C", 1.0, "solver", "liblinear"),
                        "neutral or short text → whole text; otherwise a logistic token scorer (word, sentiment, position, neighbours) picks the best contiguous span"),
                make.apply(of("model.xgboost", "n_estimators", 300, "max_depth", 6, "learning_rate", 0.1),
                        "neutral or short text → whole text; otherwise an xgboost token scorer picks the best contiguous span"),
                make.apply(of("model.sgd_linear", "alpha", 1e-5), "neutral or short text → whole text; otherwise an SGD token scorer picks the span"),
                // no random-forest token scorer: 12-15 minutes on tweet's ~200k hashed tokens, and its refit never finished in time
                // last: minutes of fine-tuning on CPU, after the cheap drafts have given the search something to refine
                make.apply(Models.defaults("model.span_encoder", task),
                        "neutral or short text → whole text; otherwise the pretrained MiniLM encoder, fine-tuned to point at the span's first and last word"));
    }
}
