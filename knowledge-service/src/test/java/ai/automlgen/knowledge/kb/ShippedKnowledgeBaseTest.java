package ai.automlgen.knowledge.kb;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The schema over the real shipped base in src/main/resources/kb (README "Entity format"). */
class ShippedKnowledgeBaseTest {
    static final List<String> CORE_IDS = List.of("model.xgboost", "model.hist_gradient_boosting",
            "model.random_forest", "model.extra_trees", "model.logistic_regression", "model.ridge", "model.lasso",
            "model.elastic_net", "model.linear_svm", "model.svm_rbf", "model.knn", "model.multinomial_nb",
            "model.nb_svm", "model.sgd_linear", "model.mlp", "model.small_cnn", "model.kernel_ridge",
            "preprocessing.standard_scaler", "preprocessing.median_imputer", "preprocessing.one_hot_encoding",
            "preprocessing.ordinal_encoding", "preprocessing.log_target", "preprocessing.quantile_transform",
            "preprocessing.image_resize_normalize", "feature.tfidf_word", "feature.tfidf_char",
            "feature.text_meta_features", "feature.target_encoding", "feature.frequency_encoding",
            "feature.feature_crosses", "feature.pixel_neighbourhood", "feature.hog", "feature.datetime_parts",
            "feature.string_split", "feature.group_aggregates", "feature.image_color_stats", "feature.geometry_xyz",
            "augmentation.flip_rotate", "validation.stratified_kfold", "validation.kfold", "validation.group_kfold",
            "validation.holdout", "ensembling.mean_blend", "ensembling.rank_average", "ensembling.stacking_logistic",
            "ensembling.weighted_blend", "strategy.early_stopping", "strategy.refit_full_data",
            "strategy.clip_probabilities", "strategy.temperature_scaling", "strategy.pseudo_labelling", "strategy.tta", "strategy.class_weighting",
            "strategy.threshold_tuning", "strategy.optuna_tuning", "pitfall.missing_values_in_estimator",
            "pitfall.string_to_float", "pitfall.out_of_memory", "pitfall.shape_mismatch", "pitfall.key_error_column",
            "pitfall.unseen_categories", "pitfall.negative_values_rmsle", "pitfall.probability_row_sum",
            "pitfall.timeout", "pitfall.convergence_warning", "pitfall.file_not_found", "pitfall.cuda_unavailable",
            "pitfall.label_dtype_mismatch", "pitfall.module_not_found");
    private static final Path SOURCE_KB = Path.of("src/main/resources/kb");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private static KnowledgeBase base;

    @BeforeAll
    static void load() {
        base = KnowledgeBase.of(KnowledgeBaseLoader.readShipped());
    }

    private static String list(List<?> problems) {
        return problems.stream().map(Object::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    @Test
    void everyEntityFileIsInTheBuildIndex() throws IOException {
        assumeTrue(Files.isDirectory(SOURCE_KB), "runs from the module directory");
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(SOURCE_KB)) {
            onDisk = files.filter(Files::isRegularFile)
                    .map(p -> "kb/" + SOURCE_KB.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        assertEquals(onDisk, KnowledgeBaseLoader.shippedFiles().stream().sorted().toList(),
                "every file under kb/ must be a .yaml entity file listed in kb-index.txt (rebuild with Maven)");
    }

    @Test
    void everyShippedEntityPassesTheSchema() {
        assertEquals(List.of(), base.problems(), () -> "schema problems:" + list(base.problems()));
    }

    @Test
    void everyTemplateCompilesAndImportsOnlyListedRuntimePackages() {
        assumeTrue(Files.isExecutable(PYTHON), "needs " + PYTHON);
        List<LoadProblem> problems = new PythonEntityCheck(PYTHON, 300).check(base.entities());
        assertEquals(List.of(), problems, () -> "Python problems:" + list(problems));
    }

    @Test
    void pythonCheckCatchesASyntaxErrorAndAForeignImport() {
        assumeTrue(Files.isExecutable(PYTHON), "needs " + PYTHON);
        Entity broken = new Entity("model.broken", "model", "model", "t", List.of(), List.of(), "s", "u", "a",
                List.of(), List.of("numpy"), "import lightgbm\nimport numpy as np\n", List.of(), "", List.of(),
                List.of(), "x.yaml");
        Entity syntax = new Entity("model.syntax", "model", "model", "t", List.of(), List.of(), "s", "u", "a",
                List.of(), List.of(), "def f(:\n", List.of(), "", List.of(), List.of(), "x.yaml");
        List<String> problems = new PythonEntityCheck(PYTHON, 60).check(List.of(broken, syntax)).stream()
                .map(LoadProblem::toString).toList();
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("x.yaml: entity model.broken: field template: imports 'lightgbm', "
                + "which is not in the runtime"), problems.get(0));
        assertTrue(problems.get(1).startsWith("x.yaml: entity model.syntax: field template: rendered template does "
                + "not compile: line 1"), problems.get(1));
    }

    @Test
    void coreIdsExist() {
        List<String> missing = CORE_IDS.stream().filter(id -> base.find(id).isEmpty()).toList();
        assertEquals(List.of(), missing, "core ids the knowledge coder references are missing");
    }

    @Test
    void baseHasAtLeast600Entities() {
        assertTrue(base.size() >= 600, "the knowledge base has " + base.size() + " valid entities; it needs 600");
    }

    @Test
    void everyKindHasWhenToUseExceptPitfallsWhichHaveAFix() {
        for (Entity e : base.entities()) {
            assertTrue(e.kind().equals("pitfall") ? !e.fix().isEmpty() : !e.whenToUse().isEmpty(), e.id());
        }
    }
}
