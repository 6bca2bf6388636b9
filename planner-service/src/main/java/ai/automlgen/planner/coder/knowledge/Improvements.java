package ai.automlgen.planner.coder.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static ai.automlgen.planner.coder.knowledge.Component.of;
import static ai.automlgen.planner.coder.knowledge.PipelineSpec.edit;
import static ai.automlgen.planner.coder.knowledge.PipelineSpec.minus;
import static ai.automlgen.planner.coder.knowledge.PipelineSpec.plus;

/**
 * Strategy-level knowledge: every atomic improvement that applies to a spec, grouped by module
 * and ordered by how often it pays off. Each returns a new spec; the parent is never changed.
 */
public final class Improvements {

    private Improvements() {
    }

    public static List<Edit> candidates(PipelineSpec spec, TaskProfile task) {
        List<Edit> edits = new ArrayList<>();
        edits.addAll(features(spec, task));
        edits.addAll(models(spec, task));
        edits.addAll(training(spec, task));
        if (!spec.has("strategy.optuna_tuning")) { // the tuning overwrites the model's main hyperparameters: a hand edit of one is a re-run
            edits.addAll(hyperparameters(spec, task));
        }
        return edits.stream().filter(e -> !e.spec().equals(spec)).toList();
    }

    static List<Edit> features(PipelineSpec spec, TaskProfile task) {
        List<Edit> edits = new ArrayList<>();
        String data = spec.data().id();
        if (data.equals("data.image_pairs")) {
            Component pixels = feature(spec, "feature.pixel_neighbourhood");
            int radius = (int) pixels.number("radius", 2);
            if (radius < 4) {
                edits.add(addFeature(spec, pixels.with("radius", radius + 1), "widen the pixel neighbourhood to "
                        + (2 * radius + 3) + "x" + (2 * radius + 3)));
            }
            edits.add(addFeature(spec, pixels.with("pixels", (int) (pixels.number("pixels", 400000) * 1.5)),
                    "train on 50% more sampled pixels"));
            return edits;
        }
        if (data.equals("data.span_text")) {
            if (!Models.extractsSpans(spec.model())) {
                Component tokens = feature(spec, "feature.span_token_features");
                edits.add(addFeature(spec, tokens.with("window", (int) tokens.number("window", 2) + 1), "widen the token context window to "
                        + ((int) tokens.number("window", 2) + 1) + " neighbours"));
            }
            return edits;
        }
        if (data.equals("data.image_folder")) {
            Component size = spec.preprocessing().isEmpty() ? of("preprocessing.image_resize_normalize", "size", 32) : spec.preprocessing().get(0);
            int pixels = (int) size.number("size", 32);
            edits.add(new Edit(Edit.FEATURES, "resize images to " + (pixels + 16) + "x" + (pixels + 16),
                    spec.withPreprocessing(List.of(size.with("size", pixels + 16))).withModel(spec.model().with("size", pixels + 16))));
            return edits;
        }
        boolean text = spec.features().stream().anyMatch(c -> c.id().startsWith("feature.tfidf") || c.id().equals("feature.text_stack"));
        if (task.text() && !task.pairs()) { // pair tasks compare short phrases: their text features are the pair similarities
            boolean dense = Models.DENSE_ONLY.contains(spec.model().id());
            if (!spec.has("feature.tfidf_char") && !spec.model().id().equals("model.xgboost") && !dense) {
                edits.add(addFeature(spec, of("feature.tfidf_char", "min_n", 2, "max_n", 5, "max_features", 200000),
                        "add char 2-5-gram TF-IDF"));
            }
            if (!spec.has("feature.tfidf_word")) {
                int terms = dense ? 3000 : spec.model().id().equals("model.xgboost") ? 20000 : 200000;
                edits.add(addFeature(spec, of("feature.tfidf_word", "max_n", 2, "min_df", 2, "max_features", terms),
                        "add word 1-2-gram TF-IDF" + (dense ? " (3k terms: the model densifies its input)" : "")));
            }
            if (!spec.has("feature.text_meta_features") && !Models.TEXT_ONLY.contains(spec.model().id())) {
                edits.add(addFeature(spec, of("feature.text_meta_features"), "add text meta-features (length, casing, punctuation)"));
            }
            if (spec.has("feature.tfidf_word")) {
                Component word = feature(spec, "feature.tfidf_word");
                int maxN = (int) word.number("max_n", 2);
                if (maxN < 3) {
                    edits.add(addFeature(spec, word.with("max_n", maxN + 1), "extend word TF-IDF to 1-" + (maxN + 1) + "-grams"));
                }
            }
        }
        if (!text || spec.preprocessing().stream().anyMatch(c -> c.id().startsWith("preprocessing.ordinal") || c.id().startsWith("preprocessing.one_hot"))) {
            for (Component extra : List.of(of("feature.frequency_encoding"), of("feature.string_split"), of("feature.group_aggregates"),
                    of("feature.target_encoding", "smoothing", 10), of("feature.feature_crosses", "max_columns", 6),
                    of("feature.datetime_parts"))) {
                boolean encodesCategories = extra.id().equals("feature.frequency_encoding") || extra.id().equals("feature.target_encoding");
                if (!spec.has(extra.id()) && !(task.manyClasses() && extra.id().equals("feature.target_encoding"))
                        && !(encodesCategories && task.noCategoricalColumns()) && !task.buildsNothing(extra.id())) {
                    edits.add(addFeature(spec, extra, "add " + extra.name().replace('_', ' ')));
                }
            }
            if (task.rowGeometry() && !spec.has("feature.geometry_xyz")) {
                edits.add(addFeature(spec, of("feature.geometry_xyz"), "add per-row geometry features (volume, element shares, periodic bond lengths and coordination)"));
            }
            if (task.pairs() && !task.buildsNothing("feature.phrase_embeddings")) {
                Component embeddings = feature(spec, "feature.phrase_embeddings");
                if (!spec.has(embeddings.id())) {
                    edits.add(addFeature(spec, of(embeddings.id(), "vectors", false), "add the phrases' MiniLM embedding cosine"));
                } else if (Boolean.FALSE.equals(embeddings.params().get("vectors")) && !Models.SLOW_ON_WIDE.contains(spec.model().id())) {
                    edits.add(addFeature(spec, embeddings.with("vectors", true),
                            "add the phrase embeddings' product and difference (768 columns: what each dimension agrees on)"));
                }
            }
            if (task.imageFolders() && !spec.has("feature.shape_region_props")) {
                edits.add(addFeature(spec, of("feature.shape_region_props"), "add image shape descriptors (size, aspect, compactness, Hu moments)"));
            }
            if (task.imageFolders() && !spec.has("feature.image_color_stats")) {
                edits.add(addFeature(spec, of("feature.image_color_stats", "size", 64), "add image colour and shape statistics"));
            }
            if (task.imageFolders() && !spec.has("feature.hog")) {
                edits.add(addFeature(spec, of("feature.hog", "size", 32), "add HOG image features"));
            }
            if (Models.SCALED.contains(spec.model().id()) && spec.has("preprocessing.standard_scaler")) {
                edits.add(new Edit(Edit.FEATURES, "swap standard scaling → quantile (normal) transform", spec.withPreprocessing(
                        edit(spec.preprocessing(), "preprocessing.standard_scaler", c -> of("preprocessing.quantile_transform")))));
            }
        }
        return edits;
    }

