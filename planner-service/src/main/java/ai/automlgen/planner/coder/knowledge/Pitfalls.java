package ai.automlgen.planner.coder.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static ai.automlgen.planner.coder.knowledge.Component.of;
import static ai.automlgen.planner.coder.knowledge.PipelineSpec.minus;
import static ai.automlgen.planner.coder.knowledge.PipelineSpec.plus;

/**
 * Pitfall-level knowledge for debug: error signatures in a traceback mapped to the pitfall entity
 * and the spec edit that avoids it. An unknown error gets a safer variant of the part of the
 * pipeline the traceback points at (every template function is named after its component).
 */
public final class Pitfalls {

    private record Pitfall(String id, Pattern signature, BiFunction<PipelineSpec, TaskProfile, Edit> fix) {
    }

    private static final java.util.Set<String> TABULAR_ONLY = java.util.Set.of("pitfall.missing_values_in_estimator",
            "pitfall.string_to_float", "pitfall.unseen_categories", "pitfall.key_error_column", "pitfall.negative_values_rmsle");
    private static final Pattern COMPONENT_FRAME = Pattern.compile("in (feature|make|preprocessing)_([a-z0-9_]+)");

    private static final List<Pitfall> KNOWN = List.of(
            new Pitfall("pitfall.module_not_found", Pattern.compile("No module named '?(xgboost|torch|optuna|skimage)"),
                    (spec, task) -> spec.model().id().equals("model.xgboost")
                            ? fix(Improvements.swapModel(spec, Models.defaults("model.hist_gradient_boosting", task), task).spec(),
                            "xgboost is not installed: swap to scikit-learn's HistGradientBoosting")
                            : fix(dropStrategies(spec), "a package is missing: drop the optional training strategies")),
            new Pitfall("pitfall.out_of_memory", Pattern.compile("MemoryError|Unable to allocate|out of memory|Killed|exit code 137|SIGKILL|signal 9"),
                    (spec, task) -> fix(smaller(spec), "out of memory: halve feature vocabularies, sampled pixels and batch size")),
            new Pitfall("pitfall.timeout", Pattern.compile("(?i)timed? ?out|TimeoutExpired|exceeded the time limit"),
                    (spec, task) -> fix(faster(spec), "too slow: fewer trees/epochs, 3 folds, no tuning")),
            new Pitfall("pitfall.missing_values_in_estimator", Pattern.compile("Input (X )?contains NaN|contains NaN|NaN, infinity"),
                    (spec, task) -> fix(spec.withPreprocessing(withFirst(spec.preprocessing(), of("preprocessing.median_imputer"))),
                            "the model rejects missing values: impute medians (with missing indicators) first")),
            new Pitfall("pitfall.string_to_float", Pattern.compile("could not convert string to float|invalid literal for"),
                    (spec, task) -> fix(spec.withPreprocessing(plus(spec.preprocessing(), of("preprocessing.ordinal_encoding"))),
                            "strings reached the model: encode categorical columns as ordinal codes")),
            new Pitfall("pitfall.unseen_categories", Pattern.compile("(?i)unknown categor|unseen label|previously unseen"),
                    (spec, task) -> fix(spec.withPreprocessing(minus(spec.preprocessing(), "preprocessing.one_hot_encoding"))
                                    .withFeatures(plus(spec.features(), of("feature.frequency_encoding"))),
                            "categories unseen in training: replace one-hot with frequency encoding")),
            new Pitfall("pitfall.negative_values_rmsle", Pattern.compile("(?i)negative values|Mean Squared Logarithmic Error cannot"),
                    (spec, task) -> fix(spec.withPostprocessing(plus(spec.postprocessing(), of("pitfall.negative_values_rmsle")))
                                    .withPreprocessing(minus(spec.preprocessing(), "preprocessing.standard_scaler")),
                            "negative values: clip predictions at 0 and feed non-negative features")),
            new Pitfall("pitfall.probability_row_sum", Pattern.compile("(?i)sum to 1|probabilit\\w+ .*sum|row sums"),
                    (spec, task) -> fix(spec.withPostprocessing(plus(spec.postprocessing(), of("strategy.clip_probabilities"))),
                            "probabilities must sum to 1: clip and renormalise every row")),
            new Pitfall("pitfall.shape_mismatch", Pattern.compile("(?i)shape mismatch|operands could not be broadcast|inconsistent numbers of samples|does not match|expected \\d+ features"),
                    (spec, task) -> fix(dropEnsemble(spec).withTraining(minus(spec.training(), "strategy.pseudo_labelling")),
                            "shapes disagree: drop the blend and pseudo-labels, one model end to end")),
            new Pitfall("pitfall.key_error_column", Pattern.compile("KeyError"),
                    (spec, task) -> fix(spec.withFeatures(spec.features().stream().filter(c -> !c.id().equals("feature.group_aggregates")
                                    && !c.id().equals("feature.string_split")).toList()),
                            "a column is missing: drop the features that assume column structure")),
            new Pitfall("pitfall.convergence_warning", Pattern.compile("ConvergenceWarning|failed to converge|max_iter"),
                    (spec, task) -> fix(spec.withModel(spec.model().with("max_iter", 10000)),
                            "the solver did not converge: raise max_iter to 10000")),
            new Pitfall("pitfall.cuda_unavailable", Pattern.compile("(?i)CUDA|no NVIDIA driver"),
                    (spec, task) -> fix(spec.withModel(spec.model().with("device", "cpu")), "no GPU: run the model on the CPU")),
            new Pitfall("pitfall.label_dtype_mismatch", Pattern.compile("Unknown label type|continuous-multioutput|is not supported for multiclass"),
                    (spec, task) -> fix(Improvements.swapModel(spec, Models.defaults(task.classification() ? "model.logistic_regression" : "model.ridge", task), task).spec(),
                            "the label type does not suit the model: swap to a model for " + task.taskType())),
            new Pitfall("pitfall.file_not_found", Pattern.compile("FileNotFoundError|No such file or directory"),
                    (spec, task) -> fix(spec.withFeatures(spec.features().stream().filter(c -> !c.id().equals("feature.geometry_xyz")
                                    && !c.id().equals("feature.image_color_stats") && !c.id().equals("feature.shape_region_props")
                                    && !c.id().equals("feature.hog")).toList()),
                            "a file is missing: drop the features that read per-row files")));

