package ai.automlgen.planner.coder.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * model.span_encoder (coder/model/span_encoder.py): the pretrained MiniLM fine-tuned to point at an answer span, on
 * the files the executor mounts as /models. First on a task it can only solve by reading the condition (which of two
 * sentiment words a text's sentiment asks for), then as the span draft a tweet task gets, end to end on a sample of
 * the bench's tweets.
 */
class SpanEncoderTest {
    private static final String CHECKS = """
            rng = np.random.RandomState(0)
            fillers = "the a today we went to park and then it was very so my friend said".split()
            positive = "love great happy wonderful awesome excellent fun amazing".split()
            negative = "hate awful sad terrible horrible boring angry worst".split()
            texts, conditions, answers = [], [], []
            for _ in range(500):
                words = list(rng.choice(fillers, rng.randint(6, 11)))
                good, bad = rng.choice(positive), rng.choice(negative)
                words.insert(rng.randint(len(words) + 1), good)
                words.insert(rng.randint(len(words) + 1), bad)
                condition = rng.choice(["positive", "negative"])
                texts.append(" ".join(words)), conditions.append(condition), answers.append(good if condition == "positive" else bad)
            labels = [[int(w == a) for w in t.split()] for t, a in zip(texts, answers)]
            labels[0] = [0] * len(labels[0])  # an answer not found in its text: not learned from
            extractor = SPAN_EXTRACTORS["model.span_encoder"]
            model = extractor({"epochs": 3, "batch_size": 16, "learning_rate": 3e-4}).fit(texts[:400], conditions[:400], labels[:400])
            spans = model.extract(texts[400:], conditions[400:])
            accuracy = np.mean([s == a for s, a in zip(spans, answers[400:])])
            print(f"exact spans {accuracy:.3f}")
            print("points at the word its condition asks for", accuracy >= 0.9)
            print("answers are runs of whole words", all(f" {s} " in f" {t} " for s, t in zip(spans, texts[400:])))
            TIME_LIMIT = (time.time() - START + 4) / 0.7  # 4 s of training left
            started = time.time()
            extractor({"epochs": 50, "batch_size": 16}).fit(texts, conditions, labels)
            print("stops training in time", time.time() - started < 20)
            SENTENCE_ENCODER = os.path.join(OUTPUT, "no-such-model")
            try:
                extractor({})
                print("a missing encoder is named", False)
            except SystemExit as missing:
                print("a missing encoder is named", "automlgen.sandbox.models-dir" in str(missing))
            """;

    @Test
    void learnsToPointAtTheSpanItsConditionAsksForWithinTheTimeLimit(@TempDir Path work) throws Exception {
        ScriptRun.assertChecksPass(work, List.of("ROLES = {}", Template.load("common.py"), Template.load("encoder/minilm.py"),
                        Template.load("model/span_encoder.py"), CHECKS),
                List.of("points at the word its condition asks for", "answers are runs of whole words", "stops training in time",
                        "a missing encoder is named"), 300, Map.of("AUTOMLGEN_MODELS", TestModels.dir().toString()));
    }

    @Test
    void theTweetTaskGetsAnEncoderDraftThatRunsEndToEnd(@TempDir Path work) throws Exception {
        assumeTrue(BenchFixture.tasks().contains("tweet-sentiment-extraction"), "no tweet task at " + BenchFixture.BENCH);
        BenchFixture fixture = BenchFixture.build("tweet-sentiment-extraction", work.resolve("fixtures"), 300, 1);
        Path run = work.resolve("run");
        ScriptRun.Result result = fixture.runLastDraft(run, "model.span_encoder").result();
        assertTrue(result.output().contains("texts: fine-tuning, 1 epochs of"), result.output());
        assertNull(fixture.outputProblem(run, "sample_submission", "submission.csv"), result.output());
        assertNull(fixture.outputProblem(run, "valid_sample_submission", "valid_predictions.csv"), result.output());
        assertTrue(Files.size(run.resolve("output/submission.csv")) > 0);
    }
}
