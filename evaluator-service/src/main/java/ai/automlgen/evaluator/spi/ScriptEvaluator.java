package ai.automlgen.evaluator.spi;

import ai.automlgen.evaluator.RunRecord;
import ai.automlgen.evaluator.grading.GradeResult;
import ai.automlgen.evaluator.grading.Grader;
import ai.automlgen.evaluator.grading.Shapes;
import ai.automlgen.evaluator.prepare.RunFolders;
import ai.automlgen.evaluator.prepare.Roles;
import ai.automlgen.evaluator.task.TaskSpec;
import ai.automlgen.events.ArtifactRef;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The "script" evaluator: the task scores its own validation predictions with a Python function it
 * ships as {@code grade.py} next to task.yaml — {@code grade(predictions_csv, labels_csv) -> float} —
 * run in a child process with a timeout. The file format is checked first, as for the holdout evaluator.
 */
@ApplicationScoped
public class ScriptEvaluator implements Evaluator {
    public static final String ID = "script";
    public static final String SCRIPT = TaskSpec.GRADE_SCRIPT;
    /** Imports the task's grade.py by path and prints the score as the last line of stdout. */
    private static final String RUNNER = String.join("\n",
            "import importlib.util, sys",
            "spec = importlib.util.spec_from_file_location('task_grade', sys.argv[1])",
            "module = importlib.util.module_from_spec(spec)",
            "spec.loader.exec_module(module)",
            "print(repr(float(module.grade(sys.argv[2], sys.argv[3]))))");

    private final TaskSpecs specs;
    private final String python;
    private final Duration timeout;

    public ScriptEvaluator(TaskSpecs specs,
                           @ConfigProperty(name = "automlgen.evaluator.python") String python,
                           @ConfigProperty(name = "automlgen.evaluator.script-timeout") Duration timeout) {
        this.specs = specs;
        this.python = python;
        this.timeout = timeout;
    }

    @Override
    public String id() {
        return ID;
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
        Path script = spec.dir().resolve(SCRIPT);
        if (!Files.isRegularFile(script)) {
            return Verdict.invalid(spec, List.of(spec.dir() + ": " + SCRIPT + " not found; the script evaluator needs grade(predictions_csv, labels_csv) -> float there"));
        }
        List<String> problems = new ArrayList<>();
        try {
            Optional<Path> submission = ExecutionOutputs.file(execution, ArtifactRef.SUBMISSION);
            if (submission.isEmpty()) {
                problems.add(ExecutionOutputs.missing(ArtifactRef.SUBMISSION));
            } else {
                Path sample = spec.file(TaskSpec.SAMPLE_SUBMISSION);
                problems.addAll(Grader.check(submission.get(), Shapes.of(spec, sample), sample).problems());
            }
            if (execution.refit()) {
                return problems.isEmpty() ? new Verdict(spec.metric(), null, spec.lowerIsBetter(), true, List.of(), null) : Verdict.invalid(spec, problems);
            }
            Optional<Path> predictions = ExecutionOutputs.file(execution, ArtifactRef.VALID_PREDICTIONS);
            if (predictions.isEmpty()) {
                problems.add(ExecutionOutputs.missing(ArtifactRef.VALID_PREDICTIONS));
                return Verdict.invalid(spec, problems);
            }
            RunFolders folders = new RunFolders(Path.of(run.prepared().inputs().inputDir()).getParent());
            Path validSample = folders.input().resolve(run.prepared().inputs().files().get(Roles.VALID_SAMPLE_SUBMISSION));
            GradeResult format = Grader.check(predictions.get(), Shapes.of(spec, validSample), validSample);
            problems.addAll(format.problems());
            if (!problems.isEmpty()) {
                return Verdict.invalid(spec, problems);
            }
            return runScript(spec, script, predictions.get(), folders.validLabels());
        } catch (IOException | RuntimeException e) {
            problems.add("evaluator: cannot evaluate: " + e.getMessage());
            return Verdict.invalid(spec, problems);
        }
    }

    private Verdict runScript(TaskSpec spec, Path script, Path predictions, Path labels) throws IOException {
        Path workDir = Files.createTempDirectory("automlgen-script-evaluator");
        Path stdout = workDir.resolve("stdout.txt");
        Path stderr = workDir.resolve("stderr.txt");
        Process process = new ProcessBuilder(python, "-c", RUNNER, script.toString(), predictions.toString(), labels.toString())
                .directory(workDir.toFile()).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return Verdict.invalid(spec, List.of(SCRIPT + ": did not finish within " + timeout.toSeconds() + " s"));
            }
            List<String> out = Files.readAllLines(stdout, StandardCharsets.UTF_8);
            if (process.exitValue() != 0 || out.isEmpty()) {
                List<String> err = Files.readAllLines(stderr, StandardCharsets.UTF_8);
                String last = err.isEmpty() ? "no output" : err.get(err.size() - 1);
                return Verdict.invalid(spec, List.of(SCRIPT + ": failed (exit code " + process.exitValue() + "): " + last));
            }
            String printed = out.get(out.size() - 1).strip();
            double score = parsePythonFloat(printed);
            if (!Double.isFinite(score)) {
                return Verdict.invalid(spec, List.of(SCRIPT + ": returned " + printed + " for these predictions; grade() must return a finite number"));
            }
            return new Verdict(spec.metric(), score, spec.lowerIsBetter(), true, List.of(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return Verdict.invalid(spec, List.of(SCRIPT + ": interrupted"));
        } catch (NumberFormatException e) {
            return Verdict.invalid(spec, List.of(SCRIPT + ": grade() did not return a number: " + e.getMessage()));
        } finally {
            for (Path p : List.of(stdout, stderr, workDir)) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** repr() of a Python float: Java's number syntax except nan, inf and -inf. */
    private static double parsePythonFloat(String repr) {
        return switch (repr) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(repr);
        };
    }
}