    private Pitfalls() {
    }

    /** The fix for a failed node: a known pitfall's edit, else a safer variant of the failing part. */
    public static Edit debug(PipelineSpec spec, TaskProfile task, String traceback) {
        String text = traceback == null ? "" : traceback;
        boolean tabular = spec.data().id().equals("data.tabular_frame");
        for (Pitfall pitfall : KNOWN) {
            if (!tabular && TABULAR_ONLY.contains(pitfall.id())) {
                continue;
            }
            if (pitfall.signature().matcher(text).find()) {
                Edit edit = pitfall.fix().apply(spec, task);
                if (!edit.spec().equals(spec)) {
                    return new Edit(edit.module(), pitfall.id() + ": " + edit.plan(), edit.spec());
                }
            }
        }
        return saferVariant(spec, task, text);
    }

    static Edit saferVariant(PipelineSpec spec, TaskProfile task, String traceback) {
        Optional<String> failing = lastComponentFrame(traceback);
        if (failing.isPresent()) {
            String id = failing.get();
            if (id.equals("feature.text_stack") && spec.features().size() == 1) {
                // the stack is the draft's only view of the text: fall back to the plain n-gram views it stacks
                return new Edit(Edit.FEATURES, "unknown error in " + id + ": use word and char TF-IDF directly",
                        spec.withFeatures(List.of(of("feature.tfidf_word", "max_n", 2, "min_df", 2, "max_features", 200000),
                                of("feature.tfidf_char", "min_n", 2, "max_n", 5, "max_features", 200000))));
            }
            if (id.startsWith("feature.") && spec.has(id)) {
                return new Edit(Edit.FEATURES, "unknown error in " + id + ": drop that feature block", spec.withFeatures(minus(spec.features(), id)));
            }
            if (id.startsWith("preprocessing.") && spec.has(id)) {
                return new Edit(Edit.FEATURES, "unknown error in " + id + ": drop that step", spec.withPreprocessing(minus(spec.preprocessing(), id)));
            }
        }
        PipelineSpec simpler = dropStrategies(dropEnsemble(spec));
        if (!simpler.equals(spec)) {
            return new Edit(Edit.TRAINING, "unknown error: drop the ensemble and optional training strategies", simpler);
        }
        List<String> options = Models.alternatives(spec, task);
        String safest = options.get(options.size() - 1).equals(spec.model().id()) ? options.get(0) : options.get(options.size() - 1);
        if (spec.data().id().equals("data.tabular_frame")) {
            safest = task.classification() ? "model.logistic_regression" : "model.ridge";
        }
        if (!safest.equals(spec.model().id())) {
            Edit swap = Improvements.swapModel(spec, Models.defaults(safest, task), task);
            return new Edit(Edit.MODEL, "unknown error: " + swap.plan(), swap.spec());
        }
        return new Edit(Edit.TRAINING, "unknown error: a smaller, faster variant", faster(smaller(spec)));
    }