    static List<Edit> models(PipelineSpec spec, TaskProfile task) {
        List<Edit> edits = new ArrayList<>();
        List<String> options = Models.alternatives(spec, task);
        // a fine-tuned encoder is what its branch is for: no swapping it out for a model another draft already trains
        options.stream().filter(id -> !id.equals(spec.model().id()) && !Models.finetunedEncoder(spec.model())).findFirst()
                .ifPresent(id -> edits.add(swapModel(spec, Models.defaults(id, task), task)));
        if (spec.ensemble().isEmpty() && Models.blends(spec)) {
            options.stream().filter(id -> !id.equals(spec.model().id())).findFirst().ifPresent(id -> {
                Component member = Models.defaults(id, task);
                if (!Models.SCALED.contains(id) || Models.SCALED.contains(spec.model().id()) || spec.preprocessing().isEmpty()) {
                    edits.add(new Edit(Edit.MODEL, "blend " + Models.label(spec.model()) + " with " + Models.label(member)
                            + " (weights fitted out of fold)", spec.withEnsemble(List.of(member), of("ensembling.weighted_blend"))));
                }
            });
        }
        return edits;
    }

    static List<Edit> training(PipelineSpec spec, TaskProfile task) {
        List<Edit> edits = new ArrayList<>();
        String data = spec.data().id();
        if (data.equals("data.image_folder")) {
            int epochs = (int) spec.model().number("epochs", 10);
            edits.add(new Edit(Edit.TRAINING, "train the CNN for " + (epochs + epochs / 2) + " epochs",
                    spec.withModel(spec.model().with("epochs", epochs + epochs / 2))));
            if (!spec.has("strategy.tta")) {
                edits.add(new Edit(Edit.TRAINING, "add flip test-time augmentation", spec.withTraining(plus(spec.training(), of("strategy.tta")))));
            }
            return edits;
        }
        if (spec.validation().id().equals("validation.holdout") && data.equals("data.tabular_frame") && !Models.readsText(spec.model())) {
            edits.add(new Edit(Edit.TRAINING, "swap the holdout split → 5-fold cross-validation with fold-averaged predictions",
                    spec.withValidation(task.classification() ? of("validation.stratified_kfold", "folds", 5) : of("validation.kfold", "folds", 5))));
        }
        if (spec.model().id().equals("model.xgboost") && spec.model().params().get("early_stopping_rounds") == null
                && !data.equals("data.image_pairs") && !data.equals("data.span_text")) {
            edits.add(new Edit(Edit.TRAINING, "early-stop xgboost on a tenth of each fold's training rows (up to 3000 trees, patience 100)",
                    spec.withModel(spec.model().with("n_estimators", 3000).with("early_stopping_rounds", 100))));
        }
        if (data.equals("data.tabular_frame")) {
            if (task.regression() && !spec.has("preprocessing.log_target") && !task.pairs()) {
                edits.add(new Edit(Edit.TRAINING, "train on log1p of the target", spec.withPreprocessing(plus(spec.preprocessing(), of("preprocessing.log_target")))));
            }
            if (!spec.has("strategy.optuna_tuning") && task.trainRows() < 20000 && Models.tunable(spec.model())) {
                edits.add(new Edit(Edit.TRAINING, "tune " + Models.label(spec.model()) + " with Optuna (TPE, 90 s)",
                        spec.withTraining(plus(spec.training(), of("strategy.optuna_tuning", "seconds", 90)))));
            }
            if (task.classification() && !spec.has("strategy.pseudo_labelling")) {
                edits.add(new Edit(Edit.TRAINING, "pseudo-label the 30% most confident unlabelled rows and refit",
                        spec.withTraining(plus(spec.training(), of("strategy.pseudo_labelling", "share", 0.3)))));
            }
            if (!spec.validation().id().equals("validation.group_kfold") && !spec.validation().id().equals("validation.holdout")) {
                int folds = (int) spec.validation().number("folds", 5);
                if (folds < 10 && task.trainRows() < 5000) {
                    edits.add(new Edit(Edit.TRAINING, "use " + (folds * 2) + " folds (more training data per model)",
                            spec.withValidation(spec.validation().with("folds", folds * 2))));
                }
            }
            if (task.taskType().equals("binary") && !task.metric().contains("log_loss") && !spec.model().params().containsKey("class_weight")) {
                edits.add(new Edit(Edit.TRAINING, "weight classes by inverse frequency",
                        spec.withModel(spec.model().with("class_weight", "balanced"))));
            }
            if (spec.ensemble().size() == 1 && spec.blend() != null && !spec.blend().id().equals("ensembling.stacking_logistic") && task.classification()) {
                edits.add(new Edit(Edit.TRAINING, "stack the blended models with a logistic regression on their out-of-fold predictions",
                        spec.withEnsemble(spec.ensemble(), of("ensembling.stacking_logistic"))));
            }
        }
        return edits;
    }

