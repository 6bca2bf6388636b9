package ai.automlgen.planner.coder.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table template's fitting helpers (coder/data/tabular_frame.py), run in the pipelines' own Python: out-of-fold
 * predictions, which blend weights, stackers, calibration and thresholds are fitted on, must really be out of fold.
 */
class TabularFrameTest {

    /** The spec constants a rendered script defines, for a binary task; each check changes what it needs. */
    private static final String SPEC = """
            TASK_TYPE, METRIC, LOWER_IS_BETTER = "binary", "roc_auc", False
            ID_COLUMN, LABEL_COLUMNS, SUBMISSION_COLUMNS = "id", ["y"], ["y"]
            PREPROCESSING, FEATURES, TRAINING, ENSEMBLE, POSTPROCESSING = [], [], [], [], []
            MODEL = ("model.xgboost", {"n_estimators": 60, "early_stopping_rounds": 5})
            VALIDATION = ("validation.kfold", {"folds": 3})
            BLEND, REFIT, N_CLASSES = None, False, 1
            """;

    private static final String CHECKS = """
            rng = np.random.RandomState(0)
            n = 300
            X = np.column_stack([np.arange(n), rng.rand(n, 4)])  # column 0: the row's number
            y = (X[:, 1] + 0.3 * rng.rand(n) > 0.6).astype(int)

            # early stopping watches none of the rows its fold then scores
            watched = []
            real_fit_one = fit_one
            def fit_one(component, params, X_fit, y_fit, kind, eval_set=None):
                watched.append(set() if eval_set is None else set(eval_set[0][:, 0].astype(int)))
                return real_fit_one(component, params, X_fit, y_fit, kind, eval_set)
            oof, _ = fit_predict(*MODEL, X, y, X[:10], "binary", None)
            folds = splits(y, n, None)
            print("stopping rows apart", len(watched) == len(folds) and all(w and not (w & set(s)) for w, (_, s) in zip(watched, folds)))
            print("every row out of fold", not np.isnan(oof).any())
            fit_one = real_fit_one

            # balanced classes in xgboost: the inverse frequency, not a fixed weight
            skewed = (rng.rand(n) < 0.1).astype(int)
            model, _ = fit_one("model.xgboost", {"n_estimators": 5, "class_weight": "balanced"}, X, skewed, "binary")
            print("inverse frequency", abs(model.get_params()["scale_pos_weight"] - (skewed == 0).sum() / (skewed == 1).sum()) < 1e-9)

            # pseudo-labelling leaves the rows it labels with the predictions they had
            rest = rng.rand(40, 1)
            relabelled = pseudo_label("model.logistic_regression", {}, X, y, X[:40], rest, "binary", None, 0.25)
            chosen = np.argsort(-(np.abs(rest[:, 0] - 0.5) + 0.5))[:10]
            print("pseudo-labelled rows kept", bool(np.allclose(relabelled[chosen], rest[chosen])))

            # multiclass: xgboost's early stopping watches a multiclass metric, and a stacker scores out of fold
            TASK_TYPE, METRIC, LOWER_IS_BETTER, N_CLASSES = "multiclass", "multi_class_log_loss", True, 20
            classes = rng.randint(0, N_CLASSES, n)
            oof, _ = fit_predict("model.xgboost", {"n_estimators": 20, "early_stopping_rounds": 3}, X, classes, X[:10], "multiclass", None)
            print("multiclass early stopping", oof.shape == (n, N_CLASSES))
            noise = [rng.dirichlet(np.ones(N_CLASSES), n) for _ in range(3)]  # members that know nothing
            BLEND = ("ensembling.stacking_logistic", {"C": 100.0})
            stacked, _ = blend([(m, m[:10]) for m in noise], classes, "multiclass")
            chance = np.log(N_CLASSES)
            print("stacker out of fold", score(classes, stacked) > 0.95 * chance)

            # a pipeline that scales its numeric columns gets its derived dense columns on the same scale
            PREPROCESSING = [("preprocessing.standard_scaler", {"log_skewed": False})]
            FEATURE_BUILDERS["feature.years"] = lambda context, params: 2000 + 20 * rng.rand(len(context.frame), 1)
            FEATURES = [("feature.years", {})]
            table = pd.DataFrame({"a": 1000 * rng.rand(50)})
            built = build_features(Context(table, {"a": "numeric"}, 40, None, [("train", 40), ("test", 10)], {})).matrix()
            print("derived columns scaled", bool(np.allclose(built[:40].mean(axis=0), 0) and np.allclose(built[:40].std(axis=0), 1)))
            """;

    @Test
    void outOfFoldPredictionsStayOutOfFold(@TempDir Path work) throws Exception {
        assertChecksPass(work, List.of("preprocessing/standard_scaler.py", "model/xgboost.py", "model/logistic_regression.py"), CHECKS,
                List.of("stopping rows apart", "every row out of fold", "inverse frequency", "pseudo-labelled rows kept",
                        "multiclass early stopping", "stacker out of fold", "derived columns scaled"));
    }