    private static Optional<String> lastComponentFrame(String traceback) {
        Matcher matcher = COMPONENT_FRAME.matcher(traceback);
        String found = null;
        while (matcher.find()) {
            String kind = matcher.group(1).equals("make") ? "model" : matcher.group(1);
            found = kind + "." + matcher.group(2);
        }
        return Optional.ofNullable(found);
    }

    private static Edit fix(PipelineSpec spec, String plan) {
        return new Edit(Edit.TRAINING, plan, spec);
    }

    private static List<Component> withFirst(List<Component> list, Component first) {
        List<Component> out = new ArrayList<>();
        out.add(first);
        list.stream().filter(c -> !c.id().equals(first.id())).forEach(out::add);
        return out;
    }

    private static PipelineSpec dropEnsemble(PipelineSpec spec) {
        return spec.withEnsemble(List.of(), null);
    }

    private static PipelineSpec dropStrategies(PipelineSpec spec) {
        return spec.withTraining(spec.training().stream().filter(c -> c.id().equals("augmentation.flip_rotate")
                || c.id().equals("strategy.threshold_tuning")).toList());
    }

    static PipelineSpec smaller(PipelineSpec spec) {
        List<Component> features = spec.features().stream().map(c -> {
            Component out = c;
            if (c.params().containsKey("max_features")) {
                out = out.with("max_features", (int) c.number("max_features", 100000) / 2);
            } else if (c.id().startsWith("feature.tfidf")) {
                out = out.with("max_features", 50000);
            }
            if (c.params().containsKey("pixels")) {
                out = out.with("pixels", (int) c.number("pixels", 400000) / 2);
            }
            return out;
        }).toList();
        Component model = spec.model();
        if (model.params().containsKey("batch_size")) {
            model = model.with("batch_size", Math.max(8, (int) model.number("batch_size", 64) / 2));
        }
        return spec.withFeatures(features).withModel(model).withEnsemble(List.of(), null);
    }

    static PipelineSpec faster(PipelineSpec spec) {
        Component model = spec.model();
        for (String key : List.of("n_estimators", "max_iter", "epochs")) {
            if (model.params().containsKey(key)) {
                model = model.with(key, Math.max(1, (int) model.number(key, 100) / 2));
            }
        }
        model = model.without("early_stopping_rounds");
        Component validation = spec.validation().params().containsKey("folds")
                ? spec.validation().with("folds", Math.min(3, (int) spec.validation().number("folds", 5))) : spec.validation();
        return dropStrategies(spec.withModel(model).withValidation(validation)).withEnsemble(List.of(), null);
    }
}