    static List<Edit> hyperparameters(PipelineSpec spec, TaskProfile task) {
        Component model = spec.model();
        List<Edit> edits = new ArrayList<>();
        switch (model.id()) {
            case "model.xgboost" -> {
                int depth = (int) model.number("max_depth", 6);
                double rate = model.number("learning_rate", 0.05);
                int trees = (int) model.number("n_estimators", 600);
                edits.add(tune(spec, model.with("learning_rate", round(rate / 2)).with("n_estimators", trees * 2),
                        "halve the xgboost learning rate to " + round(rate / 2) + " with " + trees * 2 + " trees"));
                edits.add(tune(spec, model.with("max_depth", depth > 4 ? depth - 2 : depth + 2), "set xgboost depth " + depth + " → " + (depth > 4 ? depth - 2 : depth + 2)));
                edits.add(tune(spec, model.with("min_child_weight", 5).with("reg_lambda", 5.0), "regularise xgboost (min_child_weight 5, lambda 5)"));
            }
            case "model.hist_gradient_boosting" -> {
                double rate = model.number("learning_rate", 0.06);
                edits.add(tune(spec, model.with("learning_rate", round(rate / 2)).with("max_iter", (int) model.number("max_iter", 400) * 2),
                        "halve the learning rate to " + round(rate / 2) + " with twice the iterations"));
                edits.add(tune(spec, model.with("max_leaf_nodes", 63), "grow bigger trees (63 leaves)"));
            }
            case "model.logistic_regression", "model.nb_svm", "model.linear_svm", "model.lasso", "model.elastic_net" -> {
                double c = model.number("C", 1.0);
                edits.add(tune(spec, model.with("C", rungAbove(c)), "raise C " + c + " → " + rungAbove(c) + " (weaker regularisation)"));
                edits.add(tune(spec, model.with("C", rungBelow(c)), "lower C " + c + " → " + rungBelow(c) + " (stronger regularisation)"));
            }
            case "model.ridge", "model.multinomial_nb", "model.sgd_linear", "model.kernel_ridge" -> {
                double alpha = model.number("alpha", 1.0);
                edits.add(tune(spec, model.with("alpha", rungBelow(alpha)), "lower alpha " + alpha + " → " + rungBelow(alpha)));
                edits.add(tune(spec, model.with("alpha", rungAbove(alpha)), "raise alpha " + alpha + " → " + rungAbove(alpha)));
            }
            case "model.random_forest", "model.extra_trees" -> {
                int trees = (int) model.number("n_estimators", 400);
                edits.add(tune(spec, model.with("n_estimators", trees * 2), "grow " + trees * 2 + " trees"));
                edits.add(tune(spec, model.with("min_samples_leaf", 3), "require 3 rows per leaf"));
            }
            case "model.knn" -> {
                int k = (int) model.number("n_neighbors", 15);
                edits.add(tune(spec, model.with("n_neighbors", Math.max(2, k / 2)), "use k=" + Math.max(2, k / 2) + " neighbours"));
                edits.add(tune(spec, model.with("n_neighbors", k * 2), "use k=" + k * 2 + " neighbours"));
            }
            case "model.svm_rbf" -> {
                double c = model.number("C", 3.0);
                edits.add(tune(spec, model.with("C", rungAbove(c)), "raise the SVM's C to " + rungAbove(c)));
            }
            case "model.span_encoder", "model.pair_encoder" -> {
                int epochs = (int) model.number("epochs", 1);
                int frozen = (int) model.number("frozen_layers", Models.defaults(model.id(), task).number("frozen_layers", 3));
                String encoder = model.id().equals("model.span_encoder") ? "span encoder" : "cross-encoder";
                edits.add(tune(spec, model.with("epochs", epochs + 1), "fine-tune the " + encoder + " for " + (epochs + 1) + " epochs"));
                if (frozen > 0) {
                    edits.add(tune(spec, model.with("frozen_layers", frozen - 1), "fine-tune " + (7 - frozen) + " of the encoder's 6 layers"));
                }
            }
            case "model.mlp" -> edits.add(tune(spec, model.with("alpha", 1e-2), "regularise the MLP (alpha 0.01)"));
            case "model.small_cnn" -> {
                double rate = model.number("learning_rate", 0.002);
                edits.add(tune(spec, model.with("learning_rate", round(rate / 2)), "halve the CNN learning rate to " + round(rate / 2)));
                edits.add(tune(spec, model.with("channels", List.of(32, 64, 128)), "widen the CNN to 32-64-128 channels"));
            }
            default -> {
            }
        }
        return edits;
    }