    /**
     * The table facts a script logs for the coder: feature blocks with nothing to build from (no structured strings to
     * split, no ids that rows share a prefix of, no dates, nothing to cross) are named, and only those; each block
     * agrees with the facts.
     */
    private static final String TABLE_FACTS = """
            n = 60
            blocks = ["feature.string_split", "feature.group_aggregates", "feature.datetime_parts", "feature.feature_crosses"]
            plain = pd.DataFrame({"id": ["%x" % (977 * i + 12345) for i in range(n)], "city": ["c%d" % (i % 5) for i in range(n)],
                                  "x": np.arange(n) % 7})
            plain_kinds = {"city": "categorical", "x": "numeric"}
            no_encoder = ["feature.phrase_embeddings"]  # this check runs without AUTOMLGEN_MODELS
            print("nothing to build", blocks_without_input(plain, plain_kinds) == blocks + no_encoder)
            rich = pd.DataFrame({"id": ["%04d_%02d" % (i // 3, i % 3) for i in range(n)], "city": ["B/%d/P" % (i % 9) for i in range(n)],
                                 "x": np.arange(n) % 7, "size": np.arange(n) % 11,
                                 "booked_date": ["2024-%02d-%02d" % (1 + i % 12, 1 + i % 28) for i in range(n)]})
            rich_kinds = {"city": "categorical", "x": "numeric", "size": "numeric", "booked_date": "categorical"}
            print("something to build", blocks_without_input(rich, rich_kinds) == no_encoder)
            reddit = pd.DataFrame({"id": ["t3_k%x" % (977 * i + 12345) for i in range(n)]})
            print("one shared prefix is no group", "feature.group_aggregates" in blocks_without_input(reddit, {}))
            # "t3" on every row and a different word on each: constant columns, nothing to split
            print("no part that tells rows apart", "feature.string_split" in blocks_without_input(reddit, {}))
            def built(table, kinds, component):
                context = Context(table, kinds, 50, None, [("train", 50), ("test", 10)], {})
                block = FEATURE_BUILDERS[component](context, {})
                return 0 if block is None else block.shape[1]
            print("blocks agree", all(built(plain, plain_kinds, c) == 0 and built(rich, rich_kinds, c) > 0 for c in blocks)
                  and built(reddit, {}, "feature.string_split") == 0)
            """;

    @Test
    void theLogNamesFeatureBlocksWithNothingToBuild(@TempDir Path work) throws Exception {
        assertChecksPass(work, List.of("feature/string_split.py", "feature/group_aggregates.py", "feature/datetime_parts.py",
                "feature/feature_crosses.py"), TABLE_FACTS,
                List.of("nothing to build", "something to build", "one shared prefix is no group", "no part that tells rows apart",
                        "blocks agree"));
    }

    @Test
    void numericStepsPassATableWithoutNumericColumns(@TempDir Path work) throws Exception {
        // us-patent: swapping the ridge's scaler for a quantile transform failed on the empty numeric matrix
        List<String> steps = List.of("standard_scaler", "quantile_transform", "power_transform");
        assertChecksPass(work, steps.stream().map(s -> "preprocessing/" + s + ".py").toList(), """
                context = Context(pd.DataFrame({"anchor": ["a", "b", "c"]}), {"anchor": "categorical"}, 2, None, [("train", 2), ("test", 1)], {})
                for step in %s:
                    print(step, PREPROCESSORS["preprocessing." + step](np.zeros((3, 0)), context, {}).shape == (3, 0))
                """.formatted(steps.stream().map(s -> "'" + s + "'").toList()), steps);
    }

    /** Runs the table template's helpers (without its main) with the given component templates, then the checks. */
    private static void assertChecksPass(Path work, List<String> templates, String checks, List<String> expected) throws Exception {
        String frame = Template.load("data/tabular_frame.py");
        List<String> parts = new ArrayList<>(List.of("ROLES = {}", Template.load("common.py"), SPEC));
        templates.forEach(template -> parts.add(Template.load(template)));
        parts.add(frame.substring(0, frame.lastIndexOf("main()")));
        parts.add(checks);
        ScriptRun.assertChecksPass(work, parts, expected, 300);
    }

