package ai.automlgen.evaluator.spi;

import ai.automlgen.evaluator.RunRecord;
import ai.automlgen.evaluator.grading.GradeResult;
import ai.automlgen.evaluator.grading.Grader;
import ai.automlgen.evaluator.grading.Shapes;
import ai.automlgen.evaluator.grading.TestGrade;
import ai.automlgen.evaluator.grading.TestSetGrader;
import ai.automlgen.evaluator.prepare.RunFolders;
import ai.automlgen.evaluator.prepare.Roles;
import ai.automlgen.evaluator.task.TaskSpec;
import ai.automlgen.events.ArtifactRef;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.Grade;
import ai.automlgen.events.Outcome;
import ai.automlgen.events.RunConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The default evaluator ("holdout"): scores valid_predictions.csv against the validation labels this
 * service held out, checks submission.csv against the sample submission, and in benchmark mode grades
 * the submission against the private answers (reported in testGrade only; never the score).
 */
@ApplicationScoped
public class HoldoutEvaluator implements Evaluator {
    private static final Logger LOG = Logger.getLogger(HoldoutEvaluator.class);

    private final TaskSpecs specs;

    public HoldoutEvaluator(TaskSpecs specs) {
        this.specs = specs;
    }

    @Override
    public String id() {
        return RunConfig.DEFAULT_EVALUATOR;
    }

    @Override
    public Verdict evaluate(RunRecord run, ExecutionFinished execution) {
        TaskSpec spec;
        try {
            spec = specs.of(run);
        } catch (IllegalStateException e) {
            return Verdict.unloadableTask(run, e.getMessage());
        }
        if (execution.outcome() != Outcome.OK) {
            return Verdict.invalid(spec, List.of(ExecutionOutputs.failure(execution)));
        }
        List<String> problems = new ArrayList<>();
        Double score = null;
        RunFolders folders = new RunFolders(Path.of(run.prepared().inputs().inputDir()).getParent());
        try {
            if (!execution.refit()) {
                score = validationScore(spec, folders, run, execution, problems);
            }
            Optional<Path> submission = ExecutionOutputs.file(execution, ArtifactRef.SUBMISSION);
            Grade testGrade = null;
            if (submission.isEmpty()) {
                problems.add(ExecutionOutputs.missing(ArtifactRef.SUBMISSION));
            } else {
                GradeResult check = Grader.check(submission.get(), Shapes.of(spec, spec.file(TaskSpec.SAMPLE_SUBMISSION)), spec.file(TaskSpec.SAMPLE_SUBMISSION));
                problems.addAll(check.problems());
                if (check.valid() && TestSetGrader.canGrade(spec)) {
                    testGrade = testGrade(spec, submission.get(), execution);
                }
            }
            return new Verdict(spec.metric(), problems.isEmpty() ? score : null, spec.lowerIsBetter(), problems.isEmpty(), problems, testGrade);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "run %s node %s: evaluation failed", execution.runId(), execution.nodeId());
            problems.add("evaluator: cannot evaluate: " + e.getMessage());
            return Verdict.invalid(spec, problems);
        }
    }

    private static Double validationScore(TaskSpec spec, RunFolders folders, RunRecord run, ExecutionFinished execution,
                                          List<String> problems) throws IOException {
        Optional<Path> predictions = ExecutionOutputs.file(execution, ArtifactRef.VALID_PREDICTIONS);
        if (predictions.isEmpty()) {
            problems.add(ExecutionOutputs.missing(ArtifactRef.VALID_PREDICTIONS) + ", one row per row of input/valid");
            return null;
        }
        Path validSample = folders.input().resolve(run.prepared().inputs().files().get(Roles.VALID_SAMPLE_SUBMISSION));
        GradeResult result = Grader.grade(predictions.get(), Shapes.of(spec, validSample), folders.validLabels());
        problems.addAll(result.problems());
        if (result.valid() && result.score() != null && !Double.isFinite(result.score())) {
            problems.add(ArtifactRef.VALID_PREDICTIONS + ": the " + spec.metric() + " score is " + result.score()
                    + ", not a finite number (e.g. for a constant prediction); vary the predictions");
        }
        return result.score();
    }

    /**
     * Reporting only: a task whose private answers or leaderboard cannot be read loses the test grade,
     * never the node's validation score.
     */
    private static Grade testGrade(TaskSpec spec, Path submission, ExecutionFinished execution) {
        try {
            TestGrade grade = TestSetGrader.grade(spec, submission);
            return new Grade(finite(grade.score()), grade.valid(), grade.medal() == null ? null : grade.medal().label(), grade.aboveMedian());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("run %s node %s: no test grade (reported only, the score stands): %s",
                    execution.runId(), execution.nodeId(), e.getMessage());
            return null;
        }
    }

    private static Double finite(Double score) {
        return score == null || Double.isNaN(score) || Double.isInfinite(score) ? null : score;
    }
}