    static Edit swapModel(PipelineSpec spec, Component to, TaskProfile task) {
        PipelineSpec swapped = spec.withModel(to);
        if (spec.data().id().equals("data.tabular_frame")) {
            swapped = swapped.withPreprocessing(Models.preprocessingFor(to, spec.preprocessing()));
            if (Models.TEXT_ONLY.contains(to.id())) {
                swapped = swapped.withFeatures(minus(spec.features(), "feature.text_meta_features"));
            }
        }
        swapped = swapped.withTraining(minus(swapped.training(), "strategy.optuna_tuning"));
        return new Edit(Edit.MODEL, "swap " + Models.label(spec.model()) + " → " + Models.label(to) + describe(to), swapped);
    }

    static String describe(Component model) {
        if (model.params().isEmpty()) {
            return "";
        }
        return model.params().entrySet().stream().limit(3).map(e -> e.getKey().replace('_', ' ') + " " + e.getValue())
                .reduce((a, b) -> a + ", " + b).map(s -> ", " + s).orElse("");
    }

    static Edit addFeature(PipelineSpec spec, Component feature, String plan) {
        return new Edit(Edit.FEATURES, plan, spec.withFeatures(spec.has(feature.id())
                ? edit(spec.features(), feature.id(), c -> feature) : plus(spec.features(), feature)));
    }