    /**
     * Label-fitted blocks (target encoding) of a validation fold's matrix use the labels of the fold's fit rows
     * only: the held-out rows' labels can change without changing anything the fold's model sees.
     */
    private static final String LABEL_CHECKS = """
            rng = np.random.RandomState(0)
            n, m = 240, 40
            words = ["w%d" % i for i in range(60)]
            table = pd.DataFrame({"cat": ["c%d" % v for v in rng.randint(0, 30, n + m)],
                                  "text": [" ".join(rng.choice(words, 8)) for _ in range(n + m)]})
            kinds = {"cat": "categorical", "text": "text"}
            TASK_TYPE, METRIC, LOWER_IS_BETTER, N_CLASSES = "multiclass", "multi_class_log_loss", True, 3
            VALIDATION = ("validation.stratified_kfold", {"folds": 5})
            FEATURES = [("feature.target_encoding", {"smoothing": 10}), ("feature.tfidf_word", {"max_features": 500})]
            y = rng.randint(0, 3, n)
            folds = splits(y, n, None)
            def fold_matrices(labels):
                context = Context(table, kinds, n, labels, [("train", n), ("test", m)], {}, folds=[s for _, s in folds])
                features = build_features(context, [f for f, _ in folds])
                matrices = [features.matrix(f) for f, _ in folds]
                return [m.toarray() if hasattr(m, "toarray") else m for m in matrices]  # TF-IDF makes them sparse
            before = fold_matrices(y)
            unchanged = []
            for number, (fit_index, score_index) in enumerate(folds):
                flipped = y.copy()
                flipped[score_index] = (flipped[score_index] + 1) % 3
                unchanged.append(bool(np.allclose(fold_matrices(flipped)[number], before[number])))
            print("held-out labels unused", all(unchanged))
            print("label blocks differ by fold", not np.allclose(before[0], before[1]))
            """;

    @Test
    void labelFittedBlocksOfAFoldUseOnlyItsFitRows(@TempDir Path work) throws Exception {
        assertChecksPass(work, List.of("feature/target_encoding.py", "feature/tfidf_word.py"), LABEL_CHECKS,
                List.of("held-out labels unused", "label blocks differ by fold"));
    }

    /**
     * A whole table pipeline (one-hot categories + target encoding + logistic regression) on a high-cardinality category:
     * the labels written to input/ are pure noise, or follow the category. Target means computed once from every train row
     * gave out-of-fold AUCs of 0.73-0.80 on the noise (each held-out row's label sat in its category's mean, which the
     * one-hot intercepts pin down); fitted per fold, the noise scores at chance and the real signal is still found.
     */
    private static final String TABLE = """
            import os
            import numpy as np
            import pandas as pd
            folder = os.environ["AUTOMLGEN_INPUT"]
            os.makedirs(folder, exist_ok=True)
            rng = np.random.RandomState(1)
            n, m = 1000, 200
            codes = rng.randint(0, 200, n + m)  # about 5 train rows a category
            frame = pd.DataFrame({"id": np.arange(n + m), "city": ["c%d" % c for c in codes], "x": rng.rand(n + m)})
            chance = np.where(codes % 2 == 0, 0.75, 0.25) if SIGNAL else np.full(n + m, 0.5)
            frame["y"] = (rng.rand(n + m) < chance).astype(int)
            frame[:n].to_csv(os.path.join(folder, "train.csv"), index=False)
            frame[n:][["id", "city", "x"]].to_csv(os.path.join(folder, "test.csv"), index=False)
            frame[n:][["id"]].assign(y=0.5).to_csv(os.path.join(folder, "sample_submission.csv"), index=False)
            TASK_TYPE, METRIC, LOWER_IS_BETTER = "binary", "roc_auc", False
            ID_COLUMN, LABEL_COLUMNS, SUBMISSION_COLUMNS = "id", ["y"], ["y"]
            PREPROCESSING = [("preprocessing.one_hot_encoding", {"min_count": 1})]
            FEATURES = [("feature.target_encoding", {"smoothing": 10})]
            TRAINING, ENSEMBLE, POSTPROCESSING = [], [], []
            MODEL = ("model.logistic_regression", {"C": 10.0})
            VALIDATION = ("validation.stratified_kfold", {"folds": 5})
            BLEND, REFIT, N_CLASSES = None, False, 1
            """;

    @Test
    void targetEncodingOfANoiseCategoryScoresAtChanceOutOfFold(@TempDir Path work) throws Exception {
        assertTrue(pipelineAuc(work.resolve("noise"), false) < 0.58, "noise must score near chance out of fold");
        assertTrue(pipelineAuc(work.resolve("signal"), true) > 0.62, "a category that carries the label must still be found");
    }

    private static double pipelineAuc(Path work, boolean signal) throws Exception {
        Path script = work.resolve("solution.py");
        Files.createDirectories(work);
        Files.writeString(script, String.join("\n", "SIGNAL = " + (signal ? "True" : "False"), TABLE, "ROLES = {}",
                Template.load("common.py"), Template.load("preprocessing/one_hot_encoding.py"), Template.load("feature/target_encoding.py"),
                Template.load("model/logistic_regression.py"), Template.load("data/tabular_frame.py")));
        ScriptRun.Result run = ScriptRun.python(work, List.of(script.toString()), Map.of("AUTOMLGEN_INPUT", work.resolve("input").toString(),
                "AUTOMLGEN_OUTPUT", work.resolve("out").toString(), "AUTOMLGEN_CPUS", "1"), 300);
        assertEquals(0, run.exitCode(), run.output());
        Matcher auc = Pattern.compile("validation roc_auc = ([0-9.]+)").matcher(run.output());
        assertTrue(auc.find(), run.output());
        return Double.parseDouble(auc.group(1));
    }
}
