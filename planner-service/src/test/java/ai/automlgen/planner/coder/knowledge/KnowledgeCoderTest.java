package ai.automlgen.planner.coder.knowledge;

import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.TaskInfo;
import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.CodeResult;
import ai.automlgen.planner.coder.CoderException;
import ai.automlgen.planner.coder.NodeContext;
import ai.automlgen.planner.coder.Operator;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operator behaviour as spec edits, without running Python (the bench test runs the code). */
class KnowledgeCoderTest {
    private static final TaskInfo TABULAR = new TaskInfo("ships", "tabular", "binary", "accuracy", false, "PassengerId",
            List.of("Transported"), List.of("Transported"), Map.of("train", "train.csv"), "Predict who was transported.", "");
    private static final TaskInfo TEXT = new TaskInfo("authors", "text", "multiclass", "multi_class_log_loss", true, "id",
            List.of("author"), List.of("EAP", "HPL", "MWS"), Map.of("train", "train.csv"), "Who wrote each sentence?", "");
    private static final TaskInfo PATENTS = new TaskInfo("patents", "text", "similarity_regression", "pearson", false, "id",
            List.of("score"), List.of("score"), Map.of("train", "train.csv"), "How similar are two phrases?", "");
    private static final TaskInfo TWEETS = new TaskInfo("tweets", "text", "span_extraction", "jaccard_word_mean", false, "textID",
            List.of("selected_text"), List.of("selected_text"), Map.of(), "", "");
    private static final PreparedInputs INPUTS = new PreparedInputs("/runs/r/input", Map.of("train", "train.csv", "valid", "valid.csv",
            "test", "test.csv", "sample_submission", "sample_submission.csv", "valid_sample_submission", "valid_sample_submission.csv"),
            6000, 1500, 900);
    private final KnowledgeCoder coder = new KnowledgeCoder();

    private CodeResult write(Operator operator, TaskInfo task, NodeContext parent, List<NodeContext> siblings, List<NodeContext> references,
                             List<NodeContext> trajectory, List<String> knowledge, long seed) {
        return coder.write(new CodeRequest(operator, task, INPUTS, parent, siblings, references, trajectory, knowledge, seed, null));
    }

    private static NodeContext node(String id, CodeResult result, Double score) {
        return new NodeContext(id, "draft", result.code(), result.spec(), result.plan(), score, score == null, "");
    }

    private static PipelineSpec spec(CodeResult result) {
        return PipelineSpec.fromJson(result.spec());
    }