    private static Edit tune(PipelineSpec spec, Component model, String plan) {
        return new Edit(Edit.HYPERPARAMETERS, plan, spec.withModel(model));
    }

    static Component feature(PipelineSpec spec, String id) {
        return spec.features().stream().filter(c -> c.id().equals(id)).findFirst().orElse(of(id));
    }

    static double round(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", value));
    }

    /**
     * The next value above {@code value} on the 1–3–10 ladder regularisation strengths move on (…, 0.3, 1, 3, 10, …).
     * A ladder rather than times or divided by 3 with rounding, so that a step up after a step down lands on the value
     * the branch had before, which the pipelines already written nearby then rule out: ×3 and ÷3 rounded went
     * 1 → 0.333 → 0.999, and us-patent's ridge went down and back up 11 times in the committed search graphs for no change.
     */
    static double rungAbove(double value) {
        return rung(value, true);
    }

    /** The next value below {@code value} on the 1–3–10 ladder ({@link #rungAbove}). */
    static double rungBelow(double value) {
        return rung(value, false);
    }

    private static double rung(double value, boolean above) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a regularisation strength is a positive number, got " + value);
        }
        int decade = (int) Math.floor(Math.log10(value));
        double nearest = above ? Double.POSITIVE_INFINITY : 0;
        for (int exponent = decade - 1; exponent <= decade + 1; exponent++) {
            for (int mantissa : new int[]{1, 3}) {
                double rung = Double.parseDouble(mantissa + "e" + exponent);
                boolean beyond = above ? rung > value * (1 + 1e-9) : rung < value * (1 - 1e-9);
                if (beyond && (above ? rung < nearest : rung > nearest)) {
                    nearest = rung;
                }
            }
        }
        return nearest;
    }
}
