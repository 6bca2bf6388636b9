package ai.automlgen.planner.graph;

import ai.automlgen.events.Budget;
import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.RunConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunRecordTest {
    private static final PreparedInputs INPUTS = new PreparedInputs("/runs/r1/input", Map.of("train", "train.csv",
            "valid", "valid.csv", "valid_sample_submission", "valid_sample_submission.csv", "test", "test.csv",
            "sample_submission", "sample_submission.csv"), 80, 20, 30);

    @Test
    void runPreparedBeforeTheEvaluatorNamedRefitInputsRefitsOnFullBesideItsInputWithoutValidationFiles() {
        RunRecord searching = preparing().searching(Instant.now(), null, INPUTS, null);

        PreparedInputs refit = searching.refitInputs();

        assertEquals("/runs/r1/full", refit.inputDir());
        assertEquals(Map.of("train", "train.csv", "test", "test.csv", "sample_submission", "sample_submission.csv"),
                refit.files());
        assertEquals(100, refit.trainRows());
        assertEquals(0, refit.validRows());
        assertEquals(30, refit.testRows());
    }

    @Test
    void refitInputsTheEvaluatorNamedAreKept() {
        PreparedInputs named = new PreparedInputs("/elsewhere/full", Map.of("train", "all.csv"), 100, 0, 30);

        assertEquals(named, preparing().searching(Instant.now(), null, INPUTS, named).refitting(null).refitInputs());
    }

    private static RunRecord preparing() {
        return new RunRecord("r1", "/task", RunStatus.PREPARING, new RunConfig("mcgs", "knowledge", 1, 0L, null, null,
                null), new Budget(Duration.ofMinutes(5), 10), Instant.now(), null, null, null, null, null, null, null,
                null, null, null);
    }
}
