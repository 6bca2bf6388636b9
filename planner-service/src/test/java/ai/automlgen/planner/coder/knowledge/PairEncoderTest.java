package ai.automlgen.planner.coder.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * model.pair_encoder (coder/model/pair_encoder.py): the pretrained MiniLM fine-tuned as a cross-encoder on a row's texts,
 * on the files the executor mounts as /models. First on pairs it can only score by reading both phrases and the context
 * together (the context says whether synonyms or opposites count as the same), then as the last draft of us-patent,
 * blended with xgboost, end to end on a sample of the bench's rows, and its refit with the blend weights the node fitted.
 */
class PairEncoderTest {
    private static final String CHECKS = """
            rng = np.random.RandomState(0)
            synonyms = [("hot", "warm"), ("big", "large"), ("fast", "quick"), ("happy", "glad"), ("begin", "start"),
                        ("small", "tiny"), ("rich", "wealthy"), ("easy", "simple")]
            opposites = [("hot", "cold"), ("big", "small"), ("fast", "slow"), ("happy", "sad"), ("begin", "end"),
                         ("rich", "poor"), ("easy", "hard"), ("tiny", "huge")]
            rows, scores = [], []
            for _ in range(600):
                synonym, context = rng.rand() < 0.5, rng.choice(["same", "opposite"])
                a, b = (synonyms if synonym else opposites)[rng.randint(8)]
                rows.append([a, b, context])
                scores.append(1.0 if synonym == (context == "same") else 0.0)
            X, y = np.array(rows, dtype=object), np.array(scores)
            factory = MODEL_FACTORIES["model.pair_encoder"]
            settings = {"epochs": 4, "batch_size": 16, "learning_rate": 2e-4, "frozen_layers": 0}
            predicted = factory(settings, "regression").fit(X[:480], y[:480]).predict(X[480:])
            pearson = np.corrcoef(predicted, y[480:])[0, 1]
            print(f"pearson {pearson:.3f}")
            print("reads both phrases and the context together", pearson >= 0.9)
            probabilities = factory(dict(settings, epochs=2), "binary").fit(X[:480], y[:480].astype(int)).predict_proba(X[480:])
            print("binary targets give probabilities", probabilities.shape == (120, 2) and np.allclose(probabilities.sum(axis=1), 1))
            print("X is the row's strings, not the feature matrix", "model.pair_encoder" in TEXT_MODELS)
            TIME_LIMIT = (time.time() - START + 4) / 0.7  # 4 s of training left
            started = time.time()
            factory({"epochs": 50, "batch_size": 16}, "regression").fit(X, y)
            print("stops training in time", time.time() - started < 20)
            SENTENCE_ENCODER = os.path.join(OUTPUT, "no-such-model")
            try:
                factory({}, "regression")
                print("a missing encoder is named", False)
            except SystemExit as missing:
                print("a missing encoder is named", "automlgen.sandbox.models-dir" in str(missing))
            """;

    @Test
    void scoresPairsByReadingThemWithTheirContextWithinTheTimeLimit(@TempDir Path work) throws Exception {
        ScriptRun.assertChecksPass(work, List.of("ROLES = {}", Template.load("common.py"), Template.load("encoder/minilm.py"),
                        Template.load("model/pair_encoder.py"), CHECKS),
                List.of("reads both phrases and the context together", "binary targets give probabilities",
                        "X is the row's strings, not the feature matrix", "stops training in time", "a missing encoder is named"),
                300, Map.of("AUTOMLGEN_MODELS", TestModels.dir().toString()));
    }

    @Test
    void usPatentsLastDraftBlendsTheEncoderWithBoostingEndToEnd(@TempDir Path work) throws Exception {
        String name = "us-patent-phrase-to-phrase-matching";
        assumeTrue(BenchFixture.tasks().contains(name), "no us-patent task at " + BenchFixture.BENCH);
        BenchFixture fixture = BenchFixture.build(name, work.resolve("fixtures"), 400, 1);
        Path run = work.resolve("run");
        BenchFixture.DraftRun draft = fixture.runLastDraft(run, "model.pair_encoder");
        ScriptRun.Result result = draft.result();
        assertTrue(result.output().contains("model.pair_encoder on "), result.output());
        assertTrue(result.output().contains("blend weights"), "fitted on the holdout's rows: " + result.output());
        assertNull(fixture.outputProblem(run, "sample_submission", "submission.csv"), result.output());
        assertNull(fixture.outputProblem(run, "valid_sample_submission", "valid_predictions.csv"), result.output());

        PipelineSpec refit = KnowledgeCoder.refit(draft.spec(), result.output());
        assertTrue(refit.blend().params().containsKey("weights"), "the refit keeps the weights the node fitted: " + result.output());
        Path refitRun = work.resolve("refit");
        ScriptRun.Result refitted = ScriptRun.solution(refitRun, new ScriptRenderer().render(refit, fixture.task(), fixture.inputs(),
                "refit"), fixture.dir().resolve("input"), 7);
        assertEquals(0, refitted.exitCode(), refitted.output());
        assertTrue(refitted.output().contains("blend weights as validated"), refitted.output());
        assertNull(fixture.outputProblem(refitRun, "sample_submission", "submission.csv"), refitted.output());
    }
}