    @Test
    void tabularDraftIsBoostingWithStructuredColumnFeatures() {
        CodeResult draft = write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 1);
        assertEquals("model.xgboost", spec(draft).model().id());
        assertTrue(spec(draft).has("feature.string_split"));
        assertTrue(spec(draft).has("strategy.threshold_tuning"), "accuracy needs a tuned threshold for hard labels");
        assertTrue(draft.code().contains("MODEL = (\"model.xgboost\""));
        assertTrue(draft.code().contains("def make_xgboost"));
        assertFalse(draft.code().contains("def make_knn"), "only the templates the spec uses are rendered");
    }

    @Test
    void textClassificationDraftsStackTextModelsThenFitLogisticRegressionOnTfidf() {
        CodeResult first = write(Operator.DRAFT, TEXT, null, List.of(), List.of(), List.of(), List.of(), 1);
        assertEquals("model.logistic_regression", spec(first).model().id());
        assertEquals(List.of("feature.text_stack"), spec(first).features().stream().map(Component::id).toList());
        assertTrue(spec(first).has("strategy.clip_probabilities") && spec(first).has("strategy.temperature_scaling"),
                "log loss needs probabilities calibrated on out-of-fold rows");
        assertTrue(first.code().contains("def feature_text_stack"));
        PipelineSpec second = spec(write(Operator.DRAFT, TEXT, null, List.of(node("a", first, 0.3)), List.of(), List.of(), List.of(), 1));
        assertEquals("model.logistic_regression", second.model().id(), "the stacker and the plain model are different drafts");
        assertTrue(second.has("feature.tfidf_word") && second.has("feature.tfidf_char"));
        assertFalse(second.has("feature.text_stack"));
    }

    @Test
    void textRegressionDraftsDoNotStackClassifiers() {
        TaskInfo scores = new TaskInfo("essays", "text", "regression", "rmse", true, "id", List.of("score"), List.of("score"),
                Map.of("train", "train.csv"), "Score each essay.", "");
        assertTrue(Drafts.candidates(TaskProfile.of(scores, INPUTS)).stream().noneMatch(d -> d.spec().has("feature.text_stack")));
    }

    @Test
    void draftDiffersFromSiblingDrafts() {
        CodeResult first = write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 1);
        CodeResult second = write(Operator.DRAFT, TABULAR, null, List.of(node("a", first, 0.8)), List.of(), List.of(), List.of(), 1);
        assertNotEquals(spec(first).model().id(), spec(second).model().id());
    }

    @Test
    void draftPrefersModelsTheKnowledgeRetrievalRankedFirst() {
        CodeResult draft = write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(),
                List.of("model.random_forest", "model.xgboost"), 1);
        assertEquals("model.random_forest", spec(draft).model().id());
    }

    @Test
    void aStackRanksAsHighAsTheBaseModelsItTrains() {
        // retrieval ranks naive Bayes above NB-SVM and never names the stacker (a logistic regression)
        List<String> knowledge = List.of("model.multinomial_nb", "model.nb_svm");
        assertTrue(spec(write(Operator.DRAFT, TEXT, null, List.of(), List.of(), List.of(), knowledge, 1)).has("feature.text_stack"));
        PipelineSpec nbSvmFirst = spec(write(Operator.DRAFT, TEXT, null, List.of(), List.of(), List.of(),
                List.of("model.nb_svm", "model.multinomial_nb"), 1));
        assertEquals("model.nb_svm", nbSvmFirst.model().id(), "a model ranked above every base model of the stack leads");
    }

    @Test
    void sameRequestWritesTheSameCode() {
        CodeResult draft = write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 3);
        NodeContext parent = node("d", draft, 0.8);
        CodeResult once = write(Operator.IMPROVE, TABULAR, parent, List.of(), List.of(), List.of(parent), List.of(), 3);
        CodeResult again = write(Operator.IMPROVE, TABULAR, parent, List.of(), List.of(), List.of(parent), List.of(), 3);
        assertEquals(once, again);
    }

    @Test
    void improveChangesOneModuleAndSaysWhat() {
        CodeResult draft = write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 1);
        NodeContext parent = node("d", draft, 0.8);
        for (long seed = 0; seed < 8; seed++) {
            CodeResult improved = write(Operator.IMPROVE, TABULAR, parent, List.of(), List.of(), List.of(parent), List.of(), seed);
            assertTrue(improved.plan().startsWith("improve: "), improved.plan());
            assertNotEquals(draft.spec(), improved.spec(), improved.plan());
        }
    }

    @Test
    void improveDoesNotRewriteAPipelineThatASiblingOrDraftAlreadyIs() {
        CodeResult draft = write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 1);
        NodeContext parent = node("d", draft, 0.8);
        for (Map<String, String> params : List.of(Map.<String, String>of(), Map.of("coder.knowledge", "off"))) {
            for (long seed = 0; seed < 8; seed++) {
                CodeRequest alone = new CodeRequest(Operator.IMPROVE, TABULAR, INPUTS, parent, List.of(), List.of(),
                        List.of(parent), List.of(), seed, params);
                CodeResult first = coder.write(alone);
                // the same request, now with a node (a sibling improve, or a draft variant) that already is that pipeline
                NodeContext twin = new NodeContext("t", "improve", first.code(), first.spec(), first.plan(), 0.81, false, "");
                CodeResult second = coder.write(new CodeRequest(Operator.IMPROVE, TABULAR, INPUTS, parent, List.of(twin),
                        List.of(), List.of(parent), List.of(), seed, params));
                assertNotEquals(first.spec(), second.spec(), params + " seed " + seed + ": " + second.plan());
                assertNotEquals(draft.spec(), second.spec(), second.plan());
            }
        }
    }

    @Test
    void anOptunaTunedPipelineGetsNoHandTuningOfItsHyperparameters() {
        PipelineSpec draft = spec(write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 1));
        TaskProfile task = TaskProfile.of(TABULAR, INPUTS);
        assertFalse(Improvements.hyperparameters(draft, task).isEmpty());
        assertTrue(Improvements.candidates(draft, task).stream().anyMatch(e -> e.module().equals(Edit.HYPERPARAMETERS)));
        PipelineSpec tuned = draft.withTraining(PipelineSpec.plus(draft.training(), Component.of("strategy.optuna_tuning", "seconds", 90)));
        List<Edit> edits = Improvements.candidates(tuned, task);
        assertFalse(edits.isEmpty());
        assertTrue(edits.stream().noneMatch(e -> e.module().equals(Edit.HYPERPARAMETERS)), edits.toString());
    }

    @Test
    void aModelThatDensifiesItsInputGetsNoLargeTextVocabulary() {
        // random-acts-of-pizza at 20 minutes: char TF-IDF (88,888 terms) on HistGradientBoosting was killed at 6 GB, twice
        PipelineSpec draft = spec(write(Operator.DRAFT, TEXT, null, List.of(), List.of(), List.of(), List.of(), 1));
        PipelineSpec boosted = draft.withModel(Component.of("model.hist_gradient_boosting"))
                .withFeatures(List.of(Component.of("feature.text_meta_features")));
        List<Component> added = Improvements.candidates(boosted, TaskProfile.of(TEXT, INPUTS)).stream()
                .flatMap(e -> e.spec().features().stream()).filter(c -> c.id().startsWith("feature.tfidf")).toList();
        assertFalse(added.isEmpty());
        assertTrue(added.stream().noneMatch(c -> c.id().equals("feature.tfidf_char")), added.toString());
        assertTrue(added.stream().allMatch(c -> c.number("max_features", 0) <= 3000), added.toString());
    }

    @Test
    void onlyModelsWithASearchSpaceAreOfferedOptunaTuning() {
        assertTrue(Models.tunable(Component.of("model.xgboost")) && Models.tunable(Component.of("model.logistic_regression"))
                && Models.tunable(Component.of("model.random_forest")));
        assertFalse(Models.tunable(Component.of("model.mlp")) || Models.tunable(Component.of("model.svm_rbf"))
                || Models.tunable(Component.of("model.extra_trees")));
        assertFalse(Models.tunable(Component.of("model.no_such_model")));
        PipelineSpec draft = spec(write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 1));
        TaskProfile task = TaskProfile.of(TABULAR, INPUTS);
        assertTrue(Improvements.candidates(draft, task).stream().anyMatch(e -> e.plan().contains("with Optuna")));
        PipelineSpec mlp = draft.withModel(Component.of("model.mlp"));
        assertTrue(Improvements.candidates(mlp, task).stream().noneMatch(e -> e.plan().contains("with Optuna")));
    }

    @Test
    void aTableWhoseScriptFoundNoCategoricalColumnGetsNoCategoryEncodings() {
        CodeResult draft = write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 1);
        String log = "[    0.0s] train (1728, 14), valid (432, 12), test (240, 12), refit=False\n"
                + "[    0.0s] 11 numeric columns: spacegroup, number_of_total_atoms\n[    0.0s] %d categorical columns\n";
        for (long seed = 0; seed < 40; seed++) {
            NodeContext numeric = new NodeContext("d", "draft", draft.code(), draft.spec(), draft.plan(), 0.8, false, log.formatted(0));
            assertFalse(write(Operator.IMPROVE, TABULAR, numeric, List.of(), List.of(), List.of(numeric), List.of(), seed).plan()
                    .contains("target encoding"));
        }
        PipelineSpec spec = spec(draft);
        TaskProfile task = TaskProfile.of(TABULAR, INPUTS);
        assertTrue(Improvements.candidates(spec, task).stream().anyMatch(e -> e.plan().equals("add target encoding")), "before any run: offered");
        assertTrue(Improvements.candidates(spec, task.seenIn(log.formatted(3))).stream().anyMatch(e -> e.plan().equals("add target encoding")));
        assertTrue(Improvements.candidates(spec, task.seenIn(log.formatted(0))).stream().noneMatch(e -> e.plan().equals("add target encoding")));
        assertEquals(task, task.seenIn("Traceback (most recent call last):\nValueError: boom"), "a log that does not say changes nothing");
    }

    @Test
    void featureBlocksTheScriptFoundNothingForAreNotProposed() {
        PipelineSpec plain = spec(write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 1)).withFeatures(List.of());
        TaskProfile task = TaskProfile.of(TABULAR, INPUTS);
        List<String> before = Improvements.candidates(plain, task).stream().map(Edit::plan).toList();
        assertTrue(before.containsAll(List.of("add string split", "add group aggregates")), "before any run: offered " + before);
        String log = "[    0.1s] 2 categorical columns: anchor, context\n"
                + "[    0.2s] feature blocks with nothing to build on this table: feature.string_split, feature.group_aggregates\n";
        TaskProfile seen = task.seenIn(log);
        List<String> after = Improvements.candidates(plain, seen).stream().map(Edit::plan).toList();
        assertTrue(after.stream().noneMatch(plan -> plan.equals("add string split") || plan.equals("add group aggregates")), after.toString());
        assertTrue(after.contains("add frequency encoding"), "blocks the log does not name are still offered: " + after);
        assertEquals(seen, seen.seenIn("[    0.0s] 2 categorical columns\n"), "a later log that does not name blocks keeps what was seen");
    }

    @Test
    void spanTasksGetTheFineTunedEncoderLastAndTuneItByEpochsAndLayersNotByTheTokenWindow() {
        TaskProfile task = TaskProfile.of(TWEETS, INPUTS);
        List<Drafts.Draft> drafts = Drafts.candidates(task);
        PipelineSpec encoder = drafts.get(drafts.size() - 1).spec();
        assertEquals("model.span_encoder", encoder.model().id(), "minutes of fine-tuning come after the cheap drafts");
        assertTrue(Models.extractsSpans(encoder.model()));
        assertTrue(drafts.subList(0, drafts.size() - 1).stream().noneMatch(d -> Models.extractsSpans(d.spec().model())));
        List<String> plans = Improvements.candidates(encoder, task).stream().map(Edit::plan).toList();
        assertTrue(plans.contains("fine-tune the span encoder for 2 epochs"), plans.toString());
        assertTrue(plans.contains("fine-tune 4 of the encoder's 6 layers"), plans.toString());
        assertTrue(plans.stream().noneMatch(p -> p.contains("token context window")), "the encoder reads the whole text: " + plans);
        assertTrue(plans.stream().noneMatch(p -> p.contains("TF-IDF")), plans.toString());
        assertTrue(plans.stream().noneMatch(p -> p.startsWith("swap")),
                "the encoder is what the branch is for, not swapped for a token scorer another draft trains: " + plans);
        PipelineSpec logistic = drafts.get(0).spec();
        assertTrue(Improvements.candidates(logistic, task).stream().anyMatch(e -> e.plan().contains("token context window")));
        PipelineSpec allLayers = encoder.withModel(encoder.model().with("frozen_layers", 0));
        assertTrue(Improvements.candidates(allLayers, task).stream().noneMatch(e -> e.plan().contains("of the encoder's 6 layers")));
    }

    @Test
    void anEditThatMadeTheBranchWorseIsNotRepeatedWithOtherNumbers() {
        List<Drafts.Draft> drafts = Drafts.candidates(TaskProfile.of(TWEETS, INPUTS));
        PipelineSpec encoder = drafts.get(drafts.size() - 1).spec();
        NodeContext draft = new NodeContext("d", "draft", "", encoder.toJson(), "draft: the span encoder", 0.6916, false, "");
        NodeContext two = new NodeContext("a", "improve", "", encoder.withModel(encoder.model().with("epochs", 2)).toJson(),
                "improve: fine-tune the span encoder for 2 epochs", 0.6951, false, "");
        NodeContext three = new NodeContext("b", "improve", "", encoder.withModel(encoder.model().with("epochs", 3)).toJson(),
                "improve: fine-tune the span encoder for 3 epochs", 0.6904, false, "");
        Set<String> afterTwo = new HashSet<>();
        Set<String> afterThree = new HashSet<>();
        for (long seed = 0; seed < 8; seed++) {
            afterTwo.add(write(Operator.IMPROVE, TWEETS, two, List.of(), List.of(), List.of(draft, two), List.of(), seed).plan());
            afterThree.add(write(Operator.IMPROVE, TWEETS, three, List.of(), List.of(), List.of(draft, two, three), List.of(), seed).plan());
        }
        assertTrue(afterTwo.contains("improve: fine-tune the span encoder for 3 epochs"), "a step that helped may go on: " + afterTwo);
        assertEquals(Set.of("improve: undo 'fine-tune the span encoder for 3 epochs' (-0.0047); then fine-tune 4 of the encoder's 6 layers"),
                afterThree, "3 epochs hurt, so 4 would too");
        CodeResult evolved = write(Operator.EVOLUTION, TWEETS, three, List.of(), List.of(), List.of(draft, two, three), List.of(), 1);
        assertTrue(evolved.plan().endsWith("then fine-tune 4 of the encoder's 6 layers"), evolved.plan());
    }

    @Test
    void anImprovementOfAStepThatMadeTheBranchWorseGoesOnFromThePipelineBeforeIt() {
        PipelineSpec linear = Drafts.candidates(TaskProfile.of(TABULAR, INPUTS)).stream().map(Drafts.Draft::spec)
                .filter(spec -> spec.model().id().equals("model.logistic_regression")).findFirst().orElseThrow();
        PipelineSpec pseudo = linear.withTraining(PipelineSpec.plus(linear.training(), Component.of("strategy.pseudo_labelling", "share", 0.3)));
        NodeContext draft = new NodeContext("d", "draft", "", linear.toJson(), "draft: logistic regression", 0.8158, false, "");
        NodeContext worse = new NodeContext("a", "improve", "", pseudo.toJson(), "improve: pseudo-label the unlabelled rows", 0.7487, false, "");
        NodeContext better = new NodeContext("a", "improve", "", pseudo.toJson(), "improve: pseudo-label the unlabelled rows", 0.8200, false, "");
        for (long seed = 0; seed < 8; seed++) {
            CodeResult afterWorse = write(Operator.IMPROVE, TABULAR, worse, List.of(), List.of(), List.of(draft, worse), List.of(), seed);
            assertTrue(afterWorse.plan().startsWith("improve: undo 'pseudo-label the unlabelled rows' (-0.0671); then "), afterWorse.plan());
            assertFalse(spec(afterWorse).has("strategy.pseudo_labelling"), afterWorse.spec());
            assertNotEquals(linear, spec(afterWorse), "the undone step comes with a change of its own");
            CodeResult afterBetter = write(Operator.IMPROVE, TABULAR, better, List.of(), List.of(), List.of(draft, better), List.of(), seed);
            assertFalse(afterBetter.plan().contains("undo"), afterBetter.plan());
            assertTrue(spec(afterBetter).has("strategy.pseudo_labelling"), afterBetter.spec());
        }
    }

    @Test
    void anEditThatBarelyMovedTheScoreIsNotRepeatedWithOtherNumbers() {
        PipelineSpec forest = Drafts.candidates(TaskProfile.of(TABULAR, INPUTS)).stream().map(Drafts.Draft::spec)
                .filter(spec -> spec.model().id().equals("model.random_forest")).findFirst().orElseThrow();
        NodeContext draft = new NodeContext("d", "draft", "", forest.toJson(), "draft: random forest", 0.8000, false, "");
        String grown = forest.withModel(forest.model().with("n_estimators", 1000)).toJson();
        NodeContext flat = new NodeContext("a", "improve", "", grown, "improve: grow 1000 trees", 0.80003, false, "");
        NodeContext helped = new NodeContext("a", "improve", "", grown, "improve: grow 1000 trees", 0.8100, false, "");
        Set<String> afterFlat = new HashSet<>();
        Set<String> afterHelped = new HashSet<>();
        for (long seed = 0; seed < 16; seed++) {
            afterFlat.add(write(Operator.IMPROVE, TABULAR, flat, List.of(), List.of(), List.of(draft, flat), List.of(), seed).plan());
            afterHelped.add(write(Operator.IMPROVE, TABULAR, helped, List.of(), List.of(), List.of(draft, helped), List.of(), seed).plan());
        }
        assertTrue(afterHelped.contains("improve: grow 2000 trees"), "a step that helped may go on: " + afterHelped);
        assertFalse(afterFlat.contains("improve: grow 2000 trees"), "1000 trees moved the score by 0.00003: " + afterFlat);
    }

    @Test
    void regularisationMovesOnALadderSoAStepBackIsThePipelineBeforeIt() {
        assertEquals(List.of(3.0, 0.3, 1.0, 0.01, 3.0e-5, 10.0, 3.0), List.of(Improvements.rungAbove(1.0), Improvements.rungBelow(1.0),
                Improvements.rungAbove(0.3), Improvements.rungBelow(0.03), Improvements.rungAbove(1e-5), Improvements.rungAbove(4),
                Improvements.rungBelow(4)));
        PipelineSpec linear = Drafts.candidates(TaskProfile.of(TABULAR, INPUTS)).stream().map(Drafts.Draft::spec)
                .filter(spec -> spec.model().id().equals("model.logistic_regression")).findFirst().orElseThrow();
        Edit lower = Improvements.candidates(linear, TaskProfile.of(TABULAR, INPUTS)).stream()
                .filter(e -> e.plan().startsWith("lower C 1.0 → 0.3")).findFirst().orElseThrow();
        Edit back = Improvements.candidates(lower.spec(), TaskProfile.of(TABULAR, INPUTS)).stream()
                .filter(e -> e.plan().startsWith("raise C 0.3 → 1.0")).findFirst().orElseThrow();
        assertEquals(linear, back.spec(), "raising after lowering is the branch's earlier pipeline, which an improvement leaves out");
        NodeContext draft = new NodeContext("d", "draft", "", linear.toJson(), "draft: logistic regression", 0.80, false, "");
        NodeContext lowered = new NodeContext("a", "improve", "", lower.spec().toJson(), "improve: " + lower.plan(), 0.79, false, "");
        for (long seed = 0; seed < 16; seed++) {
            String plan = write(Operator.IMPROVE, TABULAR, lowered, List.of(), List.of(), List.of(draft, lowered), List.of(), seed).plan();
            assertFalse(plan.contains("raise C 0.3 → 1.0"), plan);
        }
    }

    @Test
    void phrasePairsGetPretrainedEmbeddingsTheCheapWayFirst() {
        TaskProfile task = TaskProfile.of(PATENTS, INPUTS);
        List<Drafts.Draft> drafts = Drafts.candidates(task);
        for (Drafts.Draft draft : drafts) {
            Component embeddings = Improvements.feature(draft.spec(), "feature.phrase_embeddings");
            assertTrue(draft.spec().has(embeddings.id()), draft.plan());
            // 768 product/difference columns cost trees minutes per fit; a linear model takes them in seconds
            assertEquals(Models.SCALED.contains(draft.spec().model().id()), embeddings.params().get("vectors"), draft.plan());
        }
        PipelineSpec trees = drafts.get(0).spec();
        assertTrue(Improvements.candidates(trees, task).stream().anyMatch(e -> e.plan().startsWith("add the phrase embeddings' product")
                && Boolean.TRUE.equals(Improvements.feature(e.spec(), "feature.phrase_embeddings").params().get("vectors"))));
        PipelineSpec forest = drafts.stream().map(Drafts.Draft::spec).filter(d -> d.model().id().equals("model.random_forest")).findFirst().orElseThrow();
        assertTrue(Improvements.candidates(forest, task).stream().noneMatch(e -> e.plan().startsWith("add the phrase embeddings' product")),
                "a random forest on 768 more columns ran past its time limit on us-patent");
        PipelineSpec without = trees.withFeatures(trees.features().stream().filter(c -> !c.id().equals("feature.phrase_embeddings")).toList());
        assertTrue(Improvements.candidates(without, task).stream().anyMatch(e -> e.plan().equals("add the phrases' MiniLM embedding cosine")));
        TaskProfile noEncoder = task.seenIn("[    0.2s] feature blocks with nothing to build on this table: feature.phrase_embeddings\n");
        assertTrue(Improvements.candidates(without, noEncoder).stream().noneMatch(e -> e.plan().contains("embedding")),
                "an executor without the encoder is not asked for it again");
    }

    @Test
    void phrasePairsGetAFineTunedCrossEncoderBlendedWithBoostingLastOnOneHoldoutFit() {
        TaskProfile task = TaskProfile.of(PATENTS, INPUTS);
        List<Drafts.Draft> drafts = Drafts.candidates(task);
        PipelineSpec encoder = drafts.get(drafts.size() - 1).spec();
        assertEquals("model.pair_encoder", encoder.model().id(), "minutes of fine-tuning come after the cheap drafts");
        assertTrue(Models.readsText(encoder.model()));
        assertTrue(drafts.subList(0, drafts.size() - 1).stream().noneMatch(d -> Models.readsText(d.spec().model())));
        assertEquals("validation.holdout", encoder.validation().id(), "one fine-tune per node, not one per fold");
        assertEquals(List.of("model.xgboost"), encoder.ensemble().stream().map(Component::id).toList());
        assertEquals("ensembling.weighted_blend", encoder.blend().id());
        assertFalse(Models.readsText(Component.of("model.xgboost")));

        List<Edit> edits = Improvements.candidates(encoder, task);
        List<String> plans = edits.stream().map(Edit::plan).toList();
        assertTrue(plans.contains("fine-tune the cross-encoder for 2 epochs"), plans.toString());
        assertTrue(plans.stream().noneMatch(p -> p.contains("of the encoder's 6 layers")), "every layer is fine-tuned already: " + plans);
        assertTrue(edits.stream().allMatch(e -> e.spec().model().id().equals("model.pair_encoder")),
                "the encoder is what the branch is for, not swapped for the model it blends: " + plans);
        assertTrue(plans.stream().noneMatch(p -> p.contains("cross-validation")), "five folds would be five fine-tunes: " + plans);
        assertTrue(edits.stream().anyMatch(e -> e.module().equals(Edit.FEATURES)), "features still help its blend partner: " + plans);
        PipelineSpec boosting = drafts.get(0).spec();
        assertFalse(Fusion.compatible(boosting, encoder.model()), "fused into k folds it would be fine-tuned k times");
        assertTrue(Fusion.compatible(boosting.withValidation(encoder.validation()), encoder.model()));

        String log = "[  474.8s] model.xgboost on score: validation pearson = 0.73489\n"
                + "[  474.8s] blend weights [0.6, 0.4] (out-of-fold score 0.78617)\n[  474.9s] done\n";
        PipelineSpec refit = KnowledgeCoder.refit(encoder, log);
        assertTrue(refit.refit());
        assertEquals(List.of(0.6, 0.4), refit.blend().params().get("weights"), "a holdout refit has no held-out rows to fit them on");
        assertEquals(encoder.withRefit(true), KnowledgeCoder.refit(encoder, log + log.replace("0.6, 0.4", "0.3, 0.7")),
                "several targets, several sets: none carried over");
        assertEquals(encoder.withRefit(true), KnowledgeCoder.refit(encoder, "[ 1.0s] done\n"));
        assertEquals(boosting.withRefit(true), KnowledgeCoder.refit(boosting, log), "nothing to weigh without a blend");

        TaskProfile noEncoder = task.seenIn("[    0.2s] feature blocks with nothing to build on this table: feature.phrase_embeddings\n");
        assertTrue(Drafts.candidates(noEncoder).stream().noneMatch(d -> Models.readsText(d.spec().model())),
                "an executor without the encoder gets no draft that needs it");
    }

    @Test
    void swappingToALinearModelAddsScalingAndOneHot() {
        PipelineSpec draft = spec(write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 1));
        Edit swap = Improvements.swapModel(draft, Component.of("model.logistic_regression", "C", 1.0), TaskProfile.of(TABULAR, INPUTS));
        assertEquals("swap XGBoost → LogisticRegression, C 1.0", swap.plan());
        assertTrue(swap.spec().has("preprocessing.standard_scaler") && swap.spec().has("preprocessing.one_hot_encoding"));
    }

    @Test
    void debugMapsNaNTracebackToImputation() {
        CodeResult draft = write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 1);
        NodeContext buggy = new NodeContext("b", "improve", draft.code(), draft.spec(), draft.plan(), null, true,
                "Traceback (most recent call last):\nValueError: Input X contains NaN.");
        CodeResult fixed = write(Operator.DEBUG, TABULAR, buggy, List.of(), List.of(), List.of(), List.of(), 1);
        assertTrue(fixed.plan().startsWith("debug: pitfall.missing_values_in_estimator"), fixed.plan());
        assertEquals("preprocessing.median_imputer", spec(fixed).preprocessing().get(0).id());
    }

    @Test
    void debugOfAnUnknownErrorDropsTheFeatureBlockTheTracebackPointsAt() {
        CodeResult stack = write(Operator.DRAFT, TEXT, null, List.of(), List.of(), List.of(), List.of(), 1);
        CodeResult draft = write(Operator.DRAFT, TEXT, null, List.of(node("s", stack, 0.3)), List.of(), List.of(), List.of(), 1);
        NodeContext buggy = new NodeContext("b", "draft", draft.code(), draft.spec(), draft.plan(), null, true,
                "  File \"solution.py\", line 300, in feature_tfidf_char\nZeroDivisionError: weird");
        CodeResult fixed = write(Operator.DEBUG, TEXT, buggy, List.of(), List.of(), List.of(), List.of(), 1);
        assertEquals("debug: unknown error in feature.tfidf_char: drop that feature block", fixed.plan());
        assertFalse(spec(fixed).has("feature.tfidf_char"));
    }

    @Test
    void debugOfAFailingTextStackFallsBackToTheNGramViewsItStacks() {
        CodeResult stack = write(Operator.DRAFT, TEXT, null, List.of(), List.of(), List.of(), List.of(), 1);
        assertTrue(spec(stack).has("feature.text_stack"), stack.plan());
        NodeContext buggy = new NodeContext("b", "draft", stack.code(), stack.spec(), stack.plan(), null, true,
                "  File \"solution.py\", line 300, in feature_text_stack\nZeroDivisionError: weird");
        CodeResult fixed = write(Operator.DEBUG, TEXT, buggy, List.of(), List.of(), List.of(), List.of(), 1);
        assertEquals("debug: unknown error in feature.text_stack: use word and char TF-IDF directly", fixed.plan());
        assertEquals(List.of("feature.tfidf_word", "feature.tfidf_char"),
                spec(fixed).features().stream().map(Component::id).toList());
    }

    @Test
    void improvementsOfATextStackStayTextEdits() {
        CodeResult stack = write(Operator.DRAFT, TEXT, null, List.of(), List.of(), List.of(), List.of(), 1);
        NodeContext parent = node("s", stack, 0.3);
        for (long seed = 0; seed < 12; seed++) {
            CodeResult improved = write(Operator.IMPROVE, TEXT, parent, List.of(), List.of(), List.of(parent), List.of(), seed);
            assertFalse(improved.plan().contains("frequency encoding") || improved.plan().contains("string split"),
                    improved.plan());
        }
    }

    @Test
    void evolutionUndoesALastStepThatHurt() {
        CodeResult draft = write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 1);
        PipelineSpec withCrosses = spec(draft).withFeatures(PipelineSpec.plus(spec(draft).features(), Component.of("feature.feature_crosses")));
        NodeContext root = node("d", draft, 0.80);
        NodeContext worse = new NodeContext("i", "improve", "", withCrosses.toJson(), "improve: add feature crosses", 0.77, false, "");
        CodeResult evolved = write(Operator.EVOLUTION, TABULAR, worse, List.of(), List.of(), List.of(root, worse), List.of(), 1);
        assertTrue(evolved.plan().startsWith("evolution: undo 'add feature crosses' (-0.0300)"), evolved.plan());
        assertFalse(spec(evolved).has("feature.feature_crosses"));
    }

    @Test
    void evolutionDropsAnEarlierChangeThatHurtAndKeepsWhatHelped() {
        CodeResult draft = write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 1);
        PipelineSpec withCrosses = spec(draft).withFeatures(PipelineSpec.plus(spec(draft).features(), Component.of("feature.feature_crosses")));
        PipelineSpec tuned = withCrosses.withModel(withCrosses.model().with("max_depth", 3));
        NodeContext root = node("d", draft, 0.80);
        NodeContext worse = new NodeContext("i", "improve", "", withCrosses.toJson(), "improve: add feature crosses", 0.77, false, "");
        NodeContext better = new NodeContext("j", "improve", "", tuned.toJson(), "improve: set xgboost depth 5 → 3", 0.79, false, "");
        CodeResult evolved = write(Operator.EVOLUTION, TABULAR, better, List.of(), List.of(), List.of(root, worse, better), List.of(), 1);
        assertTrue(evolved.plan().contains("drop feature.feature_crosses (-0.0300)"), evolved.plan());
        assertTrue(evolved.plan().contains("keep set xgboost depth 5 → 3 (+0.0200)"), evolved.plan());
        assertFalse(spec(evolved).has("feature.feature_crosses"));
        assertEquals(3, (int) spec(evolved).model().number("max_depth", 0));
    }

    @Test
    void fusionBorrowsAFeatureBlockFromTheBestReference() {
        PipelineSpec parent = spec(write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 1));
        PipelineSpec other = parent.withFeatures(PipelineSpec.plus(parent.features(), Component.of("feature.target_encoding")));
        NodeContext reference = new NodeContext("r", "improve", "", other.toJson(), "", 0.83, false, "");
        CodeResult fused = write(Operator.FUSION, TABULAR, new NodeContext("p", "draft", "", parent.toJson(), "", 0.8, false, ""),
                List.of(), List.of(reference), List.of(), List.of(), 1);
        assertEquals("fusion: borrow feature.target_encoding from node r", fused.plan());
    }

    @Test
    void aggregationBlendsTheBranchesBestModels() {
        CodeResult first = write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 1);
        CodeResult second = write(Operator.DRAFT, TABULAR, null, List.of(node("a", first, 0.8)), List.of(), List.of(), List.of(), 1);
        CodeResult combined = write(Operator.AGGREGATION, TABULAR, null, List.of(), List.of(node("a", first, 0.80), node("b", second, 0.82)),
                List.of(), List.of(), 1);
        PipelineSpec spec = spec(combined);
        assertEquals(spec(second).model().id(), spec.model().id(), "the best branch leads");
        assertEquals(List.of(spec(first).model().id()), spec.ensemble().stream().map(Component::id).toList());
        assertEquals("ensembling.weighted_blend", spec.blend().id());
    }

    @Test
    void refitKeepsTheSpecAndTrainsOnEverything() {
        CodeResult draft = write(Operator.DRAFT, TABULAR, null, List.of(), List.of(), List.of(), List.of(), 1);
        CodeResult refit = write(Operator.REFIT, TABULAR, node("d", draft, 0.8), List.of(), List.of(), List.of(), List.of(), 1);
        assertEquals(spec(draft).withRefit(true), spec(refit));
        assertTrue(refit.code().contains("REFIT = True"));
    }

    @Test
    void improvingANodeWithoutSpecSaysWhatToDo() {
        NodeContext foreign = new NodeContext("x", "draft", "print(1)", null, "", 0.5, false, "");
        CoderException error = assertThrows(CoderException.class,
                () -> write(Operator.IMPROVE, TABULAR, foreign, List.of(), List.of(), List.of(), List.of(), 1));
        assertTrue(error.getMessage().contains("draft a new node"), error.getMessage());
    }

    @Test
    void specSurvivesJsonRoundTrip() {
        PipelineSpec spec = spec(write(Operator.DRAFT, TEXT, null, List.of(), List.of(), List.of(), List.of(), 1));
        assertEquals(spec, PipelineSpec.fromJson(spec.toJson()));
    }

    @Test
    void eachTaskShapeGetsItsOwnPipelineFamily() {
        PreparedInputs pages = new PreparedInputs("/in", Map.of("train_images", "train_images", "train_targets", "train_targets",
                "test_images", "test_images", "sample_submission", "s.csv"), 92, 23, 29);
        TaskInfo denoise = new TaskInfo("pages", "image", "image_to_image", "rmse_pixels", true, "id", List.of(), List.of("value"),
                Map.of(), "", "");
        TaskInfo span = new TaskInfo("tweets", "text", "span_extraction", "jaccard_word_mean", false, "textID",
                List.of("selected_text"), List.of("selected_text"), Map.of(), "", "");
        TaskInfo cactus = new TaskInfo("cactus", "image", "binary", "roc_auc", false, "id", List.of("has_cactus"),
                List.of("has_cactus"), Map.of(), "", "");
        PreparedInputs images = new PreparedInputs("/in", Map.of("train", "train.csv", "train_images", "train_images"), 11000, 2800, 3300);
        assertEquals("data.image_pairs", spec(coder.write(new CodeRequest(Operator.DRAFT, denoise, pages, null, null, null, null, null, 1, null))).data().id());
        assertEquals("data.span_text", spec(coder.write(new CodeRequest(Operator.DRAFT, span, INPUTS, null, null, null, null, null, 1, null))).data().id());
        CodeResult cnn = coder.write(new CodeRequest(Operator.DRAFT, cactus, images, null, null, null, null, null, 1, null));
        assertEquals("model.small_cnn", spec(cnn).model().id());
        CodeResult classical = coder.write(new CodeRequest(Operator.DRAFT, cactus, images, null, List.of(node("a", cnn, 0.9)), null, null, null, 1, null));
        assertTrue(spec(classical).has("feature.hog"), classical.plan());
    }

    @Test
    void manyClassTablesWithRowImagesDraftLinearModelsOnColumnsAndImageShapes() {
        TaskInfo leaves = new TaskInfo("leaves", "mixed", "multiclass", "multi_class_log_loss", true, "id", List.of("species"),
                java.util.stream.IntStream.range(0, 40).mapToObj(i -> "s" + i).toList(), Map.of("train", "train.csv", "images", "images"), "", "");
        PreparedInputs inputs = new PreparedInputs("/in", Map.of("train", "train.csv", "valid", "valid.csv", "test", "test.csv",
                "images", "images"), 700, 180, 600);
        CodeResult draft = coder.write(new CodeRequest(Operator.DRAFT, leaves, inputs, null, null, null, null, null, 1, null));
        assertEquals("model.logistic_regression", spec(draft).model().id());
        assertEquals(List.of("feature.shape_region_props"), spec(draft).features().stream().map(Component::id).toList());
        assertTrue(draft.code().contains("def feature_shape_region_props"));
        assertEquals(List.of("model.lda_classifier"), spec(draft).ensemble().stream().map(Component::id).toList(), "blended with LDA");
        assertEquals("ensembling.weighted_blend", spec(draft).blend().id());
        assertEquals(1000.0, spec(draft).model().number("C", 0), 0.0, "few rows per class: a lightly regularised multinomial fit");
        assertEquals(List.of("preprocessing.median_imputer", "preprocessing.power_transform", "preprocessing.standard_scaler",
                "preprocessing.one_hot_encoding"), spec(draft).preprocessing().stream().map(Component::id).toList(), "skewed columns powered before scaling");
        assertTrue(draft.code().contains("def preprocessing_power_transform"));
        assertTrue(Drafts.candidates(TaskProfile.of(TABULAR, INPUTS)).stream().noneMatch(d -> d.spec().has("preprocessing.power_transform")),
                "tables with few classes keep plain standardisation");
        CodeResult plain = write(Operator.DRAFT, TEXT, null, List.of(), List.of(), List.of(), List.of(), 1);
        assertFalse(spec(plain).has("feature.shape_region_props"), "no image folder, no image features");
    }

    @Test
    void debugOfOutOfMemoryShrinksVocabularies() {
        CodeResult draft = write(Operator.DRAFT, TEXT, null, List.of(), List.of(), List.of(), List.of(), 1);
        NodeContext buggy = new NodeContext("b", "draft", draft.code(), draft.spec(), draft.plan(), null, true,
                "numpy.core._exceptions._ArrayMemoryError: Unable to allocate 12.1 GiB for an array");
        CodeResult fixed = write(Operator.DEBUG, TEXT, buggy, List.of(), List.of(), List.of(), List.of(), 1);
        assertTrue(fixed.plan().startsWith("debug: pitfall.out_of_memory"), fixed.plan());
        assertEquals((int) spec(draft).features().get(0).number("max_features", 0) / 2,
                (int) spec(fixed).features().get(0).number("max_features", 0));
    }
}
